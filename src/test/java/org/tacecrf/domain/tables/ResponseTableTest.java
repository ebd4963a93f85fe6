package org.tacecrf.domain.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tacecrf.domain.tables.TableAssert.hasRow;
import static org.tacecrf.domain.tables.TableAssert.text;
import static org.tacecrf.domain.tables.TableAssert.value;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.tacecrf.domain.report.ReportItem;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.response.Response;
import org.tacecrf.domain.study.StudyParameters.ResponseCriteria;

class ResponseTableTest {

    /**
     * First TACE on 2024-01-10; one-month scans on 2024-02-09 (day 30), three-month scans on
     * 2024-04-10 (day 91). DEB-TACE: PR then CR, PR then PR, SD then SD, PD. cTACE: SD then SD, PD,
     * and one patient without scans.
     */
    static Cohort cohort() {
        Cohort c = Cohort.twoArms("");
        c.patient("D-1", "deb").session("2024-01-10").assessment("fu_1m", "2024-02-09", Response.PR)
                .assessment("fu_3m", "2024-04-10", Response.CR);
        c.patient("D-2", "deb").session("2024-01-10").assessment("fu_1m", "2024-02-09", Response.PR)
                .assessment("fu_3m", "2024-04-10", Response.PR);
        c.patient("D-3", "deb").session("2024-01-10").assessment("fu_1m", "2024-02-09", Response.SD)
                .assessment("fu_3m", "2024-04-10", Response.SD);
        c.patient("D-4", "deb").session("2024-01-10").assessment("fu_1m", "2024-02-09", Response.PD);
        c.patient("C-1", "ctace").session("2024-01-10").assessment("fu_1m", "2024-02-09", Response.SD)
                .assessment("fu_3m", "2024-04-10", Response.SD);
        c.patient("C-2", "ctace").session("2024-01-10").assessment("fu_1m", "2024-02-09", Response.PD);
        c.patient("C-3", "ctace").session("2024-01-10");
        return c;
    }

    @Test
    void timePointsCountTheAssessedPatientsAndBestResponseEveryPatient() {
        StudyTable t = ResponseTable.build(cohort().dataset(), ResponseCriteria.MRECIST, "Table 4. Response");

        assertThat(t.id()).isEqualTo("response-mrecist");
        assertThat(text(t, "One month / Partial response (PR)", 1)).isEqualTo("2 (50.0%)");
        assertThat(text(t, "One month / Stable disease (SD)", 2)).isEqualTo("1 (50.0%)");
        assertThat(text(t, "One month / Progressive disease (PD)", 3)).isEqualTo("2 (33.3%)");
        assertThat(text(t, "One month / Not assessed", 2)).isEqualTo("1");
        assertThat(text(t, "One month / ORR (CR + PR)", 1)).isEqualTo("2 (50.0%)");
        assertThat(text(t, "One month / DCR (CR + PR + SD)", 1)).isEqualTo("3 (75.0%)");
        // R: binom.test(2, 4)$conf.int = 6.76-93.24 %, binom.test(3, 4)$conf.int = 19.41-99.37 %
        assertThat(text(t, "One month / ORR (CR + PR) / 95% CI, %", 1)).isEqualTo("6.8-93.2");
        assertThat(text(t, "One month / DCR (CR + PR + SD) / 95% CI, %", 1)).isEqualTo("19.4-99.4");
        // R: wilcox.test(c(3,3,2,1), c(2,1), exact = FALSE, correct = FALSE)$p.value = 0.3329216081
        assertThat(value(t, "One month", "P value", "p")).isCloseTo(0.3329216081, within(1e-9));
        // R: chisq.test(matrix(c(2,2,0,2), 2), correct = FALSE)$p.value = 0.2206713619
        assertThat(value(t, "One month / ORR (CR + PR)", "P value", "p")).isCloseTo(0.2206713619, within(1e-9));
        assertThat(value(t, "One month / DCR (CR + PR + SD)", "P value", "p")).isCloseTo(0.5402913746, within(1e-9));

        assertThat(text(t, "Three months / Complete response (CR)", 1)).isEqualTo("1 (33.3%)");
        assertThat(text(t, "Three months / Not assessed", 1)).isEqualTo("1");

        // SD on day 30 is earlier than the 42 days SD needs; on day 91 it counts
        assertThat(text(t, "Best overall response / Complete response (CR)", 1)).isEqualTo("1 (25.0%)");
        assertThat(text(t, "Best overall response / Stable disease (SD)", 1)).isEqualTo("1 (25.0%)");
        assertThat(text(t, "Best overall response / Not evaluable (NE)", 2)).isEqualTo("1 (33.3%)");
        assertThat(text(t, "Best overall response / ORR (CR + PR)", 3)).isEqualTo("2 (28.6%)");
        // R: wilcox.test(c(4,3,2,1), c(2,1), exact = FALSE, correct = FALSE)$p.value = 0.3403557424
        assertThat(value(t, "Best overall response", "P value", "p")).isCloseTo(0.3403557424, within(1e-9));
        // R: chisq.test(matrix(c(2,2,0,3), 2), correct = FALSE)$p.value = 0.1472991386
        assertThat(value(t, "Best overall response / ORR (CR + PR)", "P value", "p")).isCloseTo(0.1472991386,
                within(1e-9));
        assertThat(hasRow(t, "Best overall response / Non-CR/Non-PD (Non-CR/Non-PD)")).isFalse();
        assertThat(t.footnotes()).extracting(f -> f.marker() + " " + f.text()).contains(
                "a Mann-Whitney U test (asymptotic, corrected for ties).",
                "b Pearson chi-square test without continuity correction.");
    }

    @Test
    void theCutOffLeavesOutLaterScansAndTimePointsNotYetDue() {
        StudyTable t = ResponseTable.build(cohort().dataset(LocalDate.of(2024, 3, 1)), ResponseCriteria.RECIST_1_1,
                "Table 5. Response");

        assertThat(t.id()).isEqualTo("response-recist");
        assertThat(text(t, "One month / Partial response (PR)", 1)).isEqualTo("2 (50.0%)");
        // the three-month window opens on day 76 (2024-03-26), after the cut-off
        assertThat(text(t, "Three months / Not assessed", 3)).isEqualTo("0");
        assertThat(text(t, "Three months / Complete response (CR)", 3)).isEqualTo("0");
        // without the later scans: D-1 best PR (not CR), D-3 only an early SD (NE)
        assertThat(text(t, "Best overall response / Complete response (CR)", 1)).isEqualTo("0 (0.0%)");
        assertThat(text(t, "Best overall response / Partial response (PR)", 1)).isEqualTo("2 (50.0%)");
        assertThat(text(t, "Best overall response / Not evaluable (NE)", 1)).isEqualTo("1 (25.0%)");
    }

    @Test
    void theFigureStacksTheCategoriesByTimePointAndArm() {
        ReportItem.Figure f = ResponseTable.figure(cohort().dataset(), ResponseCriteria.MRECIST, "Figure 1. Response");
        assertThat(f.id()).isEqualTo("response-bars-mrecist");
        assertThat(f.title()).isEqualTo("Figure 1. Response");
        String svg = org.tacecrf.domain.report.figure.ChartOutput.svgElement(f.chart(), f.width(), f.height(), "r");
        assertThat(svg).contains("One month, DEB-TACE").contains("Best overall response, cTACE");
    }
}
