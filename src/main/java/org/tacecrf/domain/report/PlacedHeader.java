package org.tacecrf.domain.report;

/**
 * A header cell at its grid position (0-based header row and column), as laid out by
 * {@link StudyTable}: renderers that need coordinates (spreadsheets, PDF) use these.
 */
public record PlacedHeader(int row, int column, HeaderCell cell) {

    public int lastRow() {
        return row + cell.rowSpan() - 1;
    }

    public int lastColumn() {
        return column + cell.colSpan() - 1;
    }
}
