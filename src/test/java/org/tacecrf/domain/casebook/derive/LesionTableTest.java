package org.tacecrf.domain.casebook.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.SubjectData.VisitInstance;
import org.tacecrf.domain.casebook.derive.LesionTable.CriterionResult;
import org.tacecrf.domain.casebook.derive.LesionTable.LesionRow;
import org.tacecrf.domain.casebook.derive.SubjectBuilder.FormBuilder;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.Response;
import org.tacecrf.domain.response.ViolationCode;

class LesionTableTest {

    private static LesionTable table(HccCase c, FormBuilder form) {
        return LesionTable.of(c.b.study(), c.data(), form.instance());
    }

    @Test
    void oneRowPerBaselineLesionWithBaselinePreviousAndCurrentValues() {
        HccCase c = new HccCase();
        LesionTable t = table(c, c.imaging3m);
        assertThat(t.rows()).extracting(LesionRow::lesionId).containsExactly("T01", "T02", "NT01");
        assertThat(t.targets()).hasSize(2);
        assertThat(t.baselineDate()).isEqualTo(LocalDate.of(2024, 1, 9));
        assertThat(t.previous().date()).isEqualTo(LocalDate.of(2024, 2, 14));
        assertThat(t.previous().formInstanceId()).isEqualTo(c.imaging1m.id());

        LesionRow t01 = t.rows().get(0);
        assertThat(t01.target()).isTrue();
        assertThat(t01.organ()).isEqualTo("LIVER");
        assertThat(t01.segment()).isEqualTo("S8");
        assertThat(t01.baseline().longestMm()).isEqualByComparingTo("60");
        assertThat(t01.baseline().viableMm()).isEqualByComparingTo("50");
        assertThat(t01.previous().viableMm()).isEqualByComparingTo("20");
        assertThat(t01.current().viableMm()).isEqualByComparingTo("25");
        assertThat(t01.current().status()).isEqualTo("MEASURED");
        assertThat(t01.formRow()).isEqualTo(1);

        LesionRow nt01 = t.rows().get(2);
        assertThat(nt01.group()).isEqualTo("non_targets");
        assertThat(nt01.current().status()).isEqualTo("PRESENT");
        assertThat(nt01.current().enhancement()).isFalse();
        assertThat(t.withoutFormRow()).isEmpty();
        assertThat(t.unmatched()).isEmpty();
    }

    @Test
    void bothCriteriaSideBySideFromTheResponseEngine() {
        HccCase c = new HccCase();
        LesionTable t = table(c, c.imaging3m);
        CriterionResult mrecist = t.criteria().get(Criteria.MRECIST);
        assertThat(mrecist.response().overall()).isEqualTo(Response.PR);
        assertThat(mrecist.runningSumMm()).isEqualByComparingTo("35");
        assertThat(mrecist.baselineSumMm()).isEqualByComparingTo("80");
        assertThat(mrecist.response().targetSums().sumMm()).isEqualTo(35.0);
        // Nadir 30 mm at the first follow-up: +16.7 % from it, -56.25 % from baseline.
        assertThat(mrecist.response().targetSums().nadirMm()).isEqualTo(30.0);
        assertThat(mrecist.response().targetSums().pctChangeFromBaseline()).isEqualTo(-56.25);
        assertThat(mrecist.response().targetSums().absChangeFromNadirMm()).isEqualTo(5.0);
        CriterionResult recist = t.criteria().get(Criteria.RECIST_1_1);
        assertThat(recist.response().overall()).isEqualTo(Response.SD);
        assertThat(recist.runningSumMm()).isEqualByComparingTo("91");
        assertThat(recist.problems()).isEmpty();
    }

    @Test
    void runningSumsWhileTheTargetsAreBeingEntered() {
        HccCase c = new HccCase();
        c.imaging3m.clear("target_ld_mm").row("target_measurements", 1, "target_ld_mm", "54");
        LesionTable t = table(c, c.imaging3m);
        CriterionResult recist = t.criteria().get(Criteria.RECIST_1_1);
        assertThat(recist.runningSumMm()).isEqualByComparingTo("54");
        assertThat(recist.measured()).isEqualTo(1);
        assertThat(recist.targets()).isEqualTo(2);
        assertThat(recist.computed()).isFalse();
        assertThat(recist.problems()).anyMatch(p -> p.contains("T02"));
        // mRECIST counts the viable diameters, which are both there.
        assertThat(t.criteria().get(Criteria.MRECIST).response().overall()).isEqualTo(Response.PR);
    }

    @Test
    void aNewAssessmentListsTheLesionsThatStillNeedARowAndTheLatestAsPrevious() {
        HccCase c = new HccCase();
        VisitInstance later = c.b.visit("fu_q4_6w", 2, "2024-07-01");
        FormBuilder fresh = c.b.form(later, "imaging_assessment").set("assessment_date", "2024-07-01");
        LesionTable t = table(c, fresh);
        assertThat(t.withoutFormRow()).extracting(LesionRow::lesionId).containsExactly("T01", "T02", "NT01");
        assertThat(t.withoutFormRow().get(2).group()).isEqualTo("non_targets");
        assertThat(t.previous().date()).isEqualTo(LocalDate.of(2024, 5, 20));
        assertThat(t.rows().get(0).previous().longestMm()).isEqualByComparingTo("54");
        assertThat(t.criteria().get(Criteria.MRECIST).runningSumMm()).isNull();
        assertThat(t.criteria().get(Criteria.MRECIST).computed()).isFalse();
    }

    @Test
    void consistencyFindingsSitAtTheirField() {
        HccCase c = new HccCase();
        c.imaging3m.clear("target_viable_mm").row("target_measurements", 1, "target_viable_mm", "58")
                .row("target_measurements", 2, "target_viable_mm", "10")
                .row("target_measurements", 3, "target_lesion_id", "T09", "target_status", "MEASURED", "target_ld_mm", "12");
        LesionTable t = table(c, c.imaging3m);
        assertThat(t.checksAt(new ItemKey("target_measurements", 1, "target_viable_mm")))
                .extracting(v -> v.code()).containsExactly(ViolationCode.VIABLE_EXCEEDS_LONGEST);
        assertThat(t.unmatched()).containsExactly(new ItemKey("target_measurements", 3, "target_lesion_id"));
        assertThat(t.checksAt(new ItemKey("target_measurements", 3, "target_lesion_id")))
                .extracting(v -> v.code()).containsExactly(ViolationCode.UNKNOWN_LESION_ID);
    }

    @Test
    void withoutBaselineImagingTheTableSaysWhy() {
        SubjectBuilder b = SubjectBuilder.of("hcc-deb-sorafenib");
        FormBuilder form = b.form(b.visit("fu_1m", 1, "2024-02-14"), "imaging_assessment").set("assessment_date", "2024-02-14");
        LesionTable t = LesionTable.of(b.study(), b.build(), form.instance());
        assertThat(t.rows()).isEmpty();
        assertThat(t.baselineProblems()).containsExactly("Baseline imaging is not recorded.");
        assertThat(t.criteria().get(Criteria.RECIST_1_1).problems()).containsExactly("Baseline imaging is not recorded.");
    }
}
