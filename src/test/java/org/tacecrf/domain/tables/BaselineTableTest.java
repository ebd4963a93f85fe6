package org.tacecrf.domain.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tacecrf.domain.tables.TableAssert.text;
import static org.tacecrf.domain.tables.TableAssert.value;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tacecrf.domain.report.Row;
import org.tacecrf.domain.report.StudyTable;

class BaselineTableTest {

    private static final String ANALYSIS = """
            analysis:
              variables:
                - {id: age, item: baseline.age, summary: mean_sd, cutoffs: [60]}
                - {id: sex, item: baseline.sex}
                - {id: ecog, item: baseline.ecog}
                - {id: aetiology, item: baseline.aetiology}
              baseline: [age, sex, ecog, aetiology]
            """;

    /** Five patients per arm with known ages, sexes and ECOG scores. */
    static Cohort cohort(String analysis) {
        Cohort c = Cohort.twoArms(analysis);
        String[][] deb = {{"64", "M", "0"}, {"70", "M", "1"}, {"58", "F", "1"}, {"66", "M", "0"}, {"71", "F", "1"}};
        String[][] ctace = {{"50", "M", "1"}, {"62", "F", "2"}, {"45", "F", "1"}, {"55", "F", "2"}, {"60", "M", "0"}};
        for (int i = 0; i < 5; i++) {
            c.patient("D-0" + i, "deb").baseline("age", deb[i][0], "sex", deb[i][1], "ecog", deb[i][2]);
            c.patient("C-0" + i, "ctace").baseline("age", ctace[i][0], "sex", ctace[i][1], "ecog", ctace[i][2]);
        }
        return c;
    }

    @Test
    void countsPercentagesSummariesAndTestsByArm() {
        StudyTable t = BaselineTable.build(cohort(ANALYSIS).dataset(LocalDate.of(2024, 6, 30)), "Table 1. Baseline");

        assertThat(t.columnLabels()).containsExactly("Characteristic", "DEB-TACE (n=5)", "cTACE (n=5)",
                "Total (n=10)", "P value");
        assertThat(t.note().n()).isEqualTo(10);
        assertThat(t.note().dataCutOff()).isEqualTo(LocalDate.of(2024, 6, 30));
        // R: mean(c(64,70,58,66,71)) = 65.8, sd = 5.2154; mean(c(50,62,45,55,60)) = 54.4, sd = 7.0214
        assertThat(text(t, "Age at enrolment (years), mean ± SD", 1)).isEqualTo("65.8 ± 5.2");
        assertThat(text(t, "Age at enrolment (years), mean ± SD", 2)).isEqualTo("54.4 ± 7.0");
        // R: t.test(c(64,70,58,66,71), c(50,62,45,55,60), var.equal = TRUE)$p.value = 0.01945547928
        assertThat(value(t, "Age at enrolment (years), mean ± SD", "P value", "p")).isCloseTo(0.01945547928,
                within(1e-9));
        assertThat(text(t, "Age at enrolment (years), mean ± SD / ≤ 60", 1)).isEqualTo("1 (20.0%)");
        assertThat(text(t, "Age at enrolment (years), mean ± SD / > 60", 2)).isEqualTo("1 (20.0%)");
        assertThat(text(t, "Age at enrolment (years), mean ± SD / > 60", 3)).isEqualTo("5 (50.0%)");
        assertThat(text(t, "Sex / Male", 1)).isEqualTo("3 (60.0%)");
        assertThat(text(t, "Sex / Female", 2)).isEqualTo("3 (60.0%)");
        // R: chisq.test(table(sex, arm), correct = FALSE)$p.value = 0.5270892569
        assertThat(value(t, "Sex", "P value", "p")).isCloseTo(0.5270892569, within(1e-9));
        // R: wilcox.test(c(0,1,1,0,1), c(1,2,1,2,0), exact = FALSE, correct = FALSE)$p.value = 0.2122938362
        assertThat(value(t, "ECOG performance status", "P value", "p")).isCloseTo(0.2122938362, within(1e-9));
        assertThat(text(t, "ECOG performance status / 2 - ambulatory, self-care, unable to work", 2))
                .isEqualTo("2 (40.0%)");
        assertThat(text(t, "ECOG performance status / 4 - completely disabled", 3)).isEqualTo("0 (0.0%)");

        List<String> footnotes = t.footnotes().stream().map(f -> f.marker() + " " + f.text()).toList();
        assertThat(footnotes).contains("a Student's t-test (equal variances).",
                "b Pearson chi-square test without continuity correction.",
                "c Mann-Whitney U test (asymptotic, corrected for ties).");
        assertThat(t.rows().get(t.rowPaths().indexOf("Sex")).cells().get(3).markers()).containsExactly("b");
    }

    @Test
    void missingValuesAreCountedApartAndMultipleChoicesHaveNoTest() {
        Cohort c = cohort(ANALYSIS);
        c.patient("D-09", "deb").baseline("age", "66", "aetiology", "HBV|ALCOHOL");
        c.patient("D-10", "deb").baseline("age", "59", "aetiology", "HBV");
        StudyTable t = BaselineTable.build(c.dataset(), "Table 1. Baseline");

        assertThat(t.note().dataCutOff()).isNull();
        assertThat(text(t, "Sex / Not recorded", 1)).isEqualTo("2");
        // percentages of the patients with a value: 3 of 5 men in DEB-TACE
        assertThat(text(t, "Sex / Male", 1)).isEqualTo("3 (60.0%)");
        assertThat(text(t, "Aetiology of liver disease / Hepatitis B", 1)).isEqualTo("2 (100.0%)");
        assertThat(text(t, "Aetiology of liver disease / Alcohol", 1)).isEqualTo("1 (50.0%)");
        assertThat(text(t, "Aetiology of liver disease / Not recorded", 2)).isEqualTo("5");
        assertThat(text(t, "Aetiology of liver disease", 4)).isEmpty();
        assertThat(t.footnotes()).anySatisfy(f -> assertThat(f.text()).contains("more than one category"));
    }

    @Test
    void aSingleArmStudyHasOneColumnAndNoTests() {
        Cohort c = Cohort.singleArm(ANALYSIS);
        c.patient("P-1", "deb").baseline("age", "50", "sex", "M");
        c.patient("P-2", "deb").baseline("age", "70", "sex", "F");
        StudyTable t = BaselineTable.build(c.dataset(), "Table 1. Baseline");

        assertThat(t.columnLabels()).containsExactly("Characteristic", "All patients (n=2)");
        assertThat(text(t, "Age at enrolment (years), mean ± SD", 1)).isEqualTo("60.0 ± 14.1");
        assertThat(t.footnotes()).noneSatisfy(f -> assertThat(f.marker()).isNotEmpty());
        assertThat(t.rows()).extracting(Row::label).contains("Sex", "Male", "Female");
    }
}
