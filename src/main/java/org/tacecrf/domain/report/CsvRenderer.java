package org.tacecrf.domain.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes tables as CSV (RFC 4180, CRLF line ends, UTF-8), in one of two layouts:
 * <ul>
 *   <li>{@link Layout#DISPLAY}: the table as printed, one CSV record per line of the table: title,
 *       subtitle, note, header rows (a spanning cell's text in its first column, the covered columns
 *       empty), body rows (labels indented two spaces per level, cells as formatted, footnote markers as
 *       Unicode superscripts), footnotes and source. Cells holding a single number print it as text
 *       Excel reads as a number ("65.9", "0.012").</li>
 *   <li>{@link Layout#VALUES}: every number in long form ({@link TableValue#COLUMNS}) at full
 *       precision, for checking against R or SPSS.</li>
 * </ul>
 * Several tables are separated by an empty record. With the byte-order mark Excel recognises UTF-8 and
 * shows Chinese text correctly; R's {@code read.csv(fileEncoding = "UTF-8-BOM")} strips it.
 */
public final class CsvRenderer implements TableRenderer {

    /** What the CSV holds. */
    public enum Layout { DISPLAY, VALUES }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final Layout layout;
    private final boolean byteOrderMark;

    public CsvRenderer(Layout layout, boolean byteOrderMark) {
        this.layout = Objects.requireNonNull(layout);
        this.byteOrderMark = byteOrderMark;
    }

    /** The display layout with a byte-order mark, for opening in Excel. */
    public static CsvRenderer forExcel() {
        return new CsvRenderer(Layout.DISPLAY, true);
    }

    @Override
    public void render(List<StudyTable> tables, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (byteOrderMark) {
            writer.write('\uFEFF');
        }
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        if (layout == Layout.VALUES) {
            printer.printRecord(TableValue.COLUMNS);
            for (StudyTable table : tables) {
                for (TableValue v : table.values()) {
                    printer.printRecord(v.tableId(), v.row() + 1, v.rowLabel(), v.column(), v.columnLabel(),
                            v.statistic(), v.valueText(), v.text());
                }
            }
        } else {
            for (int i = 0; i < tables.size(); i++) {
                if (i > 0) {
                    printer.println();
                }
                display(tables.get(i), printer);
            }
        }
        printer.flush(); // the caller owns the stream: flush, do not close
    }

    private static void display(StudyTable table, CSVPrinter printer) throws IOException {
        printer.printRecord(table.title());
        if (!table.subtitle().isEmpty()) {
            printer.printRecord(table.subtitle());
        }
        if (!table.note().isEmpty()) {
            printer.printRecord(table.note().text());
        }
        String[][] header = new String[table.headerRowCount()][table.columnCount()];
        Arrays.stream(header).forEach(row -> Arrays.fill(row, ""));
        for (PlacedHeader h : table.headerLayout()) {
            header[h.row()][h.column()] = h.cell().textWithMarkers();
        }
        for (String[] row : header) {
            printer.printRecord((Object[]) row);
        }
        for (Row row : table.rows()) {
            List<String> record = new ArrayList<>();
            record.add("  ".repeat(row.level()) + row.labelWithMarkers());
            row.cells().forEach(c -> record.add(c.textWithMarkers()));
            printer.printRecord(record);
        }
        for (Footnote f : table.footnotes()) {
            printer.printRecord(f.plainText());
        }
        if (!table.source().isEmpty()) {
            printer.printRecord(table.source());
        }
    }
}
