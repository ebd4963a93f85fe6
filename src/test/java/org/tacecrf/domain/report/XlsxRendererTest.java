package org.tacecrf.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxRendererTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void sheetPerTableWithMergedHeadersAndNumericCells() throws Exception {
        try (XSSFWorkbook wb = render(new XlsxRenderer(), List.of(Tables.baseline(), Tables.cox()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            XSSFSheet t1 = wb.getSheet("T1");
            // title, subtitle, note, then two header rows at sheet rows 3 and 4
            assertThat(t1.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Baseline characteristics");
            assertThat(t1.getRow(3).getCell(1).getStringCellValue()).isEqualTo("DEB-TACE (n=45)");
            assertThat(t1.getMergedRegions()).containsExactlyInAnyOrder(
                    CellRangeAddress.valueOf("A4:A5"), CellRangeAddress.valueOf("B4:C4"),
                    CellRangeAddress.valueOf("D4:E4"), CellRangeAddress.valueOf("F4:F5"));

            XSSFCell count = t1.getRow(7).getCell(1);
            assertThat(count.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(count.getNumericCellValue()).isEqualTo(29.0);
            XSSFCell percent = t1.getRow(7).getCell(2);
            assertThat(percent.getNumericCellValue()).isEqualTo(64.444);
            assertThat(percent.getCellStyle().getDataFormatString()).isEqualTo("0.0");
            assertThat(new DataFormatter().formatCellValue(percent)).isEqualTo("64.4");

            XSSFCell p = t1.getRow(6).getCell(5);
            assertThat(p.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(p.getNumericCellValue()).isEqualTo(0.0005);
            assertThat(p.getCellStyle().getDataFormatString()).isEqualTo("[<0.001]\"<0.001\"\"ᵃ\";0.000\"ᵃ\"");
            assertThat(new DataFormatter().formatCellValue(p)).isEqualTo("<0.001ᵃ");
            XSSFCell p2 = t1.getRow(5).getCell(5);
            assertThat(p2.getNumericCellValue()).isEqualTo(0.417);
            assertThat(p2.getCellStyle().getDataFormatString()).isEqualTo("[<0.001]\"<0.001\"\"ᵇ\";0.000\"ᵇ\"");
            assertThat(new DataFormatter().formatCellValue(p2)).isEqualTo("0.417ᵇ");

            // the row label is indented by level; text cells stay text
            assertThat(t1.getRow(7).getCell(0).getStringCellValue()).isEqualTo("0");
            assertThat(t1.getRow(7).getCell(0).getCellStyle().getIndention()).isEqualTo((short) 1);
            assertThat(t1.getRow(5).getCell(1).getStringCellValue()).isEqualTo("60.3 ± 14.0");
            assertThat(t1.getRow(9).getCell(0).getStringCellValue())
                    .isEqualTo("ᵃ Pearson chi-square without continuity correction");

            XSSFSheet t3 = wb.getSheet("T3");
            assertThat(t3.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Univariate analysis");
            assertThat(t3.getMergedRegions()).containsExactly(CellRangeAddress.valueOf("A3:D3"));
            assertThat(t3.getRow(3).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(t3.getRow(3).getCell(1).getStringCellValue()).isEqualTo("58 (65.9%)");
            assertThat(t3.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Subsequent treatment 后续治疗");
        }
    }

    @Test
    void oneSheetWithValues() throws Exception {
        try (XSSFWorkbook wb = render(new XlsxRenderer(XlsxRenderer.Layout.ONE_SHEET, true),
                List.of(Tables.cox(), Tables.cox()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            XSSFSheet tables = wb.getSheet("Tables");
            // 5 rows for the first table, 2 empty rows, then the second table
            assertThat(tables.getRow(7).getCell(0).getStringCellValue()).isEqualTo("Cox regression for overall survival");
            XSSFSheet values = wb.getSheet("Values");
            assertThat(values.getRow(0).getCell(6).getStringCellValue()).isEqualTo("value");
            assertThat(values.getRow(3).getCell(6).getNumericCellValue()).isEqualTo(100.0 * 58 / 88);
            assertThat(values.getLastRowNum()).isEqualTo(20);
        }
    }

    @Test
    void sheetNamesAreLegalAndUnique() {
        Set<String> taken = new HashSet<>();
        assertThat(XlsxRenderer.sheetName("T1", taken)).isEqualTo("T1");
        assertThat(XlsxRenderer.sheetName("t1", taken)).isEqualTo("t1~2");
        assertThat(XlsxRenderer.sheetName("AE by grade [CTCAE v5.0]: all/any", taken)).isEqualTo(
                "AE by grade _CTCAE v5.0__ all_a");
    }

    private static XSSFWorkbook render(XlsxRenderer renderer, List<StudyTable> tables) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(tables, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }
}
