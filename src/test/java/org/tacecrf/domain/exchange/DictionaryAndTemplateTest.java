package org.tacecrf.domain.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.tacecrf.domain.study.StudyDefinition;

class DictionaryAndTemplateTest {

    private final StudyDefinition study = Studies.hcc();

    private List<String> row(DataDictionary dictionary, String column) {
        return dictionary.rows().stream().filter(r -> r.get(0).equals(column)).findFirst().orElseThrow();
    }

    private static String field(List<String> row, String name) {
        return row.get(DataDictionary.HEADER.indexOf(name));
    }

    @Test
    void dictionaryDescribesEveryColumnWithLabelsTypesUnitsCodesAndRanges() {
        DataDictionary dictionary = DataDictionary.of(FormLayout.template(study, study.form("baseline").orElseThrow()));
        List<String> weight = row(dictionary, "weight");
        assertThat(field(weight, "label")).isEqualTo("Weight");
        assertThat(field(weight, "label_zh")).isEqualTo("体重");
        assertThat(field(weight, "type")).isEqualTo("decimal");
        assertThat(field(weight, "unit")).isEqualTo("kg");
        assertThat(field(weight, "decimals")).isEqualTo("1");
        assertThat(List.of(field(weight, "hard_min"), field(weight, "hard_max"), field(weight, "soft_min"), field(weight, "soft_max")))
                .containsExactly("20", "300", "35", "150");
        assertThat(field(row(dictionary, "height"), "other_units")).isEqualTo("m");
        assertThat(field(row(dictionary, "sex"), "codes")).isEqualTo("M = Male (男); F = Female (女)");
        assertThat(field(row(dictionary, "sex"), "required")).isEqualTo("yes");
        assertThat(field(row(dictionary, "ecog_cancer_related"), "shown_when")).isEqualTo("ecog != '0'");
        assertThat(field(row(dictionary, "site"), "codes")).contains("LYCH = ");
        assertThat(dictionary.notes()).anySatisfy(n -> assertThat(n).contains("yyyy-mm-dd").contains("yyyy年m月d日"))
                .anySatisfy(n -> assertThat(n).contains("decimal comma"))
                .anySatisfy(n -> assertThat(n).contains("GB18030"))
                .anySatisfy(n -> assertThat(n).startsWith("Visits: baseline = Baseline"));
    }

    @Test
    void repeatingItemsShareOneEntryNamingTheirColumns() {
        DataDictionary dictionary = DataDictionary.of(FormLayout.template(study, study.form("tace_session").orElseThrow()));
        assertThat(dictionary.rows()).extracting(r -> r.get(0)).contains("product__1 … product__4").doesNotContain("product__2");
        assertThat(field(row(dictionary, "product__1 … product__4"), "group")).contains("repeating, at most 4 rows");
    }

    @Test
    void otherTreatmentsCarryTheirLineTimingAndDatedDoseChanges() {
        org.tacecrf.domain.study.FormDef form = study.form("other_treatment").orElseThrow();
        DataDictionary template = DataDictionary.of(FormLayout.template(study, form));
        assertThat(field(row(template, "therapy_line"), "type")).isEqualTo("integer");
        List<String> change = row(template, "modification_type__1 … modification_type__30");
        assertThat(field(change, "group")).contains("repeating, at most 30 rows");
        assertThat(field(change, "codes")).contains("INTERRUPTED = Interrupted").contains("RESUMED = Resumed")
                .contains("STOPPED = Stopped");
        assertThat(template.rows()).extracting(r -> r.get(0)).contains("modification_date__1 … modification_date__30",
                "modification_dose__1 … modification_dose__30", "modification_reason__1 … modification_reason__30")
                // The timing is computed, so it is exported but never imported.
                .doesNotContain("timing");
        DataDictionary export = DataDictionary.of(FormLayout.of(study, form, g -> 2, true, i -> true));
        assertThat(field(row(export, "timing"), "codes")).contains("PREVIOUS = Previous").contains("CONCOMITANT = ")
                .contains("SUBSEQUENT = ");
    }

    @Test
    void csvTemplateIsTheHeaderRow() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FormLayout layout = FormLayout.template(study, study.form("baseline").orElseThrow());
        TemplateWriter.csv(layout, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("\uFEFF" + String.join(",", layout.names()) + "\r\n");
    }

    @Test
    void workbookTemplateHasTheHeaderDropDownsAndTheDictionaryAndImportsOnceFilled() throws Exception {
        FormLayout layout = FormLayout.template(study, study.form("baseline").orElseThrow());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TemplateWriter.xlsx(layout, out);
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet data = workbook.getSheet("data");
            assertThat(data.getRow(0).getCell(1).getStringCellValue()).isEqualTo("subject_number");
            assertThat(data.getDataValidations()).anySatisfy(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
                    .containsExactly("M", "F"));
            assertThat(workbook.getSheet("dictionary").getRow(0).getCell(4).getStringCellValue()).isEqualTo("type");
            var row = data.createRow(1);
            row.createCell(layout.names().indexOf("subject_number")).setCellValue("LYCH-001");
            row.createCell(layout.names().indexOf("assessment_date")).setCellValue(LocalDate.of(2024, 3, 5));
            row.getCell(layout.names().indexOf("assessment_date")).setCellStyle(dateStyle(workbook));
            row.createCell(layout.names().indexOf("weight")).setCellValue(70.5);
            row.createCell(layout.names().indexOf("sex")).setCellValue("F");
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            workbook.write(saved);
            filled = saved.toByteArray();
        }
        TableReadResult read = XlsxTableReader.read(filled, ImportLimits.DEFAULT);
        MappedImport mapped = new TableImport(study, layout.form(), LocalDate.of(2025, 1, 1)).map(read.table(), FileFormat.XLSX, null);
        assertThat(mapped.problems()).isEmpty();
        assertThat(mapped.records()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(2);
            assertThat(r.values().values()).extracting(ImportRecord.Cell::text).contains("2024-03-05", "70.5", "F");
        });
    }

    private static org.apache.poi.ss.usermodel.CellStyle dateStyle(XSSFWorkbook workbook) {
        var style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat("m/d/yy"));
        return style;
    }
}
