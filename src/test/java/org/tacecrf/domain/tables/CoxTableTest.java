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
 * The forward stepwise path (entry by score test, removal by likelihood ratio, as SPSS FSTEP(LR)):
 * <pre>
 * t &lt;- days / 30.4375
 * summary(coxph(Surv(t, event) ~ arm))$sctest            # score p: arm 0.0962, sex 0.248, age 0.109
 * m1 &lt;- coxph(Surv(t, event) ~ arm)
 * coxph(Surv(t, event) ~ arm + sex, init = c(coef(m1), 0), iter.max = 0)$score  # sex 3.415, p 0.0646
 * coxph(Surv(t, event) ~ arm + age, init = c(coef(m1), 0), iter.max = 0)$score  # age 2.025, p 0.155
 * m2 &lt;- coxph(Surv(t, event) ~ arm + sex)   # removal LR: arm p 0.0271, sex p 0.0574
 * coxph(Surv(t, event) ~ arm + sex + age, init = c(coef(m2), 0), iter.max = 0)$score  # age 0.632, p 0.427
 * summary(m2)   # HR arm 0.097280123 (0.008951131-1.057232046) p 0.055589031; sex F 0.126967349 (0.011168864-1.443361416) p 0.096098286
 * </pre>
 */
class CoxTableTest {

    private static final int[] AGES = {60, 65, 70, 55, 50, 72, 68, 58, 61, 66};

    static AnalysisDataset dataset(String multivariate) {
        return dataset(multivariate, 0.13, 0.2);
    }

    static AnalysisDataset dataset(String multivariate, double entryP, double removalP) {
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
                    entryP: %s
                    removalP: %s
                    covariates:
                      - {variable: arm, reference: ctace}
                      - {variable: sex}
                      - {variable: age}
                """.formatted(multivariate, entryP, removalP), AGES).dataset();
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

    @Test
    void forwardStepwiseSelectsTheArmAndSexWithTheHazardRatiosOfR() {
        // entry p 0.10: the arm (score p 0.096), then sex (0.065 given the arm); age (0.427) stays out;
        // removal p 0.15: neither is removed (likelihood-ratio p 0.027 and 0.057)
        StudyTable t = CoxTable.build(dataset("forward", 0.10, 0.15), Endpoint.OS, "Table 8. Cox");
        String multi = "Multivariate analysis (forward stepwise) / ";
        assertThat(t.columnLabels()).contains(multi + "HR (95% CI)", multi + "P value");
        assertThat(text(t, "Treatment arm / cTACE", 3)).isEqualTo("Ref");
        assertThat(text(t, "Sex / Male", 3)).isEqualTo("Ref");
        assertThat(value(t, "Treatment arm / DEB-TACE", multi + "HR", "estimate")).isCloseTo(0.097280123, within(1e-6));
        assertThat(value(t, "Treatment arm / DEB-TACE", multi + "HR", "lower")).isCloseTo(0.008951131, within(1e-7));
        assertThat(value(t, "Treatment arm / DEB-TACE", multi + "HR", "upper")).isCloseTo(1.057232046, within(1e-5));
        assertThat(value(t, "Treatment arm / DEB-TACE", multi + "P", "p")).isCloseTo(0.055589031, within(1e-6));
        assertThat(value(t, "Sex / Female", multi + "HR", "estimate")).isCloseTo(0.126967349, within(1e-6));
        assertThat(value(t, "Sex / Female", multi + "HR", "lower")).isCloseTo(0.011168864, within(1e-7));
        assertThat(value(t, "Sex / Female", multi + "HR", "upper")).isCloseTo(1.443361416, within(1e-5));
        assertThat(value(t, "Sex / Female", multi + "P", "p")).isCloseTo(0.096098286, within(1e-6));
        assertThat(text(t, "Treatment arm / DEB-TACE", 3)).isEqualTo("0.10 (0.01-1.06)");
        assertThat(text(t, "Age at enrolment (years) (per unit)", 3)).isEqualTo("–");
        assertThat(text(t, "Age at enrolment (years) (per unit)", 4)).isEqualTo("–");
        assertThat(t.footnotes()).anySatisfy(f -> assertThat(f.text()).contains("uses 10 patients with 7 events")
                .contains("entry p ≤ 0.1, removal p > 0.15"));
    }

    @Test
    void forwardStepwiseWithAStricterEntryLeavesEveryCovariateOut() {
        // entry p 0.05: no univariate score p is that small (arm 0.096 is the smallest)
        StudyTable t = CoxTable.build(dataset("forward", 0.05, 0.10), Endpoint.OS, "Table 8. Cox");
        assertThat(text(t, "Treatment arm", 3)).isEqualTo("–");
        assertThat(text(t, "Sex", 3)).isEqualTo("–");
        assertThat(text(t, "Age at enrolment (years) (per unit)", 3)).isEqualTo("–");
        assertThat(t.footnotes()).anySatisfy(f -> assertThat(f.text()).isEqualTo(
                "No covariate qualified for the multivariate model."));
    }
}
