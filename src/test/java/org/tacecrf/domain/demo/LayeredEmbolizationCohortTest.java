package org.tacecrf.domain.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tacecrf.domain.demo.Cohort.is;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.response.Response;

/**
 * The demo cohort of {@code layered-embolization} reproduces the counts of its publication (seed
 * 004: layered embolization with drug-eluting and uniform-caliber microspheres, 33 patients), read
 * from the stored and derived data.
 */
class LayeredEmbolizationCohortTest {

    private static final Function<SubjectData.FormInstance, String> PATIENT = f -> "patient";
    private final Cohort c = Cohort.of("layered-embolization");

    @Test
    void baselineTableMatchesTable1() {
        assertThat(c.size()).isEqualTo(33);                                               // 2.1: 33 patients
        assertThat(c.baseline("sex", is("M"))).isEqualTo(27);                             // Table 1: male 27 (81.8 %)
        assertThat(c.baseline("sex", is("F"))).isEqualTo(6);                              // Table 1: female 6 (18.2 %)
        assertThat(c.baseline("child_pugh_class", is("A"))).isEqualTo(32);                // Table 1: Child-Pugh A 32 (97.0 %), derived
        assertThat(c.baseline("child_pugh_class", is("B"))).isEqualTo(1);                 // Table 1: Child-Pugh B 1 (3.0 %)
        assertThat(c.baseline("child_pugh_points", v -> Integer.parseInt(v) <= 7)).isEqualTo(33); // inclusion: 7 points or fewer
        assertThat(c.baseline("diagnosis", is("HCC"))).isEqualTo(27);                     // Table 1: primary HCC 27 (81.8 %)
        assertThat(c.baseline("diagnosis", is("METASTASIS"))).isEqualTo(6);               // Table 1: liver metastases 6 (18.2 %)
        assertThat(c.baseline("bclc_stage", is("C"))).isEqualTo(27);                      // Table 1: BCLC C 27 (81.8 %), not applicable 6
        assertThat(c.baseline("bclc_suggested", is("C"))).isEqualTo(27);                  // the system's suggestion agrees
        assertThat(c.baseline("tnm_m", is("M1"))).isEqualTo(27);                          // 3.1: 81.8 % M1
        assertThat(c.baseline("tnm_t", v -> v.equals("T3") || v.equals("T4"))).isEqualTo(29); // 3.1: 87.9 % T3-T4
        assertThat(mean("age")).isCloseTo(63.7, within(0.5));                             // Table 1: age 63.7 +/- 9.1 years
        assertThat(mean("albumin")).isCloseTo(38.1, within(2.0));                         // Table 1: albumin 38.1 +/- 4.6 g/L
        assertThat(mean("haemoglobin")).isCloseTo(119.8, within(6.0));                    // Table 1: haemoglobin 119.8 +/- 19.5 g/L
    }

    @Test
    void treatmentComplianceMatchesTable1() {
        Map<Integer, Integer> sessions = c.sessions();
        assertThat(sessions).isEqualTo(Map.of(1, 6, 2, 27));                             // Table 1: >=2 treatments 27, lost after one 6
        long lost = c.subjects.stream().filter(s -> s.data.forms("end_of_study").stream()
                .anyMatch(f -> f.first("eos_status").map(StoredValue::text).filter("LOST"::equals).isPresent())).count();
        assertThat(lost).isEqualTo(6);                                                    // Table 1: lost to follow-up after 1 treatment 6 (18.2 %)
        long folfox = c.subjects.stream().filter(s -> s.data.forms("tace_session").get(0)
                .repeats("infusion_drug").containsValue(StoredValue.text("FLUOROURACIL"))).count();
        assertThat(folfox).isEqualTo(24);                                                 // 3.1: FOLFOX 72.7 %
    }

    @Test
    void responseAtTwoMonthsMatchesSection34() {
        // 3.4: of 27 evaluable, PR 7 (25.9 %), SD 18 (66.7 %), PD 2 (7.4 %); computed by mRECIST
        assertThat(c.responsesAt(null, "fu_2m")).isEqualTo(Map.of(Response.PR, 7, Response.SD, 18, Response.PD, 2));
    }

    @Test
    void markerResponsesMatchTable4() {
        // Table 4: AFP response (>= 50 % decline) PR 4/7, SD 3/14, PD 0/1; PIVKA-II PR 3/4, SD 3/8, PD 0/1
        assertThat(markerResponses("afp", Response.PR)).containsExactly(4, 7);
        assertThat(markerResponses("afp", Response.SD)).containsExactly(3, 14);
        assertThat(markerResponses("afp", Response.PD)).containsExactly(0, 1);
        assertThat(markerResponses("pivka_ii", Response.PR)).containsExactly(3, 4);
        assertThat(markerResponses("pivka_ii", Response.SD)).containsExactly(3, 8);
        assertThat(markerResponses("pivka_ii", Response.PD)).containsExactly(0, 1);
    }

    @Test
    void adverseEventsMatchTable3() {
        assertThat(c.events(null, "AST_INCREASED", PATIENT)).isEqualTo(Map.of(1, 16, 2, 6, 3, 1));  // Table 3: transaminases 23 (16/6/1)
        assertThat(c.events(null, "BILIRUBIN_INCREASED", PATIENT)).isEqualTo(Map.of(1, 1));        // Table 3: bilirubin 1 (1/0/0)
        assertThat(c.events(null, "ABDOMINAL_PAIN", PATIENT)).isEqualTo(Map.of(1, 11, 2, 2));      // Table 3: pain 13 (11/2)
        assertThat(c.events(null, "NAUSEA", PATIENT)).isEqualTo(Map.of(1, 11, 2, 1));              // Table 3: nausea/vomiting 12 (11/1)
        assertThat(c.events(null, "FEVER", PATIENT)).isEqualTo(Map.of(1, 2));                      // Table 3: fever 2 (2/0)
        assertThat(c.events(null, "WBC_DECREASED", PATIENT)).isEqualTo(Map.of(1, 2));              // Table 3: myelosuppression 2 (2/0)
        assertThat(c.events(null, "CONSTIPATION", PATIENT)).isEqualTo(Map.of(1, 2));               // Table 3: constipation 2 (2/0)
        assertThat(worstGrades(Set.of("AST_INCREASED", "BILIRUBIN_INCREASED"))).isEqualTo(Map.of(1, 17, 2, 6, 3, 1)); // Table 3: hepatic 24 (17/6/1)
        assertThat(worstGrades(Set.of("ABDOMINAL_PAIN", "NAUSEA", "FEVER"))).isEqualTo(Map.of(1, 17, 2, 3));        // Table 3: PES 20 (17/3/0)
        assertThat(worstGrades(null)).isEqualTo(Map.of(1, 18, 2, 9, 3, 1));                                         // Table 3: any 28 (18/9/1)
    }

    @Test
    void laboratoryChangesAfterTheProcedureFollowTable2() {
        assertThat(meanChange("wbc")).isCloseTo(5.18, within(1.5));                       // Table 2: WBC +5.18 +/- 3.06
        assertThat(meanChange("albumin")).isCloseTo(-3.12, within(1.5));                  // Table 2: albumin -3.12 +/- 3.45
        assertThat(meanChange("crp")).isCloseTo(29.12, within(12.0));                     // Table 2: CRP +29.12 +/- 34.56
        assertThat(meanChange("ast")).isPositive();                                       // Table 2: AST +118.48 +/- 294.67
    }

    /** The study tables of the analysis module print the publication's counts and percentages. */
    @Test
    void studyTablesPrintTables1To4() {
        org.tacecrf.domain.report.StudyTable b = c.table("baseline");
        assertThat(Cohort.cell(b, "Sex / Male", 1)).isEqualTo("27 (81.8%)");                      // Table 1: male 27 (81.8 %)
        assertThat(Cohort.cell(b, "Sex / Female", 1)).isEqualTo("6 (18.2%)");                     // Table 1: female 6 (18.2 %)
        assertThat(Cohort.cell(b, "Tumour type / Hepatocellular carcinoma", 1)).isEqualTo("27 (81.8%)"); // Table 1: primary HCC 27
        assertThat(Cohort.cell(b, "Tumour type / Liver metastasis", 1)).isEqualTo("6 (18.2%)");   // Table 1: liver metastases 6
        assertThat(Cohort.cell(b, "Child-Pugh class / A (5-6 points)", 1)).isEqualTo("32 (97.0%)"); // Table 1: A 32 (97.0 %)
        assertThat(Cohort.cell(b, "Child-Pugh class / B (7-9 points)", 1)).isEqualTo("1 (3.0%)");   // Table 1: B 1 (3.0 %)
        assertThat(Cohort.cell(b, "BCLC stage / C - advanced", 1)).isEqualTo("27 (100.0%)");        // Table 1: BCLC C 27, n/a 6
        assertThat(Cohort.cell(b, "BCLC stage / Not recorded", 1)).isEqualTo("6");
        org.tacecrf.domain.report.StudyTable r = c.table("response-mrecist");
        String tp = "Two months after the procedure (primary safety endpoint) / ";                 // 3.4: 27 evaluable
        assertThat(Cohort.cell(r, tp + "Partial response (PR)", 1)).isEqualTo("7 (25.9%)");       // PR 7 (25.9 %)
        assertThat(Cohort.cell(r, tp + "Stable disease (SD)", 1)).isEqualTo("18 (66.7%)");        // SD 18 (66.7 %)
        assertThat(Cohort.cell(r, tp + "Progressive disease (PD)", 1)).isEqualTo("2 (7.4%)");     // PD 2 (7.4 %)
        assertThat(Cohort.cell(r, tp + "DCR (CR + PR + SD)", 1)).isEqualTo("25 (92.6%)");         // DCR 92.6 %
        assertThat(Cohort.cell(r, tp + "Not assessed", 1)).isEqualTo("6");                        // 6 lost to follow-up
        org.tacecrf.domain.report.StudyTable ae = c.table("ae-patients");                          // Table 3, columns any/1/2/3
        assertThat(Cohort.cell(ae, "Any adverse event", 1)).isEqualTo("28 (84.8%)");              // any 28 (84.8 %)
        assertThat(Cohort.cell(ae, "Any adverse event", 2)).isEqualTo("18 (54.5%)");              // worst grade 1: 18
        assertThat(Cohort.cell(ae, "Any adverse event", 3)).isEqualTo("9 (27.3%)");               // worst grade 2: 9
        assertThat(Cohort.cell(ae, "Any adverse event", 4)).isEqualTo("1 (3.0%)");                // worst grade 3: 1
        assertThat(Cohort.cell(ae, "Any adverse event / Aspartate aminotransferase increased", 1)).isEqualTo("23 (69.7%)"); // transaminases 23 (69.7 %)
        assertThat(Cohort.cell(ae, "Any adverse event / Abdominal pain", 1)).isEqualTo("13 (39.4%)"); // pain 13 (39.4 %)
        assertThat(Cohort.cell(ae, "Any adverse event / Nausea", 1)).isEqualTo("12 (36.4%)");     // nausea/vomiting 12 (36.4 %)
        assertThat(Cohort.cell(ae, "Any adverse event / Fever", 1)).isEqualTo("2 (6.1%)");        // fever 2 (6.1 %)
        org.tacecrf.domain.report.StudyTable m = c.table("biomarkers");                            // Table 4: response rate by imaging response
        assertThat(Cohort.cell(m, "Alpha-fetoprotein (AFP) / Partial response (PR)", 1)).isEqualTo("4 (57.1%)");  // 4/7 (57.1 %)
        assertThat(Cohort.cell(m, "Alpha-fetoprotein (AFP) / Stable disease (SD)", 1)).isEqualTo("3 (21.4%)");    // 3/14 (21.4 %)
        assertThat(Cohort.cell(m, "Alpha-fetoprotein (AFP) / Progressive disease (PD)", 1)).isEqualTo("0 (0.0%)"); // 0/1 (0 %)
        assertThat(Cohort.cell(m, "PIVKA-II (des-gamma-carboxy prothrombin) / Partial response (PR)", 1)).isEqualTo("3 (75.0%)"); // 3/4
        assertThat(Cohort.cell(m, "PIVKA-II (des-gamma-carboxy prothrombin) / Stable disease (SD)", 1)).isEqualTo("3 (37.5%)");   // 3/8
    }

    /** Patients with a marker response at two months, and patients evaluable for it, in an imaging-response group. */
    private List<Integer> markerResponses(String marker, Response group) {
        int responding = 0;
        int evaluable = 0;
        for (int i = 0; i < c.size(); i++) {
            PlannedCasebook s = c.subjects.get(i);
            boolean inGroup = c.summaries.get(i).primary().protocolTimePoints().stream()
                    .anyMatch(t -> t.visitId().equals("fu_2m") && t.response() == group);
            if (!inGroup || !"HCC".equals(s.baseline("diagnosis"))) {
                continue;
            }
            var response = s.data.forms("tumour_markers").stream().filter(f -> f.visit().visitId().equals("fu_2m"))
                    .findFirst().flatMap(f -> f.first(marker + "_response"));
            if (response.isPresent()) {
                evaluable++;
                if (response.get().text().equals("RESPONSE")) {
                    responding++;
                }
            }
        }
        return List.of(responding, evaluable);
    }

    private Map<Integer, Integer> worstGrades(Set<String> terms) {
        Map<Integer, Integer> out = new java.util.TreeMap<>();
        for (PlannedCasebook s : c.subjects) {
            s.data.forms("adverse_event").stream()
                    .filter(f -> terms == null || terms.contains(f.first("ae_term").orElseThrow().text()))
                    .mapToInt(f -> Integer.parseInt(f.first("ae_grade").orElseThrow().text())).max()
                    .ifPresent(g -> out.merge(g, 1, Integer::sum));
        }
        return out;
    }

    private double mean(String item) {
        return c.subjects.stream().map(s -> s.baseline(item)).filter(v -> v != null).mapToDouble(Double::parseDouble)
                .average().orElseThrow();
    }

    private double meanChange(String analyte) {
        return c.subjects.stream().flatMap(s -> s.data.forms("post_labs").stream())
                .map(f -> f.first(analyte + "_change")).filter(java.util.Optional::isPresent)
                .mapToDouble(v -> v.get().number().doubleValue()).average().orElseThrow();
    }
}
