package org.tacecrf.domain.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes tables to an Excel workbook (.xlsx) with Apache POI's streaming writer, so large listings
 * use little memory. Each table: title (bold), subtitle and note, header rows with merged cells for
 * spans, body rows with their labels indented by level, footnotes and source below. Cells holding a single
 * number are numeric cells whose number format shows exactly the table's text
 * ({@link SpreadsheetFormats}); composite cells ("58 (65.9%)") are text. Rules above and below the
 * header and under the body give the three-line look of journal tables.
 * <p>
 * Tables go one per sheet (named by table id) or all on one sheet; optionally a "Values" sheet lists
 * every number in long form ({@link TableValue}).
 */
public final class XlsxRenderer implements TableRenderer {

    /** Where the tables go. */
    public enum Layout { SHEET_PER_TABLE, ONE_SHEET }

    private static final int MAX_COLUMN_CHARS = 60;

    private final Layout layout;
    private final boolean valuesSheet;

    public XlsxRenderer(Layout layout, boolean valuesSheet) {
        this.layout = Objects.requireNonNull(layout);
        this.valuesSheet = valuesSheet;
    }

    /** One sheet per table, no values sheet. */
    public XlsxRenderer() {
        this(Layout.SHEET_PER_TABLE, false);
    }

    @Override
    public void render(List<StudyTable> tables, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            Styles styles = new Styles(workbook);
            Set<String> names = new HashSet<>();
            if (layout == Layout.ONE_SHEET) {
                Sheet sheet = new Sheet(workbook.createSheet("Tables"), styles);
                for (StudyTable table : tables) {
                    sheet.table(table);
                    sheet.next += 2;
                }
                sheet.widths();
            } else {
                for (StudyTable table : tables) {
                    Sheet sheet = new Sheet(workbook.createSheet(sheetName(table.id(), names)), styles);
                    sheet.table(table);
                    sheet.widths();
                }
            }
            if (valuesSheet) {
                writeValues(workbook.createSheet(sheetName("Values", names)), tables, styles);
            }
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close(); // also deletes the streaming writer's temporary files
        }
    }

    /** A legal, unique sheet name: Excel forbids []:*?/\ and allows 31 characters. */
    static String sheetName(String wanted, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(wanted, '_');
        String name = base;
        for (int i = 2; taken.contains(name.toLowerCase()); i++) {
            String suffix = "~" + i;
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        taken.add(name.toLowerCase());
        return name;
    }

    private static void writeValues(SXSSFSheet sheet, List<StudyTable> tables, Styles styles) {
        SXSSFRow header = sheet.createRow(0);
        for (int c = 0; c < TableValue.COLUMNS.size(); c++) {
            SXSSFCell cell = header.createCell(c);
            cell.setCellValue(TableValue.COLUMNS.get(c));
            cell.setCellStyle(styles.get(Style.HEADER_LEFT, 0, null));
        }
        int r = 1;
        for (StudyTable table : tables) {
            for (TableValue v : table.values()) {
                SXSSFRow row = sheet.createRow(r++);
                row.createCell(0).setCellValue(v.tableId());
                row.createCell(1).setCellValue(v.row() + 1);
                row.createCell(2).setCellValue(v.rowLabel());
                row.createCell(3).setCellValue(v.column());
                row.createCell(4).setCellValue(v.columnLabel());
                row.createCell(5).setCellValue(v.statistic());
                if (Double.isFinite(v.value())) {
                    row.createCell(6).setCellValue(v.value());
                }
                row.createCell(7).setCellValue(v.text());
            }
        }
        int[] widths = {8, 5, 40, 7, 40, 10, 14, 24};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }

    /** Kinds of cell style; combined with indentation and number format into POI styles. */
    private enum Style { TITLE, PLAIN, NOTE, HEADER, HEADER_LEFT, LABEL, DATA, SECTION }

    /** POI cell styles, created once per combination (a workbook holds at most 64,000). */
    private static final class Styles {
        private final SXSSFWorkbook workbook;
        private final Map<String, CellStyle> cache = new HashMap<>();
        private final Font bold;
        private final Font title;
        private final Font small;

        Styles(SXSSFWorkbook workbook) {
            this.workbook = workbook;
            bold = workbook.createFont();
            bold.setBold(true);
            title = workbook.createFont();
            title.setBold(true);
            title.setFontHeightInPoints((short) 12);
            small = workbook.createFont();
            small.setFontHeightInPoints((short) 9);
        }

        CellStyle get(Style kind, int indent, String numberFormat) {
            return get(kind, indent, numberFormat, false, false);
        }

        CellStyle get(Style kind, int indent, String numberFormat, boolean ruleAbove, boolean ruleBelow) {
            String key = kind + "|" + indent + "|" + numberFormat + "|" + ruleAbove + "|" + ruleBelow;
            return cache.computeIfAbsent(key, k -> {
                CellStyle s = workbook.createCellStyle();
                s.setVerticalAlignment(VerticalAlignment.CENTER);
                switch (kind) {
                    case TITLE -> s.setFont(title);
                    case NOTE -> {
                        s.setFont(small);
                        s.setWrapText(false);
                    }
                    case HEADER -> {
                        s.setFont(bold);
                        s.setAlignment(HorizontalAlignment.CENTER);
                        s.setWrapText(true);
                    }
                    case HEADER_LEFT, SECTION -> {
                        s.setFont(bold);
                        s.setAlignment(HorizontalAlignment.LEFT);
                    }
                    case LABEL -> {
                        s.setAlignment(HorizontalAlignment.LEFT);
                        s.setIndention((short) indent);
                    }
                    case DATA -> s.setAlignment(HorizontalAlignment.CENTER);
                    case PLAIN -> s.setAlignment(HorizontalAlignment.GENERAL);
                }
                if (numberFormat != null) {
                    s.setDataFormat(workbook.createDataFormat().getFormat(numberFormat));
                }
                if (ruleAbove) {
                    s.setBorderTop(BorderStyle.THIN);
                }
                if (ruleBelow) {
                    s.setBorderBottom(BorderStyle.THIN);
                }
                return s;
            });
        }
    }

    /** Writes tables down one sheet, tracking column widths. */
    private static final class Sheet {
        private final SXSSFSheet sheet;
        private final Styles styles;
        private final Map<Integer, Integer> widths = new HashMap<>();
        private int next;

        Sheet(SXSSFSheet sheet, Styles styles) {
            this.sheet = sheet;
            this.styles = styles;
        }

        void table(StudyTable table) {
            int columns = table.columnCount();
            line(table.title(), styles.get(Style.TITLE, 0, null));
            if (!table.subtitle().isEmpty()) {
                line(table.subtitle(), styles.get(Style.PLAIN, 0, null));
            }
            if (!table.note().isEmpty()) {
                line(table.note().text(), styles.get(Style.NOTE, 0, null));
            }
            int headerTop = next;
            int headerRows = table.headerRowCount();
            boolean[][] ruleBelow = new boolean[headerRows][columns];
            for (PlacedHeader h : table.headerLayout()) {
                for (int c = h.column(); c <= h.lastColumn(); c++) {
                    ruleBelow[h.lastRow()][c] = h.lastRow() == headerRows - 1 || h.groupsColumns(headerRows);
                }
            }
            for (int r = 0; r < headerRows; r++) {
                SXSSFRow row = sheet.createRow(headerTop + r);
                for (int c = 0; c < columns; c++) {
                    // every grid cell gets the style so the rules run under merged regions too
                    Style kind = c == 0 ? Style.HEADER_LEFT : Style.HEADER;
                    boolean below = ruleBelow[r][c] || r == headerRows - 1;
                    row.createCell(c).setCellStyle(styles.get(kind, 0, null, r == 0, below));
                }
            }
            for (PlacedHeader h : table.headerLayout()) {
                SXSSFCell cell = sheet.getRow(headerTop + h.row()).getCell(h.column());
                cell.setCellValue(h.cell().textWithMarkers());
                if (h.cell().colSpan() > 1 || h.cell().rowSpan() > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(headerTop + h.row(), headerTop + h.lastRow(),
                            h.column(), h.lastColumn()));
                } else {
                    width(h.column(), h.cell().textWithMarkers().length());
                }
            }
            next = headerTop + headerRows;
            List<Row> rows = table.rows();
            for (int i = 0; i < rows.size(); i++) {
                body(rows.get(i), table, i == rows.size() - 1);
            }
            for (Footnote f : table.footnotes()) {
                line(f.plainText(), styles.get(Style.NOTE, 0, null));
            }
            if (!table.source().isEmpty()) {
                line(table.source(), styles.get(Style.NOTE, 0, null));
            }
        }

        private void body(Row row, StudyTable table, boolean last) {
            SXSSFRow xrow = sheet.createRow(next++);
            if (row.isSection()) {
                SXSSFCell cell = xrow.createCell(0);
                cell.setCellValue(row.labelWithMarkers());
                cell.setCellStyle(styles.get(Style.SECTION, 0, null, false, last));
                for (int c = 1; c < table.columnCount(); c++) {
                    xrow.createCell(c).setCellStyle(styles.get(Style.SECTION, 0, null, false, last));
                }
                sheet.addMergedRegion(new CellRangeAddress(xrow.getRowNum(), xrow.getRowNum(), 0,
                        table.columnCount() - 1));
                return;
            }
            SXSSFCell labelCell = xrow.createCell(0);
            labelCell.setCellValue(row.labelWithMarkers());
            labelCell.setCellStyle(styles.get(Style.LABEL, row.level(), null, false, last));
            width(0, row.labelWithMarkers().length() + 3 * row.level());
            for (int j = 0; j < row.cells().size(); j++) {
                Cell cell = row.cells().get(j);
                SXSSFCell xcell = xrow.createCell(j + 1);
                Optional<String> format = SpreadsheetFormats.numberFormat(cell, table.formats());
                if (format.isPresent()) {
                    xcell.setCellValue(cell.value().number().getAsDouble());
                } else if (!cell.text().isEmpty()) {
                    xcell.setCellValue(cell.textWithMarkers());
                }
                xcell.setCellStyle(styles.get(Style.DATA, 0, format.orElse(null), false, last));
                width(j + 1, cell.textWithMarkers().length());
            }
        }

        private void line(String text, CellStyle style) {
            SXSSFCell cell = sheet.createRow(next++).createCell(0);
            cell.setCellValue(text);
            cell.setCellStyle(style);
        }

        private void width(int column, int chars) {
            widths.merge(column, chars, Math::max);
        }

        void widths() {
            widths.forEach((c, chars) -> sheet.setColumnWidth(c, (Math.min(chars, MAX_COLUMN_CHARS) + 3) * 256));
        }
    }
}
