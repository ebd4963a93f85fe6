package org.tacecrf.domain.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tacecrf.domain.study.CodeList;
import org.tacecrf.domain.study.ItemType;

/**
 * Writes a form's import template: a CSV with the header row only, or a workbook whose first sheet
 * ("data") has the header row, text-formatted cells for keys, codes, text and dates (so Excel
 * neither drops the leading zeros of a subject number nor rewrites a typed date), drop-down lists
 * of the codes of single-choice items, and whose second sheet ("dictionary") is the data dictionary.
 */
public final class TemplateWriter {

    /** Rows of the workbook template that get formats and drop-down lists. */
    static final int PREPARED_ROWS = 2000;

    private TemplateWriter() {
    }

    public static void csv(FormLayout layout, OutputStream out) throws IOException {
        try (CsvDatasetWriter writer = new CsvDatasetWriter(out)) {
            writer.header(new FormDataset(layout).variables());
        }
    }

    public static void dictionaryCsv(FormLayout layout, OutputStream out) throws IOException {
        try (CsvDatasetWriter writer = new CsvDatasetWriter(out)) {
            writer.table(DictionaryTable.of(DataDictionary.of(layout)));
        }
    }

    public static void xlsx(FormLayout layout, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            XSSFSheet data = workbook.createSheet("data");
            XSSFRow row = data.createRow(0);
            DataValidationHelper validations = data.getDataValidationHelper();
            List<Column> columns = layout.columns();
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                row.createCell(c).setCellValue(column.name());
                row.getCell(c).setCellStyle(header);
                data.setColumnWidth(c, Math.min(60, Math.max(12, column.name().length() + 2)) * 256);
                if (textColumn(column)) {
                    data.setDefaultColumnStyle(c, text);
                }
                String[] codes = dropDown(layout, column);
                if (codes != null) {
                    DataValidation validation = validations.createValidation(validations.createExplicitListConstraint(codes),
                            new CellRangeAddressList(1, PREPARED_ROWS, c, c));
                    validation.setShowErrorBox(false);
                    data.addValidationData(validation);
                }
            }
            data.createFreezePane(0, 1);
            XSSFSheet dictionary = workbook.createSheet("dictionary");
            DictionaryTable table = DictionaryTable.of(DataDictionary.of(layout));
            int r = 0;
            XSSFRow titles = dictionary.createRow(r++);
            for (int c = 0; c < table.header().size(); c++) {
                titles.createCell(c).setCellValue(table.header().get(c));
                titles.getCell(c).setCellStyle(header);
            }
            for (List<String> values : table.rows()) {
                XSSFRow line = dictionary.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    line.createCell(c).setCellValue(values.get(c));
                }
            }
            r++;
            for (String note : table.notes()) {
                dictionary.createRow(r++).createCell(0).setCellValue(note);
            }
            dictionary.createFreezePane(1, 1);
            workbook.write(out);
        }
    }

    /** Keys, text, codes and dates are typed as text; numbers stay numbers. */
    private static boolean textColumn(Column column) {
        if (column.isKey()) {
            return column.key() != KeyColumn.VISIT_REPEAT && column.key() != KeyColumn.FORM_REPEAT;
        }
        return !column.item().type().numericEntry();
    }

    /** The codes of a single choice, when they fit Excel's 255-character list. */
    private static String[] dropDown(FormLayout layout, Column column) {
        if (column.isKey()) {
            return switch (column.key()) {
                case SITE -> fit(layout.study().sites().stream().map(s -> s.id()).toList());
                case VISIT -> fit(layout.visits().stream().map(v -> v.id()).toList());
                case FORM_COMPLETE -> new String[] {"Y", "N"};
                default -> null;
            };
        }
        if (column.item().type() != ItemType.CHOICE && column.item().type() != ItemType.YES_NO) {
            return null;
        }
        return layout.study().codeListOf(column.item()).map(CodeList::codes).map(TemplateWriter::fit).orElse(null);
    }

    private static String[] fit(List<String> codes) {
        int length = codes.stream().mapToInt(c -> c.length() + 1).sum();
        return codes.isEmpty() || length > 255 || codes.stream().anyMatch(c -> c.contains(",")) ? null : codes.toArray(String[]::new);
    }
}
