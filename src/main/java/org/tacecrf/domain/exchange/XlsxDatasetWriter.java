package org.tacecrf.domain.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A workbook with the data on the first sheet ("data": one header row of column names, numbers as
 * numbers, dates as dates shown yyyy-mm-dd, everything else as text) and the dictionary on the
 * second ("dictionary"). Rows are streamed to temporary files (a window of 100 rows in memory), so
 * 10,000 subjects take no more memory than ten.
 */
public final class XlsxDatasetWriter implements DatasetWriter {

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    private final SXSSFSheet data;
    private final CellStyle headerStyle;
    private final CellStyle dateStyle;
    private final CellStyle dateTimeStyle;
    private List<Variable> variables;
    private int next;

    public XlsxDatasetWriter(OutputStream out, DictionaryTable dictionary) {
        this.out = out;
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        dateTimeStyle = workbook.createCellStyle();
        dateTimeStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        data = workbook.createSheet("data");
        writeDictionary(workbook.createSheet("dictionary"), dictionary);
    }

    private void writeDictionary(SXSSFSheet sheet, DictionaryTable dictionary) {
        int r = 0;
        SXSSFRow header = sheet.createRow(r++);
        for (int c = 0; c < dictionary.header().size(); c++) {
            header.createCell(c).setCellValue(dictionary.header().get(c));
            header.getCell(c).setCellStyle(headerStyle);
        }
        for (List<String> values : dictionary.rows()) {
            SXSSFRow row = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                row.createCell(c).setCellValue(values.get(c));
            }
        }
        r++;
        for (String note : dictionary.notes()) {
            sheet.createRow(r++).createCell(0).setCellValue(note);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void header(List<Variable> variables) {
        this.variables = List.copyOf(variables);
        SXSSFRow row = data.createRow(next++);
        for (int c = 0; c < variables.size(); c++) {
            row.createCell(c).setCellValue(variables.get(c).name());
            row.getCell(c).setCellStyle(headerStyle);
        }
        data.createFreezePane(0, 1);
    }

    @Override
    public void row(List<String> values) {
        SXSSFRow row = data.createRow(next++);
        for (int c = 0; c < values.size(); c++) {
            String value = values.get(c);
            if (value == null || value.isEmpty()) {
                continue;
            }
            Variable.Type type = c < variables.size() ? variables.get(c).type() : Variable.Type.TEXT;
            var cell = row.createCell(c);
            try {
                if (type.numeric()) {
                    cell.setCellValue(new BigDecimal(value).doubleValue());
                    continue;
                }
                if (type == Variable.Type.DATE) {
                    cell.setCellValue(LocalDate.parse(value));
                    cell.setCellStyle(dateStyle);
                    continue;
                }
                if (type == Variable.Type.DATETIME) {
                    cell.setCellValue(LocalDateTime.parse(value));
                    cell.setCellStyle(dateTimeStyle);
                    continue;
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                // Not what the type promises: keep the text rather than lose it.
            }
            cell.setCellValue(value);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
        }
    }
}
