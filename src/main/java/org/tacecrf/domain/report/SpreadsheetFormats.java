package org.tacecrf.domain.report;

import java.util.Optional;

/**
 * Excel number formats that make a numeric cell display exactly the text the table prints, so
 * spreadsheets keep numbers as numbers: the decimals are read off the formatted text, a p-value below
 * the floor gets a conditional section ({@code [<0.001]"<0.001";0.000}), and footnote markers become a
 * quoted superscript literal.
 */
final class SpreadsheetFormats {

    private SpreadsheetFormats() {
    }

    /**
     * The number format for a cell that holds a single finite number printed as formatted, or empty when
     * the cell must be written as text (composite values, text overrides, NaN).
     */
    static Optional<String> numberFormat(Cell cell, Formats formats) {
        if (cell.value().number().isEmpty() || !cell.text().equals(cell.value().format(formats))) {
            return Optional.empty();
        }
        String suffix = cell.markers().isEmpty() ? ""
                : "\"" + Markers.superscript(cell.markers()).replace("\"", "") + "\"";
        String text = cell.text();
        if (cell.value() instanceof CellValue.PValue) {
            String floor = formats.pValue(0).substring(1); // "0.001" from "<0.001"
            String above = text.startsWith("<") ? decimals(floor, false) : decimals(text, false);
            return Optional.of("[<" + floor + "]\"<" + floor + "\"" + suffix + ";" + above + suffix);
        }
        boolean percentSign = text.endsWith("%");
        String digits = percentSign ? text.substring(0, text.length() - 1) : text;
        return Optional.of(decimals(digits, formats.grouping()) + (percentSign ? "\"%\"" : "") + suffix);
    }

    /** "0.000" for "0.012", "0" for "58", "#,##0.0" for "5,683.2" with grouping. */
    private static String decimals(String number, boolean grouping) {
        int point = number.indexOf('.');
        int decimals = point < 0 ? 0 : number.length() - point - 1;
        return (grouping ? "#,##0" : "0") + (decimals > 0 ? "." + "0".repeat(decimals) : "");
    }
}
