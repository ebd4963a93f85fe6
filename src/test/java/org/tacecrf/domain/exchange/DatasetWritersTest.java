package org.tacecrf.domain.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.study.StudyDefinition;

class DatasetWritersTest {

    private final StudyDefinition study = Studies.hcc();

    private FormDataset sessions() {
        return new FormDataset(FormLayout.of(study, study.form("tace_session").orElseThrow(), g -> 2, true, i -> true));
    }

    private List<List<String>> rows(FormDataset dataset, ExportSubject subject) {
        List<List<String>> rows = new ArrayList<>();
        for (SubjectData.FormInstance form : subject.data().forms(dataset.layout().form().id())) {
            rows.add(dataset.row(subject.siteId(), subject.subjectNumber(), form));
        }
        return rows;
    }

    @Test
    void csvHasByteOrderMarkHeaderAndQuotedCells() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvDatasetWriter writer = new CsvDatasetWriter(out)) {
            writer.header(List.of(Variable.text("subject_number", "Subject", 10), Variable.text("note", "Note", 100)));
            writer.row(List.of("ZJU-001", "segment 7, \"large\"\n2nd line"));
            writer.row(List.of("ZJU-002", "肝门"));
        }
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "\uFEFFsubject_number,note\r\nZJU-001,\"segment 7, \"\"large\"\"\n2nd line\"\r\nZJU-002,肝门\r\n");
    }

    @Test
    void formRowsFollowTheLayoutWithRepeatingGroupsSpread() {
        FormDataset dataset = sessions();
        ExportSubject subject = SampleSubjects.typical(study, 1, "LYCH-001");
        List<List<String>> rows = rows(dataset, subject);
        assertThat(rows).hasSize(2);
        List<String> names = dataset.layout().names();
        List<String> first = rows.get(0);
        assertThat(first.get(names.indexOf("subject_number"))).isEqualTo("LYCH-001");
        assertThat(first.get(names.indexOf("visit"))).isEqualTo("tace");
        assertThat(first.get(names.indexOf("visit_repeat"))).isEqualTo("1");
        assertThat(first.get(names.indexOf("form_complete"))).isEqualTo("Y");
        assertThat(first.get(names.indexOf("product__2"))).isEqualTo("CALLISPHERES");
        assertThat(first.get(names.indexOf("dose_loaded_mg__1"))).isEqualTo("60");
        assertThat(rows.get(1).get(names.indexOf("dose_loaded_mg__1"))).isEqualTo("40.5");
        assertThat(rows.get(1).get(names.indexOf("form_complete"))).isEqualTo("N");
        assertThat(dataset.variables().get(names.indexOf("product__1")).values())
                .extracting(Variable.ValueLabel::value).contains("CALLISPHERES", "DC_BEAD");
    }

    @Test
    void workbookHasTypedCellsAndTheDictionaryAndReadsBackAsWritten() throws Exception {
        FormDataset dataset = sessions();
        ExportSubject subject = SampleSubjects.typical(study, 1, "LYCH-001");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<List<String>> rows = rows(dataset, subject);
        try (XlsxDatasetWriter writer = new XlsxDatasetWriter(out, DictionaryTable.of(DataDictionary.of(dataset.layout())))) {
            writer.header(dataset.variables());
            for (List<String> row : rows) {
                writer.row(row);
            }
        }
        List<String> names = dataset.layout().names();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("data");
            assertThat(workbook.getSheetName(1)).isEqualTo("dictionary");
            XSSFSheet data = workbook.getSheet("data");
            var date = data.getRow(1).getCell(names.indexOf("procedure_date"));
            assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
            assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 1, 10));
            assertThat(data.getRow(2).getCell(names.indexOf("dose_loaded_mg__1")).getNumericCellValue()).isEqualTo(40.5);
            assertThat(workbook.getSheet("dictionary").getRow(0).getCell(0).getStringCellValue()).isEqualTo("column");
        }
        RawTable read = XlsxTableReader.read(out.toByteArray(), ImportLimits.DEFAULT).table();
        assertThat(read.header()).isEqualTo(names);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < names.size(); c++) {
                assertThat(read.rows().get(r).cell(c)).as(names.get(c)).isEqualTo(rows.get(r).get(c));
            }
        }
    }

    @Test
    void spssSyntaxReadsTheCsvWithTypesAndLabels() {
        List<Variable> variables = List.of(Variable.text("subject_number", "Subject's number", 12),
                Variable.decimal("weight", "Weight (kg)", 1), Variable.date("assessment_date", "Date"),
                Variable.code("sex", "Sex", List.of(new Variable.ValueLabel("M", "Male"), new Variable.ValueLabel("F", "Female"))),
                Variable.flag("os_status", "Overall survival, status", "Censored", "Event"));
        String sps = SpssSyntax.of(variables, "hcc_baseline.csv", "hcc_baseline");
        assertThat(sps).contains("/FILE='hcc_baseline.csv'").contains("/ENCODING='UTF8'").contains("/FIRSTCASE=2")
                .contains("    subject_number A12\n").contains("    weight F16.1\n").contains("    assessment_date SDATE10\n")
                .contains("    sex A1\n").contains("subject_number 'Subject''s number'")
                .contains("sex 'M' 'Male' 'F' 'Female'").contains("os_status 0 'Censored' 1 'Event'")
                .contains("FORMATS assessment_date (SDATE10).").endsWith("DATASET NAME hcc_baseline WINDOW=FRONT.\n")
                // PSPP 1.6 stops at SET UNICODE with a syntax error, and SPSS refuses it with a data set open.
                .doesNotContain("SET UNICODE");
    }

    @Test
    void rScriptReadsTheCsvWithClassesFactorsAndLabels() {
        List<Variable> variables = List.of(Variable.text("subject_number", "Subject \"number\"", 12), Variable.integer("age", "Age"),
                Variable.date("assessment_date", "Date"),
                Variable.code("sex", "Sex", List.of(new Variable.ValueLabel("M", "Male"), new Variable.ValueLabel("F", "Female"))),
                Variable.flag("os_status", "OS status", "Censored", "Event"));
        String r = RSyntax.of(variables, "hcc_baseline.csv", "data");
        assertThat(r).contains("read.csv(\"hcc_baseline.csv\", fileEncoding = \"UTF-8-BOM\", na.strings = \"\"")
                .contains("age = \"integer\"").contains("assessment_date = \"character\"")
                .contains("data[[\"assessment_date\"]] <- as.Date(data[[\"assessment_date\"]], format = \"%Y-%m-%d\")")
                .contains("factor(data[[\"sex\"]], levels = c(\"M\", \"F\"), labels = c(\"Male\", \"Female\"))")
                // An integer column's value labels are integers too (R 4.2: typeof(labels) == typeof(column)).
                .contains("os_status = \"integer\"")
                .contains("attr(data[[\"os_status\"]], \"labels\") <- c(\"Censored\" = 0L, \"Event\" = 1L)")
                .contains("attr(data[[\"subject_number\"]], \"label\") <- \"Subject \\\"number\\\"\"");
    }
}
