package org.tacecrf.domain.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.report.StudyTable;

/**
 * The study tables of the other three demo cohorts print their publications' counts (seeds 001,
 * 002 and 003; seeds 000 and 004 are tested in full in their own classes).
 */
class PublishedTablesTest {

    @Test
    void sorafenibCohortPrintsTables1And2() {
        Cohort c = Cohort.of("hcc-deb-sorafenib");
        StudyTable b = c.table("baseline");                                                // Table 1, columns: combination, alone
        assertThat(Cohort.cell(b, "Gender / Male", 1)).startsWith("37 ");                 // male 37 / 41
        assertThat(Cohort.cell(b, "Gender / Male", 2)).startsWith("41 ");
        assertThat(Cohort.cell(b, "History of liver disease / Hepatitis B", 1)).startsWith("33 "); // hepatitis B 33 / 38
        assertThat(Cohort.cell(b, "History of liver disease / Hepatitis B", 2)).startsWith("38 ");
        assertThat(Cohort.cell(b, "Number of tumours / > 3", 1)).startsWith("12 ");       // >3 tumours 12 / 13
        assertThat(Cohort.cell(b, "Vascular invasion / Yes", 2)).startsWith("15 ");       // vascular invasion 13 / 15
        assertThat(Cohort.cell(b, "Child classification / B (7-9 points)", 1)).startsWith("11 "); // Child B 11 / 13
        assertThat(Cohort.cell(b, "AFP level (ng/mL) / > 400", 2)).startsWith("28 ");     // AFP >400 24 / 28
        assertThat(Cohort.cell(b, "Previous treatment", 4)).isEqualTo("1.000");           // P = 1 for previous treatment
        StudyTable r = c.table("response-mrecist");                                        // Table 2
        String m1 = "Assessment one month after the first intervention / ";
        String m3 = "Assessment three months after the first intervention / ";
        assertThat(Cohort.cell(r, m1 + "Complete response (CR)", 1)).startsWith("7 ");   // 1 month: 7 / 25 / 10 / 0 and 6 / 27 / 11 / 2
        assertThat(Cohort.cell(r, m1 + "Partial response (PR)", 2)).startsWith("27 ");
        assertThat(Cohort.cell(r, m1 + "ORR (CR + PR)", 1)).isEqualTo("32 (76.2%)");      // ORR 76.19 % vs 71.74 %
        assertThat(Cohort.cell(r, m1 + "ORR (CR + PR)", 2)).isEqualTo("33 (71.7%)");
        assertThat(Cohort.cell(r, m1 + "ORR (CR + PR)", 4)).isEqualTo("0.635");          // chi-square P = 0.635
        assertThat(Cohort.cell(r, m3 + "ORR (CR + PR)", 1)).isEqualTo("32 (80.0%)");      // 3 months: ORR 80.00 % vs 57.78 %
        assertThat(Cohort.cell(r, m3 + "ORR (CR + PR)", 2)).isEqualTo("26 (57.8%)");
        assertThat(Cohort.cell(r, m3 + "ORR (CR + PR)", 4)).isEqualTo("0.028");          // P = 0.028
        assertThat(Cohort.cell(r, m3 + "DCR (CR + PR + SD)", 1)).isEqualTo("39 (97.5%)"); // DCR 97.50 % vs 84.44 %
        assertThat(Cohort.cell(r, m3 + "DCR (CR + PR + SD)", 2)).isEqualTo("38 (84.4%)");
    }

    @Test
    void nsclcCohortPrintsTables1And2() {
        Cohort c = Cohort.of("nsclc-lm-tace-125i");
        StudyTable b = c.table("baseline");                                                // Table 1
        assertThat(Cohort.cell(b, "Histological type / Squamous cell carcinoma", 1)).isEqualTo("19 (82.6%)");
        assertThat(Cohort.cell(b, "Number of liver metastases / 4-5", 1)).isEqualTo("7 (30.4%)");
        assertThat(Cohort.cell(b, "Largest diameter of liver metastases / > 5 cm", 1)).isEqualTo("11 (47.8%)");
        assertThat(Cohort.cell(b, "Previous systemic treatment / Third or above lines", 1)).isEqualTo("14 (60.9%)");
        StudyTable r = c.table("response-mrecist");                                        // Table 2
        assertThat(Cohort.cell(r, "Three months after the integrated therapy / Complete response (CR)", 1)).isEqualTo("10 (43.5%)");
        assertThat(Cohort.cell(r, "Three months after the integrated therapy / ORR (CR + PR)", 1)).isEqualTo("20 (87.0%)");
        assertThat(Cohort.cell(r, "Six months after the integrated therapy / Complete response (CR)", 1)).isEqualTo("18 (78.3%)");
        assertThat(Cohort.cell(r, "Six months after the integrated therapy / Partial response (PR)", 1)).isEqualTo("5 (21.7%)");
        assertThat(c.median(null, org.tacecrf.domain.casebook.derive.SubjectSummary::os).orElseThrow()).isCloseTo(22.0, within(1.5));
        assertThat(c.median(null, org.tacecrf.domain.casebook.derive.SubjectSummary::pfs).orElseThrow()).isCloseTo(14.0, within(1.5));
    }

    @Test
    void crlmCohortPrintsTable1TheResponseAndTheFlow() {
        Cohort c = Cohort.of("crlm-deb-vs-ctace");
        StudyTable b = c.table("baseline");                                                // Table 1, P values from the publication
        assertThat(Cohort.cell(b, "Gender / Female", 2)).isEqualTo("5 (45.5%)");
        assertThat(Cohort.cell(b, "Gender", 4)).isEqualTo("0.375");
        assertThat(Cohort.cell(b, "Child-Pugh stage", 4)).isEqualTo("0.127");
        assertThat(Cohort.cell(b, "Lesion distribution", 4)).isEqualTo("0.392");
        assertThat(Cohort.cell(b, "Number of lesions", 4)).isEqualTo("0.647");
        StudyTable r = c.table("response-mrecist");                                        // Results and Fig. 2
        String first = "Response assessment after each TACE (after TACE 1) / ";
        assertThat(Cohort.cell(r, first + "Partial response (PR)", 1)).isEqualTo("3 (27.3%)");
        assertThat(Cohort.cell(r, first + "Progressive disease (PD)", 2)).isEqualTo("5 (45.5%)");
        assertThat(Cohort.cell(r, first + "ORR (CR + PR)", 4)).isEqualTo("0.338");        // ORR P = 0.338
        assertThat(Cohort.cell(r, first + "DCR (CR + PR + SD)", 4)).isEqualTo("0.170");   // DCR P = 0.170
        StudyTable flow = c.table("consort");                                              // Fig. 1: 29 retrieved, 7 excluded, 22 analysed
        assertThat(Cohort.cell(flow, "Patients screened", 3)).isEqualTo("29");
        assertThat(Cohort.cell(flow, "Enrolled and allocated", 3)).isEqualTo("22");
    }
}
