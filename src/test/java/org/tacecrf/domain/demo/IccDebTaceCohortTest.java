package org.tacecrf.domain.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tacecrf.domain.demo.Cohort.above;
import static org.tacecrf.domain.demo.Cohort.atMost;
import static org.tacecrf.domain.demo.Cohort.is;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.derive.SubjectSummary;
import org.tacecrf.domain.casebook.derive.TreatmentTiming;
import org.tacecrf.domain.response.Response;

/**
 * The demo cohort of {@code icc-deb-tace} reproduces the counts of its publication (seed 000:
 * DEB-TACE with CalliSpheres in unresectable ICC, 88 patients), read from the stored and derived
 * data as a study table would read them.
 */
class IccDebTaceCohortTest {

    private final Cohort c = Cohort.of("icc-deb-tace");

    @Test
    void baselineTableMatchesTable1() {
        assertThat(c.size()).isEqualTo(88);                                               // Methods: 88 patients
        assertThat(c.baseline("age", atMost(60))).isEqualTo(28);                          // Table 1: age <=60 28 (31.8 %)
        assertThat(c.baseline("age", above(60))).isEqualTo(60);                           // Table 1: age >60 60 (68.2 %)
        assertThat(c.baseline("sex", is("M"))).isEqualTo(65);                             // Table 1: male 65 (73.9 %)
        assertThat(c.baseline("sex", is("F"))).isEqualTo(23);                             // Table 1: female 23 (26.1 %)
        assertThat(c.baseline("ecog", is("0"))).isEqualTo(37);                            // Table 1: ECOG 0 37 (42.0 %)
        assertThat(c.baseline("ecog", is("1"))).isEqualTo(51);                            // Table 1: ECOG 1 51 (58.0 %)
        assertThat(c.baseline("child_pugh_class", is("A"))).isEqualTo(83);                // Table 1: Child-Pugh A 83 (94.3 %), derived
        assertThat(c.baseline("child_pugh_class", is("B"))).isEqualTo(5);                 // Table 1: Child-Pugh B 5 (5.7 %), derived
        assertThat(c.baseline("postop_recurrence", is("Y"))).isEqualTo(18);               // Table 1: postoperative recurrence 18 (20.5 %)
        assertThat(c.baseline("prior_treatment", is("Y"))).isEqualTo(28);                 // Table 1: previous treatment 28 (31.8 %)
        assertThat(c.baseline("lesion_count", is("1"))).isEqualTo(26);                    // Table 1: solitary 26 (29.5 %)
        assertThat(c.baseline("lesion_count", above(1))).isEqualTo(62);                   // Table 1: multiple 62 (70.5 %)
        assertThat(c.baseline("distribution", is("ONE_LOBE"))).isEqualTo(59);             // Table 1: unilateral 59 (67.0 %)
        assertThat(c.baseline("distribution", is("BOTH_LOBES"))).isEqualTo(29);           // Table 1: bilateral 29 (33.0 %)
        assertThat(c.baseline("liver_involvement", is("UPTO25"))).isEqualTo(41);          // Table 1: burden <=25 % 41 (46.6 %)
        assertThat(c.baseline("liver_involvement", is("FROM25TO50"))).isEqualTo(31);      // Table 1: >25 % <=50 % 31 (35.2 %)
        assertThat(c.baseline("liver_involvement", is("OVER50"))).isEqualTo(16);          // Table 1: >50 % 16 (18.2 %)
        assertThat(c.baseline("largest_diameter_mm", atMost(50))).isEqualTo(32);          // Table 1: largest <=5 cm 32 (36.4 %)
        assertThat(c.baseline("largest_diameter_mm", above(50))).isEqualTo(56);           // Table 1: largest >5 cm 56 (63.6 %)
        assertThat(c.baseline("cholangiectasis", is("Y"))).isEqualTo(27);                 // Table 1: cholangiectasis 27 (30.7 %)
        assertThat(c.baseline("ca125", atMost(35))).isEqualTo(57);                        // Table 1: CA-125 <=35 U/ml 57 (64.8 %)
        assertThat(c.baseline("ca125", above(35))).isEqualTo(31);                         // Table 1: CA-125 >35 U/ml 31 (35.2 %)
        assertThat(c.baseline("ca19_9", atMost(37))).isEqualTo(42);                       // Table 1: CA-199 <=37 U/ml 42 (47.7 %)
        assertThat(c.baseline("ca19_9", above(37))).isEqualTo(46);                        // Table 1: CA-199 >37 U/ml 46 (52.3 %)
        assertThat(c.baseline("extrahepatic_spread", v -> !v.equals("NONE"))).isEqualTo(50); // Table 1: extrahepatic disease 50 (56.8 %)
        assertThat(c.baseline("macrovascular_invasion", is("Y"))).isEqualTo(34);          // Table 1: vascular invasion 34 (38.6 %)
    }

    @Test
    void treatmentsMatchTable1AndTheText() {
        long subsequent = c.summaries.stream().filter(IccDebTaceCohortTest::subsequentTreatment).count();
        assertThat(subsequent).isEqualTo(29);                                             // Table 1: subsequent treatment 29 (33.0 %)
        long combined = java.util.stream.IntStream.range(0, c.size()).filter(i -> subsequentTreatment(c.summaries.get(i))
                || "Y".equals(c.subjects.get(i).baseline("prior_treatment"))).count();
        assertThat(combined).isEqualTo(42);                                               // Table 1: combined treatment 42 (47.7 %)
        long tai = c.subjects.stream().filter(s -> s.data.forms("tace_session").stream()
                .anyMatch(f -> !f.repeats("infusion_drug").isEmpty())).count();
        assertThat(tai).isEqualTo(31);                                                    // Table 1: TAI 31 (35.2 %)
        long oxaliplatin = c.subjects.stream().filter(s -> s.data.forms("tace_session").stream()
                .anyMatch(f -> f.repeats("infusion_drug").containsValue(StoredValue.text("OXALIPLATIN")))).count();
        assertThat(oxaliplatin).isEqualTo(26);                                            // Results: TAI of oxaliplatin 26, raltitrexed 5
        long strengthened = c.subjects.stream().filter(s -> s.data.forms("tace_session").stream()
                .anyMatch(f -> !f.repeats("embolic_type").isEmpty())).count();
        assertThat(strengthened).isEqualTo(19);                                           // Table 1: strengthened embolization 19 (21.6 %)
        Map<Integer, Integer> sessions = c.sessions();
        assertThat(sessions.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(88);
        assertThat(sessions.entrySet().stream().mapToInt(e -> e.getKey() * e.getValue()).sum()).isEqualTo(126); // Results: 126 procedures
        assertThat(sessions).containsEntry(1, 64).containsEntry(2, 14).containsEntry(3, 7); // Results: 64 once, 14 twice, 7 three times
        assertThat(sessions.keySet()).allMatch(k -> k >= 1 && k <= 5);                    // Results: range 1-5
    }

    @Test
    void responseAtOneMonthMatchesTable2() {
        // Table 2: CR 0 (0.0), PR 58 (65.9), SD 19 (21.6), PD 11 (12.5), computed by mRECIST from the measurements
        assertThat(c.responsesAt(null, "fu_1m")).isEqualTo(Map.of(Response.PR, 58, Response.SD, 19, Response.PD, 11));
    }

    @Test
    void adverseEventsPerSessionMatchTable4() {
        java.util.function.Function<org.tacecrf.domain.casebook.SubjectData.FormInstance, String> session =
                f -> f.first("related_session").orElseThrow().display();
        assertThat(total(c.events(null, "NAUSEA", session))).isEqualTo(97);              // Table 4: vomiting/nausea 97/126 (77.0 %), grade 1-2
        assertThat(c.events(null, "NAUSEA", session).keySet()).containsOnly(1, 2);
        assertThat(total(c.events(null, "ABDOMINAL_PAIN", session))).isEqualTo(77);      // Table 4: abdominal pain 77/126 (61.1 %), grade 1-2
        assertThat(total(c.events(null, "ALT_INCREASED", session))).isEqualTo(68);       // Table 4: aminotransferase elevation 68/126 (54.0 %)
        assertThat(c.events(null, "FEVER", session)).isEqualTo(Map.of(1, 58));            // Table 4: low-grade fever 58/126 (46.0 %), grade 1
        assertThat(c.events(null, "STROKE", session)).isEqualTo(Map.of(2, 2));            // Table 4: lower-limb weakness, infarction 2/126 (1.6 %), grade 2
    }

    @Test
    void mediansLandNearTheText() {
        assertThat(c.median(null, SubjectSummary::os).orElseThrow()).isCloseTo(9.0, within(1.0));   // Results: median OS 9.0 months
        assertThat(c.median(null, SubjectSummary::pfs).orElseThrow()).isCloseTo(3.0, within(0.5));  // Results: median PFS 3.0 months
    }

    /** The study tables of the analysis module print the publication's counts and percentages. */
    @Test
    void studyTablesPrintTables1And2() {
        org.tacecrf.domain.report.StudyTable t = c.table("baseline");
        String[][] table1 = {                                                             // Table 1 (N=88): No. (%)
            {"Age (years) / ≤ 60", "28 (31.8%)"}, {"Age (years) / > 60", "60 (68.2%)"},
            {"Gender / Male", "65 (73.9%)"}, {"Gender / Female", "23 (26.1%)"},
            {"ECOG performance status / 0 - fully active, no restriction", "37 (42.0%)"},
            {"ECOG performance status / 1 - restricted in strenuous activity, ambulatory", "51 (58.0%)"},
            {"Child-Pugh classification / A (5-6 points)", "83 (94.3%)"}, {"Child-Pugh classification / B (7-9 points)", "5 (5.7%)"},
            {"Postoperative recurrence / Yes", "18 (20.5%)"}, {"Postoperative recurrence / No", "70 (79.5%)"},
            {"Previous treatment / Yes", "28 (31.8%)"}, {"Previous treatment / No", "60 (68.2%)"},
            {"Subsequent treatment / Yes", "29 (33.0%)"}, {"Subsequent treatment / No", "59 (67.0%)"},
            {"Combined treatment / Yes", "42 (47.7%)"}, {"Combined treatment / No", "46 (52.3%)"},
            {"TAI / Yes", "31 (35.2%)"}, {"TAI / No", "57 (64.8%)"},
            {"Strengthened embolization / Yes", "19 (21.6%)"}, {"Strengthened embolization / No", "69 (78.4%)"},
            {"No. of tumours / Solitary", "26 (29.5%)"}, {"No. of tumours / Multiple", "62 (70.5%)"},
            {"Tumour location / One lobe", "59 (67.0%)"}, {"Tumour location / Both lobes", "29 (33.0%)"},
            {"Liver tumour burden / ≤ 25 % of the liver", "41 (46.6%)"}, {"Liver tumour burden / > 25 % to ≤ 50 %", "31 (35.2%)"},
            {"Liver tumour burden / > 50 %", "16 (18.2%)"},
            {"Largest diameter / ≤ 5 cm", "32 (36.4%)"}, {"Largest diameter / > 5 cm", "56 (63.6%)"},
            {"Cholangiectasis / Yes", "27 (30.7%)"}, {"Cholangiectasis / No", "61 (69.3%)"},
            {"Serum CA-125 (U/mL) / ≤ 35", "57 (64.8%)"}, {"Serum CA-125 (U/mL) / > 35", "31 (35.2%)"},
            {"Serum CA19-9 (U/mL) / ≤ 37", "42 (47.7%)"}, {"Serum CA19-9 (U/mL) / > 37", "46 (52.3%)"},
            {"Extrahepatic disease / Yes", "50 (56.8%)"}, {"Extrahepatic disease / No", "38 (43.2%)"},
            {"Vascular invasion / Yes", "34 (38.6%)"}, {"Vascular invasion / No", "54 (61.4%)"}};
        for (String[] row : table1) {
            assertThat(Cohort.cell(t, row[0], 1)).as(row[0]).isEqualTo(row[1]);
        }
        org.tacecrf.domain.report.StudyTable r = c.table("response-mrecist");
        String tp = "Response assessment at one month / ";                                 // Table 2: patients (n/%)
        assertThat(Cohort.cell(r, tp + "Complete response (CR)", 1)).isEqualTo("0 (0.0%)");
        assertThat(Cohort.cell(r, tp + "Partial response (PR)", 1)).isEqualTo("58 (65.9%)");
        assertThat(Cohort.cell(r, tp + "Stable disease (SD)", 1)).isEqualTo("19 (21.6%)");
        assertThat(Cohort.cell(r, tp + "Progressive disease (PD)", 1)).isEqualTo("11 (12.5%)");
        assertThat(Cohort.cell(r, tp + "ORR (CR + PR)", 1)).isEqualTo("58 (65.9%)");
    }

    @Test
    void studyTablesPrintTable4PerSession() {
        org.tacecrf.domain.report.StudyTable t = c.table("ae-sessions");
        assertThat(t.columnLabels().get(1)).contains("126 sessions");                     // Table 4: 126 DEB-TACE records
        assertThat(Cohort.cell(t, "Any adverse event / Nausea", 1)).isEqualTo("97 (77.0%)");          // vomiting/nausea 97/126 (77.0)
        assertThat(Cohort.cell(t, "Any adverse event / Abdominal pain", 1)).isEqualTo("77 (61.1%)");  // abdominal pain 77/126 (61.1)
        assertThat(Cohort.cell(t, "Any adverse event / Alanine aminotransferase increased", 1)).isEqualTo("68 (54.0%)"); // 68/126 (54.0)
        assertThat(Cohort.cell(t, "Any adverse event / Fever", 1)).isEqualTo("58 (46.0%)");           // low-grade fever 58/126 (46.0)
        assertThat(Cohort.cell(t, "Any adverse event / Fever", 2)).isEqualTo("58 (46.0%)");           // all grade 1
        assertThat(Cohort.cell(t, "Any adverse event / Stroke", 1)).isEqualTo("2 (1.6%)");            // 2/126 (1.6), grade 2
        assertThat(Cohort.cell(t, "Any adverse event / Stroke", 3)).isEqualTo("2 (1.6%)");
    }

    private static boolean subsequentTreatment(SubjectSummary s) {
        return s.otherTreatments().stream().anyMatch(t -> t.timing() == TreatmentTiming.SUBSEQUENT && !t.protocolTherapy());
    }

    private static int total(Map<Integer, Integer> byGrade) {
        return byGrade.values().stream().mapToInt(Integer::intValue).sum();
    }
}
