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

    /**
     * Whether this cell groups columns above further header rows ("DEB-TACE (n=45)" over "n" and "%"):
     * journals draw a short rule under such cells.
     */
    public boolean groupsColumns(int headerRowCount) {
        return cell.colSpan() > 1 && lastRow() < headerRowCount - 1;
    }
}
