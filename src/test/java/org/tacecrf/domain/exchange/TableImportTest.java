package org.tacecrf.domain.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.study.StudyDefinition;

class TableImportTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    private final StudyDefinition study = Studies.hcc();

    private MappedImport map(String formId, String csv) {
        TableReadResult read = CsvTableReader.read(csv.getBytes(StandardCharsets.UTF_8), ImportLimits.DEFAULT);
        assertThat(read.problems()).isEmpty();
        return new TableImport(study, study.form(formId).orElseThrow(), TODAY).map(read.table(), FileFormat.CSV, read.encoding());
    }

    private static List<String> errors(MappedImport mapped) {
        return mapped.problems().stream().filter(ExchangeProblem::error).map(ExchangeProblem::toString).toList();
    }

    @Test
    void rowsBecomeFormRecordsWithEveryColumnOfTheFile() {
        MappedImport mapped = map("baseline", """
                subject_number,assessment_date,age,sex,weight,ecog
                LYCH-001,2024-03-05,61,M,70.5,1
                LYCH-002,2024/3/6,58,女,,0
                """);
        assertThat(errors(mapped)).isEmpty();
        assertThat(mapped.records()).hasSize(2);
        ImportRecord first = mapped.records().get(0);
        assertThat(first.row()).isEqualTo(2);
        assertThat(first.subjectNumber()).isEqualTo("LYCH-001");
        assertThat(first.visitId()).isEqualTo("baseline");
        assertThat(first.visitRepeat()).isEqualTo(1);
        assertThat(first.formRepeat()).isEqualTo(1);
        assertThat(first.complete()).isNull();
        assertThat(first.values()).containsKey(new ItemKey("vital_signs", 1, "weight"));
        ImportRecord second = mapped.records().get(1);
        // A blank cell is present: it clears the value; the Chinese label is a code.
        assertThat(second.values().get(new ItemKey("vital_signs", 1, "weight")).blank()).isTrue();
        assertThat(second.values().get(new ItemKey("demographics", 1, "sex")).text()).isEqualTo("女");
    }

    @Test
    void wrongColumnsRefuseTheFileBeforeAnyRowIsRead() {
        MappedImport mapped = map("baseline", """
                subject_number,wieght,age,age,,bmi
                LYCH-001,70,61,61,x,25
                """);
        assertThat(mapped.records()).isEmpty();
        assertThat(mapped.problems()).extracting(ExchangeProblem::messageKey)
                .contains("exchange.header.unknownNear", "exchange.header.duplicate", "exchange.header.blank", "exchange.header.calculated");
        assertThat(errors(mapped)).anySatisfy(e -> assertThat(e).contains("wieght").contains("Did you mean weight"));
        assertThat(map("baseline", "weight,age\n70,61\n").problems()).anySatisfy(p -> {
            assertThat(p.messageKey()).isEqualTo("exchange.header.missingKey");
            assertThat(p.column()).isEqualTo("subject_number");
        });
    }

    @Test
    void badValuesAreReportedAtTheirRowAndColumnWithTheValueAndReason() {
        MappedImport mapped = map("baseline", """
                subject_number,assessment_date,age,weight,sex
                LYCH-001,2024-02-30,61,70.5,M
                LYCH-002,03/05/2024,58,70,M
                LYCH-003,2024-03-05,150,70,M
                LYCH-004,2024-03-05,60,"70,5",M
                LYCH-005,2030-01-01,60,70.55,X
                """);
        assertThat(errors(mapped)).containsExactly(
                "error, row 2, column assessment_date, value '2024-02-30': '2024-02-30' is not a date: write yyyy-mm-dd.",
                "error, row 3, column assessment_date, value '03/05/2024': '03/05/2024' is ambiguous (day or month first?): write yyyy-mm-dd.",
                "error, row 4, column age, value '150': Impossible value: it must be between 0 and 120 years.",
                "error, row 5, column weight, value '70,5': '70,5' has a decimal comma: write it with a decimal point (for example 3.5).",
                "error, row 6, column assessment_date, value '2030-01-01': 2030-01-01 is in the future.",
                "error, row 6, column weight, value '70.55': Use at most 1 decimal places.",
                "error, row 6, column sex, value 'X': 'X' is not one of the choices (M, F).");
    }

    @Test
    void softRangeIsAWarningAndLocalDateFormatsAreRead() {
        MappedImport mapped = map("baseline", """
                subject_number,assessment_date,age,weight
                LYCH-001,2024年3月5日,95,30
                LYCH-002,05.03.2024,60,70
                LYCH-003,2024.3.5,60,70
                """);
        assertThat(errors(mapped)).isEmpty();
        assertThat(mapped.problems()).filteredOn(p -> !p.error()).extracting(ExchangeProblem::column).containsExactly("age", "weight");
        assertThat(mapped.records()).hasSize(3);
    }

    @Test
    void keysAreCheckedRowByRow() {
        MappedImport mapped = map("imaging_assessment", """
                subject_number,visit,visit_repeat,form_repeat,site
                ,fu_1m,1,1,
                LYCH-001,baseline,1,1,
                LYCH-001,fu_1m,2,1,
                LYCH-001,fu_q4_6w,x,1,
                LYCH-001,fu_q4_6w,1,,
                LYCH-001,fu_q4_6w,3,1,NOWHERE
                LYCH-001,fu_q4_6w,3,1,
                LYCH-001,fu_q4_6w,3,1,
                """.replace("site\n", "site,assessment_date\n").replace(",\n", ",,\n").replace("NOWHERE\n", "NOWHERE,\n"));
        assertThat(mapped.problems()).filteredOn(ExchangeProblem::error).extracting(ExchangeProblem::row, ExchangeProblem::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "exchange.row.subjectRequired"),
                        org.assertj.core.groups.Tuple.tuple(3, "exchange.row.unknownVisit"),
                        org.assertj.core.groups.Tuple.tuple(4, "exchange.row.visitNotRepeating"),
                        org.assertj.core.groups.Tuple.tuple(5, "exchange.row.badRepeat"),
                        org.assertj.core.groups.Tuple.tuple(6, "exchange.row.formRepeatRequired"),
                        org.assertj.core.groups.Tuple.tuple(7, "exchange.row.unknownSite"),
                        org.assertj.core.groups.Tuple.tuple(9, "exchange.row.duplicate"));
        assertThat(mapped.records()).extracting(ImportRecord::row).containsExactly(8);
    }

    @Test
    void enrolmentRowsMayLeaveTheNumberToTheSiteButNeedTheSite() {
        MappedImport mapped = map("enrolment", """
                site,subject_number,consent_date,enrolment_date,arm,form_complete
                LYCH,,2024-01-02,2024-01-03,deb_tace,Y
                ,,2024-01-02,2024-01-03,deb_tace,
                DLZS,DLZS-900,2024-01-02,2024-01-03,deb_tace,maybe
                """);
        assertThat(mapped.problems()).filteredOn(ExchangeProblem::error).extracting(ExchangeProblem::row, ExchangeProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "site"), org.assertj.core.groups.Tuple.tuple(4, "form_complete"));
        assertThat(mapped.records()).singleElement().satisfies(r -> {
            assertThat(r.newSubject()).isTrue();
            assertThat(r.siteId()).isEqualTo("LYCH");
            assertThat(r.complete()).isTrue();
            assertThat(r.visitId()).isEqualTo("screening");
        });
    }

    @Test
    void headerOnlyFileHasNoRows() {
        assertThat(map("baseline", "subject_number,age\n").problems()).extracting(ExchangeProblem::messageKey)
                .containsExactly("exchange.file.noRows");
    }

    @Test
    void formCollectedAtSeveralVisitsNeedsTheVisitColumn() {
        assertThat(map("imaging_assessment", "subject_number,form_repeat,assessment_date\nLYCH-001,1,2024-03-05\n").problems())
                .anySatisfy(p -> assertThat(p.column()).isEqualTo("visit"));
    }
}
