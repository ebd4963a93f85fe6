package org.tacecrf.domain.casebook.derive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.derive.SubjectBuilder.FormBuilder;

class ResponseDerivationsTest {

    @Test
    void sumsOfDiametersAtBaselineAndFollowUp() {
        HccCase c = new HccCase();
        Derived baseline = Derived.of(c.b, c.baselineImaging);
        assertThat(baseline.number("sum_ld_mm")).isEqualByComparingTo("100.0");
        assertThat(baseline.number("sum_viable_mm")).isEqualByComparingTo("80.0");
        Derived month1 = Derived.of(c.b, c.imaging1m);
        assertThat(month1.number("sum_ld_mm")).isEqualByComparingTo("93.0");
        assertThat(month1.number("sum_viable_mm")).isEqualByComparingTo("30.0");
    }

    @Test
    void nodalTargetsCountByShortAxisAndTooSmallAsFiveMm() {
        HccCase c = new HccCase();
        c.baselineImaging.row("lesions", 4, "lesion_id", "T03", "lesion_role", "TARGET", "organ", "LYMPH_NODE",
                "lymph_node", "Y", "longest_diameter_mm", "30", "short_axis_mm", "20");
        c.imaging1m.row("target_measurements", 3, "target_lesion_id", "T03", "target_status", "MEASURED",
                "target_ld_mm", "25", "target_short_axis_mm", "12");
        c.imaging1m.row("target_measurements", 2, "target_lesion_id", "T02", "target_status", "TOO_SMALL");
        c.imaging1m.clear("target_ld_mm").row("target_measurements", 1, "target_ld_mm", "55");
        assertThat(Derived.of(c.b, c.baselineImaging).number("sum_ld_mm")).isEqualByComparingTo("120.0");
        assertThat(Derived.of(c.b, c.imaging1m).number("sum_ld_mm")).isEqualByComparingTo("72.0");
    }

    @Test
    void aTargetNotAssessedLeavesTheSumEmpty() {
        HccCase c = new HccCase();
        c.imaging1m.row("target_measurements", 2, "target_status", "NOT_DONE");
        DerivedValue sum = Derived.of(c.b, c.imaging1m).get("sum_ld_mm");
        assertThat(sum.isEmpty()).isTrue();
        assertThat(sum.reason()).contains("T02 was not assessed");
    }

    @Test
    void responsesByBothCriteriaThroughTheEngine() {
        HccCase c = new HccCase();
        Derived month1 = Derived.of(c.b, c.imaging1m);
        // Viable sum 80 -> 30 mm (-62.5 %) and no enhancing non-target: mRECIST PR. LD sum 100 -> 93 mm: RECIST SD.
        assertThat(month1.text("mrecist_derived")).isEqualTo("PR");
        assertThat(month1.text("recist_derived")).isEqualTo("SD");
        assertThat(month1.get("mrecist_derived").algorithm()).startsWith("mRECIST (Lencioni & Llovet 2010)");
        assertThat(month1.get("recist_derived").notes()).singleElement().asString()
                .startsWith("Targets Stable disease (sum 93 mm, -7 % from baseline)");
        // 35 mm is +16.7 % over the nadir of 30: still PR.
        assertThat(Derived.of(c.b, c.imaging3m).text("mrecist_derived")).isEqualTo("PR");
    }

    @Test
    void aTypicalNewNoduleEndsInProgression() {
        HccCase c = new HccCase();
        Derived month5 = Derived.of(c.b, c.imaging5m);
        assertThat(month5.text("mrecist_derived")).isEqualTo("PD");
        assertThat(month5.text("recist_derived")).isEqualTo("PD");
    }

    @Test
    void targetGrowthOverTheNadirIsProgression() {
        HccCase c = new HccCase();
        c.imaging5m.set("new_lesions_found", "N").clear("new_lesion_id").clear("new_lesion_organ")
                .clear("new_lesion_segment").clear("new_lesion_size_mm").clear("typical_pattern");
        c.imaging5m.row("target_measurements", 1, "target_viable_mm", "30");
        // 40 mm against the nadir of 30: +33 %.
        assertThat(Derived.of(c.b, c.imaging5m).text("mrecist_derived")).isEqualTo("PD");
    }

    @Test
    void aMissingViableDiameterLeavesOnlyMrecistEmpty() {
        HccCase c = new HccCase();
        c.imaging1m.clear("target_viable_mm");
        Derived d = Derived.of(c.b, c.imaging1m);
        assertThat(d.text("recist_derived")).isEqualTo("SD");
        DerivedValue mrecist = d.get("mrecist_derived");
        assertThat(mrecist.isEmpty()).isTrue();
        assertThat(mrecist.reason()).contains("target lesion T01 is missing");
    }

    @Test
    void aLesionRecordedAsNotAssessedMakesTheTimePointNotEvaluable() {
        HccCase c = new HccCase();
        c.imaging1m.row("target_measurements", 2, "target_status", "NOT_DONE");
        c.imaging1m.clear("target_ld_mm").clear("target_viable_mm")
                .row("target_measurements", 1, "target_ld_mm", "55", "target_viable_mm", "20");
        assertThat(Derived.of(c.b, c.imaging1m).text("mrecist_derived")).isEqualTo("NE");
    }

    @Test
    void anIncompleteEarlierAssessmentHoldsBackLaterResponses() {
        HccCase c = new HccCase();
        c.imaging1m.clear("non_target_lesion_id").clear("non_target_status").clear("non_target_enhancement");
        assertThat(Derived.of(c.b, c.imaging1m).get("mrecist_derived").reason()).contains("NT01");
        DerivedValue later = Derived.of(c.b, c.imaging3m).get("mrecist_derived");
        assertThat(later.isEmpty()).isTrue();
        assertThat(later.reason()).contains("earlier assessment").contains("2024-02-14");
    }

    @Test
    void newLesionsReportedButNotDescribed() {
        HccCase c = new HccCase();
        c.imaging1m.set("new_lesions_found", "Y");
        DerivedValue r = Derived.of(c.b, c.imaging1m).get("recist_derived");
        assertThat(r.isEmpty()).isTrue();
        assertThat(r.reason()).contains("none is described");
    }

    @Test
    void withoutBaselineImagingThereIsNoResponse() {
        SubjectBuilder b = SubjectBuilder.of("hcc-deb-sorafenib");
        FormBuilder scan = b.form(b.visit("fu_1m", 1, "2024-02-14"), "imaging_assessment")
                .set("assessment_date", "2024-02-14").set("new_lesions_found", "N");
        DerivedValue r = Derived.of(b, scan).get("mrecist_derived");
        assertThat(r.reason()).isEqualTo("Baseline imaging is not recorded.");
    }

    @Test
    void afpChangeAndResponseFromTheBaselineForm() {
        HccCase c = new HccCase();
        Derived d = Derived.of(c.b, c.markers1m);
        assertThat(d.number("afp_change_pct")).isEqualByComparingTo("-62.5");
        assertThat(d.text("afp_response")).isEqualTo("RESPONSE");
        assertThat(d.get("afp_response").algorithm()).contains("decline of 50 %").contains("rise of 100 %");
        DerivedValue cea = d.get("cea_change_pct");
        assertThat(cea.missingItems()).containsExactly("cea");
        assertThat(cea.reason()).contains("No baseline");
    }

    @Test
    void aPreTreatmentMarkerFormServesAsBaselineButNotALaterOne() {
        HccCase c = new HccCase();
        c.baseline.clear("afp");
        DerivedValue none = Derived.of(c.b, c.markers1m).get("afp_change_pct");
        assertThat(none.isEmpty()).isTrue();
        c.b.form(c.baselineVisit, "tumour_markers").set("marker_date", "2024-01-12").set("afp", "300");
        Derived d = Derived.of(c.b, c.markers1m);
        assertThat(d.number("afp_change_pct")).isEqualByComparingTo("-50.0");
        assertThat(d.text("afp_response")).isEqualTo("RESPONSE");
    }

    @Test
    void afpDoublingIsProgression() {
        HccCase c = new HccCase();
        c.markers1m.set("afp", "800");
        Derived d = Derived.of(c.b, c.markers1m);
        assertThat(d.number("afp_change_pct")).isEqualByComparingTo("100.0");
        assertThat(d.text("afp_response")).isEqualTo("PROGRESSION");
    }

    @Test
    void qlqC30ScalesWithTheHalfRule() {
        SubjectBuilder b = SubjectBuilder.of("nsclc-lm-tace-125i");
        FormBuilder q = b.form(b.visit("baseline", 1, "2024-01-10"), "qlq_c30").set("qlq_date", "2024-01-10");
        for (int n = 1; n <= 28; n++) {
            q.set(QolDerivation.item(n), "2");
        }
        q.set("q29", "5").set("q30", "6");
        Derived d = Derived.of(b, q);
        assertThat(d.number("ql2_score")).isEqualByComparingTo("75.0");
        assertThat(d.number("pf2_score")).isEqualByComparingTo("66.7");
        assertThat(d.number("fa_score")).isEqualByComparingTo("33.3");
        q.clear("q03").clear("q04").clear("q05");
        DerivedValue pf = Derived.of(b, q).get("pf2_score");
        assertThat(pf.isEmpty()).isTrue();
        assertThat(pf.missingItems()).containsExactly("q03", "q04", "q05");
        assertThat(pf.algorithm()).startsWith("EORTC QLQ-C30 v3.0");
        q.clear("q04");
        q.set("q04", "1");
        assertThat(Derived.of(b, q).number("pf2_score")).isEqualByComparingTo("77.8");
    }
}
