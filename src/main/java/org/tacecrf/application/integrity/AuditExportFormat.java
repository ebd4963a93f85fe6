package org.tacecrf.application.integrity;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The readable copies of the audit trail for inspectors (21 CFR 11.10(b), (e)): CSV (UTF-8 with a
 * byte-order mark, so Excel shows Chinese text) and XLSX. Both are written row by row, so an
 * export of millions of records needs little memory.
 */
public enum AuditExportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    AuditExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** Receives the rows of an export in order; {@link #finish()} completes the file. */
    public interface RowWriter {
        void row(List<String> values) throws IOException;

        void finish() throws IOException;
    }

    /** A writer to the stream, which the caller keeps open and closes. */
    public RowWriter open(OutputStream out, String sheetName) throws IOException {
        return this == CSV ? csv(out) : xlsx(out, sheetName);
    }

    private static RowWriter csv(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get());
        return new RowWriter() {
            @Override
            public void row(List<String> values) throws IOException {
                printer.printRecord(values);
            }

            @Override
            public void finish() throws IOException {
                printer.flush();
            }
        };
    }

    private static RowWriter xlsx(OutputStream out, String sheetName) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        SXSSFSheet sheet = workbook.createSheet(sheetName);
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        return new RowWriter() {
            private int next;

            @Override
            public void row(List<String> values) {
                SXSSFRow row = sheet.createRow(next);
                for (int i = 0; i < values.size(); i++) {
                    var cell = row.createCell(i);
                    String value = values.get(i);
                    // An Excel cell holds at most 32,767 characters; audit values are at most 4,000.
                    cell.setCellValue(value == null ? "" : value);
                    if (next == 0) {
                        cell.setCellStyle(bold);
                    }
                }
                if (next == 0) {
                    sheet.createFreezePane(0, 1);
                }
                next++;
            }

            @Override
            public void finish() throws IOException {
                try {
                    workbook.write(out);
                    out.flush();
                } finally {
                    workbook.dispose();
                    workbook.close();
                }
            }
        };
    }
}
