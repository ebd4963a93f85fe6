package org.tacecrf.domain.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tacecrf.domain.tables.TableAssert.text;
import static org.tacecrf.domain.tables.TableAssert.value;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.tacecrf.domain.report.ReportItem;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.report.figure.ChartOutput;
import org.tacecrf.domain.study.AnalysisConfig.Endpoint;

class SurvivalTableTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    static final String ANALYSIS = """
            analysis:
              variables:
                - {id: sex, item: baseline.sex}
              subgroups: [sex]
              survival: {endpoints: [os], landmarks: [6, 12]}
            """;

    /**
     * First TACE 2024-01-01. DEB-TACE: deaths on days 91, 182, 365, alive at days 274 and 396.
     * cTACE: deaths on days 45, 75, 181, 271, alive at day 121. Men: the first three of each arm.
     */
    static Cohort cohort(String analysis) {
        return cohort(analysis, null);
    }

    /** The same cohort with ages (D-0..D-4, then C-0..C-4) on the baseline form. */
    static Cohort cohort(String analysis, int[] ages) {
        Cohort c = Cohort.twoArms(analysis);
        String[][] deb = {{"2024-04-01", "D"}, {"2024-07-01", "D"}, {"2024-10-01", "A"}, {"2024-12-31", "D"},
                {"2025-01-31", "A"}};
        String[][] ctace = {{"2024-02-15", "D"}, {"2024-03-16", "D"}, {"2024-05-01", "A"}, {"2024-06-30", "D"},
                {"2024-09-28", "D"}};
        for (int i = 0; i < 5; i++) {
            add(c.patient("D-" + i, "deb"), deb[i], i < 3, ages == null ? null : ages[i]);
            add(c.patient("C-" + i, "ctace"), ctace[i], i < 3, ages == null ? null : ages[5 + i]);
        }
        return c;
    }

    private static void add(Cohort.Patient p, String[] outcome, boolean male, Integer age) {
        p.baseline("sex", male ? "M" : "F").session("2024-01-01");
        if (age != null) {
            p.baseline("age", String.valueOf(age));
        }
        if (outcome[1].equals("D")) {
            p.died(outcome[0]);
        } else {
            p.alive(outcome[0]);
        }
    }

    @Test
    void mediansRatesAndLogRankAgreeWithR() {
        AnalysisDataset d = cohort(ANALYSIS).dataset();
        StudyTable t = SurvivalTable.build(d, "Table 6. Survival");

        assertThat(t.columnLabels()).containsExactly("Endpoint", "n", "Events", "Median, months (95% CI)",
                "6-month rate, % (95% CI)", "12-month rate, % (95% CI)", "P value");
        String deb = "Overall survival (OS) / DEB-TACE";
        String ctace = "Overall survival (OS) / cTACE";
        assertThat(text(t, deb, 1)).isEqualTo("5");
        assertThat(text(t, deb, 2)).isEqualTo("3");
        // R: survfit(Surv(days / 30.4375, event) ~ arm): medians 11.99 (5.98-NA) and 5.95 (2.46-NA)
        assertThat(value(t, deb, "Median", "median")).isCloseTo(365 / 30.4375, within(1e-9));
        assertThat(value(t, deb, "Median", "lower")).isCloseTo(182 / 30.4375, within(1e-9));
        assertThat(text(t, deb, 3)).isEqualTo("12.0 (6.0-NE)");
        assertThat(value(t, ctace, "Median", "median")).isCloseTo(181 / 30.4375, within(1e-9));
        assertThat(value(t, ctace, "Median", "lower")).isCloseTo(75 / 30.4375, within(1e-9));
        // R: summary(fit, times = c(6, 12)): deb 0.6 (0.2933-1) at 6 and 0.3 (0.0631-1) at 12; cTACE 0.3 at 6
        assertThat(text(t, deb, 4)).isEqualTo("60.0 (29.3-100.0)");
        assertThat(text(t, deb, 5)).isEqualTo("30.0 (6.3-100.0)");
        assertThat(text(t, ctace, 4)).isEqualTo("30.0 (6.3-100.0)");
        // beyond the last follow-up of cTACE (271 days) the curve is not estimated
        assertThat(text(t, ctace, 5)).isEqualTo("NE");
        // R: survdiff(Surv(t, e) ~ arm)$pvalue = 0.09624690927
        assertThat(value(t, deb, "P value", "p")).isCloseTo(0.09624690927, within(1e-9));
        assertThat(text(t, "Overall survival (OS) / Total", 1)).isEqualTo("10");
        assertThat(t.note().text()).contains("Brookmeyer-Crowley");
    }

    @Test
    void theCutOffCensorsLaterDeathsAndFollowUp() {
        AnalysisDataset d = cohort(ANALYSIS).dataset(LocalDate.of(2024, 7, 31));
        StudyTable t = SurvivalTable.build(d, "Table 6. Survival");
        assertThat(text(t, "Overall survival (OS) / DEB-TACE", 2)).isEqualTo("2");
        assertThat(text(t, "Overall survival (OS) / cTACE", 2)).isEqualTo("3");
        AnalysedSubject lateDeath = d.subjects().stream().filter(s -> s.facts().number().equals("D-3")).findFirst()
                .orElseThrow();
        SurvivalTime os = lateDeath.survival(Endpoint.OS).orElseThrow();
        assertThat(os.event()).isFalse();
        assertThat(os.days()).isEqualTo(212);
        assertThat(os.rule()).isEqualTo(DataCutOff.CENSORED_AT_CUT_OFF);
        AnalysedSubject earlyDeath = d.subjects().stream().filter(s -> s.facts().number().equals("C-0")).findFirst()
                .orElseThrow();
        assertThat(earlyDeath.survival(Endpoint.OS).orElseThrow().days()).isEqualTo(45);
    }

    @Test
    void subgroupsAreComparedByLogRankAcrossTheirLevels() {
        AnalysisDataset d = cohort(ANALYSIS).dataset();
        StudyTable t = SubgroupTable.build(d, "Table 7. Subgroups");
        assertThat(text(t, "Overall survival (OS) / Sex / Male", 1)).isEqualTo("6");
        assertThat(text(t, "Overall survival (OS) / Sex / Female", 1)).isEqualTo("4");
        assertThat(text(t, "Overall survival (OS) / Sex / Female", 2)).isEqualTo("3");
        // R: survdiff(Surv(t, e) ~ sex) with men = the first three of each arm
        assertThat(value(t, "Overall survival (OS) / Sex", "P value", "p")).isCloseTo(0.2477306523, within(1e-9));
    }

    @Test
    void kaplanMeierFiguresCarryCurvesRisksAndTheTest() {
        AnalysisDataset d = cohort(ANALYSIS).dataset();
        ReportItem.Figure f = SurvivalTable.figure(d, Endpoint.OS, "Figure 1. Overall survival by arm");
        assertThat(f.id()).isEqualTo("km-os");
        String svg = ChartOutput.svgElement(f.chart(), f.width(), f.height(), "km");
        assertThat(svg).contains("DEB-TACE").contains("cTACE").contains("Number at risk").contains("Log-rank p = 0.096");
        assertThat(ChartOutput.png(f.chart(), f.width(), f.height(), 1)).hasSizeGreaterThan(1000);
        // a "+" at each censoring time (DEB-TACE 274 and 396 days, cTACE 121 days) and a median guide
        // per arm (12.0 and 5.95 months) with the line across at 50 %
        org.tacecrf.domain.report.figure.ChartStyle style = org.tacecrf.domain.report.figure.ChartStyle.forSize(
                f.width(), f.height());
        assertThat(org.tacecrf.domain.report.figure.Figures.censorMarks(svg, style)).hasSize(3);
        assertThat(org.tacecrf.domain.report.figure.Figures.medianGuides(svg)).hasSize(3);
        ReportItem.Figure bySex = SubgroupTable.figure(d, Endpoint.OS, "sex", "Figure 2. Overall survival by sex");
        assertThat(bySex.id()).isEqualTo("km-os-sex");

        assertThat(SurvivalTable.figure(Cohort.twoArms(ANALYSIS).dataset(), Endpoint.OS, "Figure 1")).isNull();
    }
}
