package org.tacecrf.domain.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tacecrf.domain.tables.TableAssert.text;
import static org.tacecrf.domain.tables.TableAssert.value;

import org.junit.jupiter.api.Test;

import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.study.AnalysisConfig.Endpoint;

/**
 * The survival cohort of {@link SurvivalTableTest} with ages; references from R 4.2.2:
 * <pre>
 * arm &lt;- factor(rep(c("deb","ctace"), each = 5), levels = c("ctace","deb"))
 * sex &lt;- factor(rep(c("M","M","M","F","F"), 2), levels = c("M","F"))
 * age &lt;- c(60,65,70,55,50, 72,68,58,61,66)
 * summary(coxph(Surv(days / 30.4375, event) ~ arm)); ... ~ sex; ... ~ age; ... ~ arm + sex + age
 * </pre>
 */
class CoxTableTest {

    private static final int[] AGES = {60, 65, 70, 55, 50, 72, 68, 58, 61, 66};

    static AnalysisDataset dataset(String multivariate) {
        return SurvivalTableTest.cohort("""
                analysis:
                  variables:
                    - {id: arm, derived: arm}
                    - {id: sex, item: baseline.sex}
                    - {id: age, item: baseline.age}
                  survival: {endpoints: [os]}
                  cox:
                    endpoints: [os]
                    multivariate: %s
                    entryP: 0.13
                    removalP: 0.2
                    covariates:
                      - {variable: arm, reference: ctace}
                      - {variable: sex}
                      - {variable: age}
                """.formatted(multivariate), AGES).dataset();
    }

    @Test
    void univariateAndMultivariateHazardRatiosAgreeWithR() {
        StudyTable t = CoxTable.build(dataset("enter"), Endpoint.OS, "Table 8. Cox regression of overall survival");

        assertThat(t.id()).isEqualTo("cox-os");
        assertThat(t.columnLabels()).containsExactly("Variable", "Univariate analysis / HR (95% CI)",
                "Univariate analysis / P value", "Multivariate analysis / HR (95% CI)", "Multivariate analysis / P value");
        assertThat(text(t, "Treatment arm / cTACE", 1)).isEqualTo("Ref");
        assertThat(text(t, "Treatment arm / DEB-TACE", 1)).isEqualTo("0.25 (0.04-1.43)");
        assertThat(value(t, "Treatment arm / DEB-TACE", "Univariate analysis / HR", "estimate"))
                .isCloseTo(0.25116335, within(1e-6));
        assertThat(value(t, "Treatment arm / DEB-TACE", "Univariate analysis / P", "p")).isCloseTo(0.1197629,
                within(1e-6));
        assertThat(value(t, "Sex / Female", "Univariate analysis / HR", "estimate")).isCloseTo(0.36864714, within(1e-6));
        assertThat(value(t, "Sex / Female", "Univariate analysis / P", "p")).isCloseTo(0.2637904, within(1e-6));
        assertThat(value(t, "Age at enrolment (years) (per unit)", "Univariate analysis / HR", "estimate"))
                .isCloseTo(1.1246347, within(1e-6));
        assertThat(value(t, "Age at enrolment (years) (per unit)", "Univariate analysis / HR", "lower"))
                .isCloseTo(0.9651513, within(1e-6));

        assertThat(value(t, "Treatment arm / DEB-TACE", "Multivariate analysis / HR", "estimate"))
                .isCloseTo(0.09524473, within(1e-6));
        assertThat(value(t, "Treatment arm / DEB-TACE", "Multivariate analysis / HR", "upper"))
                .isCloseTo(1.284552, within(1e-5));
        assertThat(value(t, "Treatment arm / DEB-TACE", "Multivariate analysis / P", "p")).isCloseTo(0.07650727,
                within(1e-6));
        assertThat(value(t, "Sex / Female", "Multivariate analysis / HR", "estimate")).isCloseTo(0.15831627,
                within(1e-6));
        assertThat(value(t, "Age at enrolment (years) (per unit)", "Multivariate analysis / P", "p"))
                .isCloseTo(0.43383525, within(1e-6));
        assertThat(t.note().n()).isEqualTo(10);
        assertThat(t.note().methods()).contains("7 events").contains("Efron");
    }

    @Test
    void covariatesBelowTheEntryPEnterTheMultivariateModelAndTheOthersShowADash() {
        // univariate p: arm 0.120, sex 0.264, age 0.132; entry p 0.13 keeps the arm only
        StudyTable t = CoxTable.build(dataset("significant"), Endpoint.OS, "Table 8. Cox");
        assertThat(text(t, "Sex", 3)).isEqualTo("–");
        assertThat(text(t, "Age at enrolment (years) (per unit)", 3)).isEqualTo("–");
        // the arm alone: its multivariate model is its univariate one
        assertThat(text(t, "Treatment arm / DEB-TACE", 3)).isEqualTo("0.25 (0.04-1.43)");
        assertThat(t.footnotes()).anySatisfy(f -> assertThat(f.text()).contains("univariate p ≤ 0.13"));
    }

}
