package org.tacecrf.domain.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxTableReaderTest {

    @Test
    void firstSheetIsReadWithIsoDatesPlainNumbersAndTextAsTyped() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("data");
            workbook.createSheet("dictionary").createRow(0).createCell(0).setCellValue("not read");
            sheet.createRow(1).createCell(0).setCellValue(" Subject_Number ");
            sheet.getRow(1).createCell(1).setCellValue("date");
            sheet.getRow(1).createCell(2).setCellValue("weight");
            sheet.getRow(1).createCell(4).setCellValue("code");
            XSSFRow row = sheet.createRow(2);
            row.createCell(0).setCellValue("001");
            row.createCell(1).setCellValue(LocalDate.of(2024, 3, 5));
            var style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            row.getCell(1).setCellStyle(style);
            row.createCell(2).setCellValue(3.5);
            var fixed = workbook.createCellStyle();
            fixed.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            row.getCell(2).setCellStyle(fixed);
            row.createCell(4).setCellValue(1.0);
            sheet.createRow(4).createCell(0).setCellValue("002");
            sheet.getRow(4).createCell(2).setCellValue(0.000123);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            bytes = out.toByteArray();
        }
        TableReadResult result = XlsxTableReader.read(bytes, ImportLimits.DEFAULT);
        assertThat(result.problems()).isEmpty();
        RawTable table = result.table();
        assertThat(table.headerRow()).isEqualTo(2);
        assertThat(table.header()).containsExactly("subject_number", "date", "weight", "", "code");
        assertThat(table.rows()).extracting(RawTable.Row::number).containsExactly(3, 5);
        assertThat(table.rows().get(0).cells()).containsExactly("001", "2024-03-05", "3.5", "", "1");
        assertThat(table.rows().get(1).cell(2)).isEqualTo("0.000123");
        assertThat(table.rows().get(1).cell(1)).isEmpty();
    }

    @Test
    void aZipThatIsNoWorkbookIsRefusedClearly() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        TableReadResult result = XlsxTableReader.read(zip, ImportLimits.DEFAULT);
        assertThat(result.readable()).isFalse();
        assertThat(result.problems()).extracting(ExchangeProblem::messageKey).containsExactly("exchange.xlsx.unreadable");
    }

    @Test
    void workbookOverTheRowLimitIsRefused() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("data");
            for (int r = 0; r <= 20; r++) {
                sheet.createRow(r).createCell(0).setCellValue(r == 0 ? "subject_number" : "S" + r);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            bytes = out.toByteArray();
        }
        assertThat(XlsxTableReader.read(bytes, new ImportLimits(1 << 20, 10)).problems()).extracting(ExchangeProblem::messageKey)
                .containsExactly("exchange.file.tooManyRows");
    }
}
