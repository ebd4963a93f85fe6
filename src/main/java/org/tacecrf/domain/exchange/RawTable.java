package org.tacecrf.domain.exchange;

import java.util.List;

/**
 * A table as read from a CSV file or the first sheet of a workbook: the header row (names trimmed
 * and in lower case) and the non-blank rows below it, each with its row number in the file.
 *
 * @param headerRow row number of the header (1 unless blank rows precede it)
 */
public record RawTable(int headerRow, List<String> header, List<Row> rows) {

    public RawTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** One data row; cells beyond the end of a short row are blank. */
    public record Row(int number, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(int index) {
            return index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
        }
    }

    /** The header name as a column name: trimmed, lower case, without a stray byte-order mark. */
    static String columnName(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").strip().toLowerCase(java.util.Locale.ROOT);
    }

    static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
