package org.tacecrf.interfaces.web.analysis;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.tacecrf.domain.report.Cell;
import org.tacecrf.domain.report.Footnote;
import org.tacecrf.domain.report.HeaderCell;
import org.tacecrf.domain.report.PlacedHeader;
import org.tacecrf.domain.report.Row;
import org.tacecrf.domain.report.StudyTable;

/**
 * A computed study table as the page's data table shows it: header rows with their spans, body rows
 * with their indentation level, the note stating population, n, cut-off and methods, the footnotes and
 * the source. Plain strings so the view can keep it between requests.
 *
 * @param headerRows header cells row by row; at most {@link #MAX_HEADER_ROWS} rows (deeper headers are
 *                   shown as one row of the joined column labels)
 * @param dataColumns indexes 0..n-1 of the data columns (the row-label column excluded), for dynamic columns
 */
public record StudyTableView(String id, String title, String subtitle, String note, List<List<HeaderView>> headerRows,
                             List<Integer> dataColumns, List<RowView> rows, List<FootnoteView> footnotes,
                             String source) implements Serializable {

    /** The header rows the page template lays out. */
    public static final int MAX_HEADER_ROWS = 3;

    /** A header cell; {@code markers} are the footnote markers joined by commas, or "". */
    public record HeaderView(String text, String markers, int colSpan, int rowSpan, String styleClass)
            implements Serializable {
    }

    /** A body row: a section heading over the whole width, or a data row indented by {@code level}. */
    public record RowView(String label, String markers, int level, boolean section, List<CellView> cells)
            implements Serializable {
    }

    /** A body cell's printed text and its footnote markers. */
    public record CellView(String text, String markers) implements Serializable {
    }

    /** A footnote; the marker is "" for a general note. */
    public record FootnoteView(String marker, String text) implements Serializable {
    }

    public StudyTableView {
        headerRows = headerRows.stream().map(List::copyOf).toList();
        dataColumns = List.copyOf(dataColumns);
        rows = List.copyOf(rows);
        footnotes = List.copyOf(footnotes);
    }

    /** The view of a built table. */
    public static StudyTableView of(StudyTable table) {
        List<List<HeaderView>> header = new ArrayList<>();
        if (table.headerRowCount() <= MAX_HEADER_ROWS) {
            for (int r = 0; r < table.headerRowCount(); r++) {
                header.add(new ArrayList<>());
            }
            for (PlacedHeader p : table.headerLayout()) {
                HeaderCell c = p.cell();
                String styleClass = (p.column() == 0 ? "study-table-label-head " : "")
                        + (p.lastRow() == table.headerRowCount() - 1 ? "study-table-last"
                        : p.groupsColumns(table.headerRowCount()) ? "study-table-group" : "");
                header.get(p.row()).add(new HeaderView(c.text(), markers(c.markers()), c.colSpan(), c.rowSpan(),
                        styleClass.strip()));
            }
        } else {
            List<String> labels = table.columnLabels();
            header.add(IntStream.range(0, labels.size()).mapToObj(i -> new HeaderView(labels.get(i), "", 1, 1,
                    i == 0 ? "study-table-label-head study-table-last" : "study-table-last")).toList());
        }
        List<RowView> rows = new ArrayList<>();
        for (Row row : table.rows()) {
            rows.add(new RowView(row.label(), markers(row.labelMarkers()), row.level(), row.isSection(),
                    row.cells().stream().map(c -> new CellView(c.text(), markers(c.markers()))).toList()));
        }
        List<FootnoteView> footnotes = table.footnotes().stream().map(f -> new FootnoteView(f.marker(), f.text()))
                .toList();
        return new StudyTableView(table.id(), table.title(), table.subtitle(), table.note().text(), header,
                IntStream.range(0, table.columnCount() - 1).boxed().toList(), rows, footnotes, table.source());
    }

    private static String markers(List<String> markers) {
        return String.join(",", markers);
    }
}
