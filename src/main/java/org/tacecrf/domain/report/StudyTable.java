package org.tacecrf.domain.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A publication table: id and title, an optional subtitle, a note on population, N, data cut-off and
 * methods, column header rows whose cells may span columns and rows, body rows with a row label and
 * one typed {@link Cell} per data column, footnotes and a source line.
 * <p>
 * The first column holds the row labels; its header cell is part of the first header row. Cells
 * are formatted once, when the table is built, with the table's {@link Formats}; every renderer prints
 * the same text. The builder checks that header spans tile the grid, that every data row has one cell
 * per data column and that every footnote marker used is explained by a footnote.
 * <p>
 * Instances are immutable.
 */
public final class StudyTable {

    private final String id;
    private final String title;
    private final String subtitle;
    private final TableNote note;
    private final List<List<HeaderCell>> header;
    private final List<Row> rows;
    private final List<Footnote> footnotes;
    private final String source;
    private final Formats formats;
    private final int columnCount;
    private final List<PlacedHeader> headerLayout;

    private StudyTable(Builder b) {
        id = requireText(b.id, "A table needs an id.");
        title = requireText(b.title, "A table needs a title.");
        subtitle = blankToEmpty(b.subtitle);
        note = new TableNote(b.population, b.n, b.dataCutOff, b.methods);
        formats = b.formats;
        header = b.header.stream().map(List::copyOf).toList();
        footnotes = List.copyOf(b.footnotes);
        source = blankToEmpty(b.source);
        if (header.isEmpty()) {
            throw new IllegalArgumentException("Table " + id + " needs at least one header row.");
        }
        columnCount = header.get(0).stream().mapToInt(HeaderCell::colSpan).sum();
        headerLayout = layOut(header, columnCount, id);
        rows = b.rows.stream().map(r -> r.formatted(formats)).toList();
        for (Row row : rows) {
            if (!row.isSection() && row.cells().size() != columnCount - 1) {
                throw new IllegalArgumentException("Row \"" + row.label() + "\" of table " + id + " has "
                        + row.cells().size() + " cells; the header has " + (columnCount - 1) + " data columns.");
            }
        }
        checkMarkers();
    }

    /** Starts a table with its id (e.g. "T1", used for sheet names and anchors) and title. */
    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The subtitle, or "". */
    public String subtitle() {
        return subtitle;
    }

    /** The population / N / cut-off / methods note; its text may be empty. */
    public TableNote note() {
        return note;
    }

    /** The header rows as given, each a list of cells left to right (cells covered by spans omitted). */
    public List<List<HeaderCell>> header() {
        return header;
    }

    public int headerRowCount() {
        return header.size();
    }

    /** Every header cell with its grid position, row by row. */
    public List<PlacedHeader> headerLayout() {
        return headerLayout;
    }

    /** Columns including the row-label column. */
    public int columnCount() {
        return columnCount;
    }

    public List<Row> rows() {
        return rows;
    }

    public List<Footnote> footnotes() {
        return footnotes;
    }

    /** The source/methods line printed last, or "". */
    public String source() {
        return source;
    }

    public Formats formats() {
        return formats;
    }

    /**
     * The label of each column: the texts of the header cells above it, top to bottom, joined by " / "
     * ("DEB-TACE (n=45) / n").
     */
    public List<String> columnLabels() {
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < columnCount; c++) {
            Set<String> parts = new LinkedHashSet<>();
            for (PlacedHeader h : headerLayout) {
                if (h.column() <= c && c <= h.lastColumn() && !h.cell().text().isBlank()) {
                    parts.add(h.cell().text());
                }
            }
            labels.add(String.join(" / ", parts));
        }
        return labels;
    }

    /**
     * The label of each body row with the labels of the rows it is indented under ("ECOG PS / 1"); a
     * section row's label is its own.
     */
    public List<String> rowPaths() {
        List<String> paths = new ArrayList<>();
        List<String> stack = new ArrayList<>();
        for (Row row : rows) {
            if (row.isSection()) {
                stack.clear();
                paths.add(row.label());
                continue;
            }
            while (stack.size() > row.level()) {
                stack.remove(stack.size() - 1);
            }
            while (stack.size() < row.level()) {
                stack.add(""); // a level skipped without a parent row
            }
            stack.add(row.label());
            paths.add(String.join(" / ", stack.stream().filter(s -> !s.isEmpty()).toList()));
        }
        return paths;
    }

    /** Every number behind the table in long form, row by row and column by column. */
    public List<TableValue> values() {
        List<String> columnLabels = columnLabels();
        List<String> rowPaths = rowPaths();
        List<TableValue> values = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Cell> cells = rows.get(r).cells();
            for (int j = 0; j < cells.size(); j++) {
                Cell cell = cells.get(j);
                for (CellValue.Component comp : cell.value().components()) {
                    values.add(new TableValue(id, r, rowPaths.get(r), j + 1, columnLabels.get(j + 1), comp.name(),
                            comp.value(), cell.text()));
                }
            }
        }
        return values;
    }

    private static List<PlacedHeader> layOut(List<List<HeaderCell>> header, int columns, String id) {
        int rowCount = header.size();
        boolean[][] taken = new boolean[rowCount][columns];
        List<PlacedHeader> placed = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            int c = 0;
            for (HeaderCell cell : header.get(r)) {
                while (c < columns && taken[r][c]) {
                    c++;
                }
                if (c + cell.colSpan() > columns || r + cell.rowSpan() > rowCount) {
                    throw new IllegalArgumentException("Header cell \"" + cell.text() + "\" of table " + id
                            + " reaches beyond the header grid of " + rowCount + " rows and " + columns + " columns.");
                }
                for (int rr = r; rr < r + cell.rowSpan(); rr++) {
                    for (int cc = c; cc < c + cell.colSpan(); cc++) {
                        if (taken[rr][cc]) {
                            throw new IllegalArgumentException("Header cell \"" + cell.text() + "\" of table " + id
                                    + " overlaps another header cell.");
                        }
                        taken[rr][cc] = true;
                    }
                }
                placed.add(new PlacedHeader(r, c, cell));
                c += cell.colSpan();
            }
            for (int cc = 0; cc < columns; cc++) {
                if (!taken[r][cc]) {
                    throw new IllegalArgumentException("Header row " + (r + 1) + " of table " + id
                            + " leaves column " + (cc + 1) + " without a header cell.");
                }
            }
        }
        return List.copyOf(placed);
    }

    private void checkMarkers() {
        Set<String> defined = new HashSet<>();
        for (Footnote f : footnotes) {
            if (f.hasMarker() && !defined.add(f.marker())) {
                throw new IllegalArgumentException("Table " + id + " has two footnotes marked " + f.marker() + ".");
            }
        }
        Set<String> used = new LinkedHashSet<>();
        header.forEach(row -> row.forEach(h -> used.addAll(h.markers())));
        for (Row row : rows) {
            used.addAll(row.labelMarkers());
            row.cells().forEach(c -> used.addAll(c.markers()));
        }
        used.removeAll(defined);
        if (!used.isEmpty()) {
            throw new IllegalArgumentException("Table " + id + " uses footnote markers without a footnote: "
                    + String.join(", ", used) + ".");
        }
    }

    private static String requireText(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(message);
        }
        return text.strip();
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    /** Collects the parts of a {@link StudyTable}; {@link #build()} checks and formats them. */
    public static final class Builder {
        private final String id;
        private final String title;
        private String subtitle;
        private String population;
        private Integer n;
        private LocalDate dataCutOff;
        private String methods;
        private Formats formats = Formats.standard();
        private final List<List<HeaderCell>> header = new ArrayList<>();
        private final List<Row> rows = new ArrayList<>();
        private final List<Footnote> footnotes = new ArrayList<>();
        private String source;

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder subtitle(String text) {
            this.subtitle = text;
            return this;
        }

        /** The analysis population and its size, e.g. ("Intention-to-treat population", 88). */
        public Builder population(String population, Integer n) {
            this.population = population;
            this.n = n;
            return this;
        }

        public Builder dataCutOff(LocalDate date) {
            this.dataCutOff = date;
            return this;
        }

        /** How the numbers were computed, in a sentence or two. */
        public Builder methods(String text) {
            this.methods = text;
            return this;
        }

        public Builder formats(Formats rules) {
            this.formats = Objects.requireNonNull(rules);
            return this;
        }

        /** Adds a header row. */
        public Builder header(HeaderCell... cells) {
            header.add(Arrays.asList(cells));
            return this;
        }

        /** Adds a header row of plain one-column cells. */
        public Builder columns(String... texts) {
            header.add(Arrays.stream(texts).map(HeaderCell::of).toList());
            return this;
        }

        /** A data row at level 0. */
        public Builder row(String label, Cell... cells) {
            return row(0, label, cells);
        }

        /** A data row indented to {@code level}. */
        public Builder row(int level, String label, Cell... cells) {
            rows.add(Row.data(level, label, List.of(cells)));
            return this;
        }

        /** A section row across the table. */
        public Builder section(String label) {
            rows.add(Row.section(label));
            return this;
        }

        public Builder add(Row row) {
            rows.add(Objects.requireNonNull(row));
            return this;
        }

        /** A footnote explaining cells marked {@code marker}. */
        public Builder footnote(String marker, String text) {
            footnotes.add(new Footnote(marker, text));
            return this;
        }

        /** A general note without marker, e.g. the abbreviations. */
        public Builder footnote(String text) {
            footnotes.add(Footnote.note(text));
            return this;
        }

        public Builder source(String text) {
            this.source = text;
            return this;
        }

        public StudyTable build() {
            return new StudyTable(this);
        }
    }
}
