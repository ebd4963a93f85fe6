package org.tacecrf.domain.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tacecrf.domain.tables.TableAssert.text;
import static org.tacecrf.domain.tables.TableAssert.value;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.response.Response;

/** Exposure, laboratory change, quality of life, biomarkers and CONSORT on small hand-made cohorts. */
class OtherTablesTest {

    @Test
    void exposureCountsSessionsDrugsAndEmbolics() {
        Cohort c = Cohort.singleArm("");
        c.patient("P1", "deb").session("2024-01-10").session("2024-03-10")
                .sessionRow("embolics", 1, "embolic_type", "PVA")
                .sessionRow("infusions", 1, "infusion_drug", "OXALIPLATIN", "infusion_dose_mg", "100");
        c.patient("P2", "deb").session("2024-01-10");
        c.patient("P3", "deb");
        StudyTable t = ExposureTable.build(c.dataset(), "Table 3. Exposure");

        assertThat(t.note().n()).isEqualTo(2);
        assertThat(text(t, "TACE sessions, total", 1)).isEqualTo("3");
        assertThat(text(t, "Sessions per patient, mean ± SD", 1)).isEqualTo("1.50 ± 0.71");
        assertThat(text(t, "Sessions per patient, median (range)", 1)).isEqualTo("2 (1-2)");
        assertThat(text(t, "Sessions per patient, median (range) / 2 sessions", 1)).isEqualTo("1 (50.0%)");
        assertThat(text(t, "Microsphere size / 100-300 µm", 1)).isEqualTo("3 (100.0%)");
        assertThat(text(t, "Drug loaded on microspheres / Epirubicin", 1)).isEqualTo("3 (100.0%)");
        assertThat(text(t, "Drug loaded on microspheres / Epirubicin / Dose per session, mg, mean ± SD", 1))
                .isEqualTo("60.0 ± 0.0");
        assertThat(text(t, "Drug loaded on microspheres / Epirubicin / Cumulative dose per patient, mg, median (range)",
                1)).isEqualTo("90.0 (60.0-120.0)");
        assertThat(text(t, "Intra-arterial infusion / Oxaliplatin", 1)).isEqualTo("1 (33.3%)");
        assertThat(text(t, "Supplementary embolic agent / PVA particles", 1)).isEqualTo("1 (33.3%)");
        assertThat(text(t, "Supplementary embolic agent / Not recorded", 1)).isEqualTo("2");
        assertThat(text(t, "Technical success / Yes", 1)).isEqualTo("3 (100.0%)");

        StudyTable early = ExposureTable.build(c.dataset(LocalDate.of(2024, 2, 1)), "Table 3. Exposure");
        assertThat(text(early, "TACE sessions, total", 1)).isEqualTo("2");
    }

    @Test
    void laboratoryChangeIsAPairedTTestOnTheDerivedChange() {
        Cohort c = Cohort.singleArm("analysis:\n  labChange: {analytes: [wbc, alt]}\n");
        String[][] wbc = {{"9.0", "3.5", "120", "80"}, {"8.2", "2.0", "60", "-10"}, {"7.1", "1.5", "90", "40"},
                {"10.4", "4.4", null, null}};
        for (int i = 0; i < wbc.length; i++) {
            Cohort.Patient p = c.patient("P" + i, "deb").session("2024-01-10");
            if (wbc[i][2] == null) {
                p.postLabs("2024-01-12", "wbc", wbc[i][0], "wbc_change", wbc[i][1]);
            } else {
                p.postLabs("2024-01-12", "wbc", wbc[i][0], "wbc_change", wbc[i][1], "alt", wbc[i][2],
                        "alt_change", wbc[i][3]);
            }
        }
        c.patient("P9", "deb").session("2024-01-10").postLabs("2024-01-12", "wbc", "6.0");
        StudyTable t = LabChangeTable.build(c.dataset(), "Table 2. Laboratory");

        String row = "White blood cells (10^9/L)";
        assertThat(text(t, row, 1)).isEqualTo("4");
        // R: post <- c(9.0, 8.2, 7.1, 10.4); pre <- post - c(3.5, 2.0, 1.5, 4.4); t.test(post, pre, paired = TRUE)
        assertThat(value(t, row, "Before", "mean")).isCloseTo(5.825, within(1e-12));
        assertThat(value(t, row, "Before", "sd")).isCloseTo(0.3304037, within(1e-7));
        assertThat(text(t, row, 3)).isEqualTo("8.68 ± 1.39");
        assertThat(text(t, row, 4)).isEqualTo("2.85 ± 1.34");
        assertThat(value(t, row, "t", "value")).isCloseTo(4.260380029, within(1e-8));
        assertThat(value(t, row, "P value", "p")).isCloseTo(0.02371696817, within(1e-10));
        assertThat(text(t, "Alanine aminotransferase (ALT) (U/L)", 1)).isEqualTo("3");
    }

    @Test
    void qualityOfLifeIsComparedByTheSignedRankTestOnCompletePairs() {
        Cohort c = Cohort.singleArm("");
        String[][] pf = {{"60", "80"}, {"73.3", "86.7"}, {"80", "80"}, {"46.7", "66.7"}, {"50", null}};
        for (int i = 0; i < pf.length; i++) {
            Cohort.Patient p = c.patient("P" + i, "deb").qol("baseline", "2023-12-28", "pf2_score", pf[i][0]);
            if (pf[i][1] != null) {
                p.qol("fu_1m", "2024-02-10", "pf2_score", pf[i][1]);
            }
        }
        StudyTable t = QolTable.build(c.dataset(), "Table 5. QLQ-C30");

        String row = "Physical functioning (PF2)";
        assertThat(t.columnLabels()).containsExactly("Scale", "n", "Baseline, median (IQR)", "One month, median (IQR)",
                "P value");
        assertThat(text(t, row, 1)).isEqualTo("4");
        // R: quantile(c(60, 73.3, 80, 46.7), type = 6) and quantile(c(80, 86.7, 80, 66.7), type = 6)
        assertThat(text(t, row, 2)).isEqualTo("66.7 (50.0-78.3)");
        assertThat(text(t, row, 3)).isEqualTo("80.0 (70.0-85.0)");
        // R: wilcox.test(after, before, paired = TRUE, exact = FALSE, correct = FALSE)$p.value
        assertThat(value(t, row, "P value", "p")).isCloseTo(0.1024704349, within(1e-9));
        assertThat(text(t, "Role functioning (RF2)", 1)).isEqualTo("0");
    }

    @Test
    void biomarkerResponseIsCrossTabulatedAgainstImagingWithSpearmansRho() {
        Cohort c = Cohort.singleArm("analysis:\n  biomarkers: {markers: [afp], timePoint: fu_1m}\n");
        Object[][] cases = {{Response.PR, "RESPONSE"}, {Response.PR, "STABLE"}, {Response.SD, "STABLE"},
                {Response.SD, "PROGRESSION"}, {Response.PD, "PROGRESSION"}, {Response.CR, "RESPONSE"}};
        for (int i = 0; i < cases.length; i++) {
            c.patient("P" + i, "deb").session("2024-01-10")
                    .assessment("fu_1m", "2024-02-09", (Response) cases[i][0])
                    .markers("fu_1m", "2024-02-09", "afp", "100", "afp_response", (String) cases[i][1]);
        }
        StudyTable t = BiomarkerTable.build(c.dataset(), "Table 6. Biomarkers");

        String afp = "Alpha-fetoprotein (AFP)";
        assertThat(text(t, afp, 4)).isEqualTo("6");
        assertThat(text(t, afp + " / Partial response (PR)", 1)).isEqualTo("1 (50.0%)");
        assertThat(text(t, afp + " / Stable disease (SD)", 3)).isEqualTo("1 (50.0%)");
        // R: cor.test(c(3,3,2,2,1,4), c(3,2,2,1,1,3), method = "spearman", exact = FALSE)
        assertThat(value(t, afp, "Spearman", "value")).isCloseTo(0.8616404369, within(1e-9));
        assertThat(value(t, afp, "P value", "p")).isCloseTo(0.027390719, within(1e-9));
    }

    @Test
    void consortFollowsPatientsFromScreeningToAnalysis() {
        Cohort c = Cohort.twoArms("");
        c.patient("D-1", "deb").session("2024-01-10").assessment("fu_1m", "2024-02-09", Response.PR).died("2024-05-01");
        c.patient("D-2", "deb");
        c.patient("C-1", "ctace").session("2024-01-10").alive("2024-06-01");
        List<ScreeningEntry> log = List.of(
                new ScreeningEntry("S1", LocalDate.of(2023, 12, 1), ScreeningEntry.Outcome.NOT_ELIGIBLE, null,
                        List.of("in01", "ex01")),
                new ScreeningEntry("S1", LocalDate.of(2023, 12, 2), ScreeningEntry.Outcome.NOT_ELIGIBLE, "records lost",
                        List.of()),
                new ScreeningEntry("S1", LocalDate.of(2023, 12, 3), ScreeningEntry.Outcome.NOT_ENROLLED, "Declined",
                        List.of()),
                new ScreeningEntry("S1", LocalDate.of(2023, 12, 4), ScreeningEntry.Outcome.ENROLLED, null, List.of()),
                new ScreeningEntry("S1", LocalDate.of(2024, 12, 4), ScreeningEntry.Outcome.ELIGIBLE, null, List.of()));
        AnalysisDataset d = AnalysisDataset.of(c.study, LocalDate.of(2024, 6, 30), false, c.records(), log);
        StudyTable t = ConsortTable.build(d, "Table 1. Patient flow");

        assertThat(text(t, "Patients screened", 3)).isEqualTo("4");
        assertThat(text(t, "Patients screened", 1)).isEmpty();
        assertThat(text(t, "Patients screened / Not eligible", 3)).isEqualTo("2");
        assertThat(text(t, "Patients screened / Not eligible / Inclusion in01: Unresectable liver cancer", 3))
                .isEqualTo("1");
        assertThat(text(t, "Patients screened / Not eligible / Criterion not recorded", 3)).isEqualTo("1");
        assertThat(text(t, "Patients screened / Eligible, not enrolled / Declined", 3)).isEqualTo("1");
        assertThat(text(t, "Enrolled and allocated", 1)).isEqualTo("2");
        assertThat(text(t, "Enrolled and allocated / Treated (at least one TACE session)", 1)).isEqualTo("1");
        assertThat(text(t, "Enrolled and allocated / Not treated", 1)).isEqualTo("1");
        assertThat(text(t, "Enrolled and allocated / Evaluable for response at One month (mRECIST)", 1)).isEqualTo("1");
        assertThat(text(t, "Enrolled and allocated / Evaluable for response at One month (mRECIST) / Due, not assessed",
                2)).isEqualTo("1");
        assertThat(text(t, "Enrolled and allocated / Died", 3)).isEqualTo("1");
        assertThat(text(t, "Enrolled and allocated / Analysed for OS", 3)).isEqualTo("2");
    }

    @Test
    void theDatasetLeavesOutLateEnrolmentsAndUnlockedCasebooksWhenAsked() {
        Cohort c = Cohort.twoArms("");
        c.patient("A", "deb").locked();
        c.patient("B", "deb").enrolled("2024-08-01").locked();
        c.patient("C", "ctace");
        assertThat(AnalysisDataset.of(c.study, LocalDate.of(2024, 6, 30), false, c.records(), List.of()).n())
                .isEqualTo(2);
        AnalysisDataset locked = AnalysisDataset.of(c.study, null, true, c.records(), List.of());
        assertThat(locked.subjects()).extracting(s -> s.facts().number()).containsExactly("A", "B");
        assertThat(locked.population()).isEqualTo("Enrolled patients with locked casebooks");
        assertThat(locked.arms()).extracting(Group::heading).containsExactly("DEB-TACE (n=2)", "cTACE (n=0)");
    }
}
