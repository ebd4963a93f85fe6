package org.tacecrf.domain.casebook.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.derive.LabSuggestions.Suggestion;
import org.tacecrf.domain.clinical.ReferenceRanges;
import org.tacecrf.domain.ctcae.CtcaeV5;

class LabSuggestionsTest {

    private static List<Suggestion> grade(HccCase c, SubjectBuilder.FormBuilder postLabs) {
        return LabSuggestions.of(c.b.study(), c.data(), postLabs.instance(), ReferenceRanges.defaults());
    }

    private static Suggestion of(List<Suggestion> list, String item) {
        return list.stream().filter(s -> s.itemId().equals(item)).findFirst().orElseThrow();
    }

    @Test
    void gradesEachEnteredAnalyteAgainstTheBaselineBeforeTheFirstTace() {
        HccCase c = new HccCase();
        List<Suggestion> list = grade(c, c.post1);
        assertThat(list).extracting(Suggestion::itemId).containsExactly("alt", "ast", "total_bilirubin", "albumin");
        // ALT 120 U/L, ULN 50 (male), baseline 40 normal: 2.4 x ULN.
        Suggestion alt = of(list, "alt");
        assertThat(alt.term()).isEqualTo(CtcaeV5.ALT_INCREASED);
        assertThat(alt.grade()).isEqualTo(1);
        assertThat(alt.proposed()).isTrue();
        assertThat(alt.baseline().value()).isEqualByComparingTo("40");
        assertThat(alt.baselineDate()).isEqualTo(LocalDate.of(2024, 1, 10));
        assertThat(alt.sampled()).isEqualTo(LocalDate.of(2024, 1, 17));
        assertThat(alt.sessionNumber()).isEqualTo(1);
        // AST baseline 45 is above its ULN of 40: graded on multiples of baseline, 130/45 = 2.9.
        Suggestion ast = of(list, "ast");
        assertThat(ast.grade()).isEqualTo(1);
        assertThat(ast.rule()).contains("baseline abnormal");
        // Bilirubin 25 under the ULN of 26.
        assertThat(of(list, "total_bilirubin").grade()).isZero();
        assertThat(of(list, "total_bilirubin").proposed()).isFalse();
        // Albumin 36 below the LLN of 40, baseline 40 not.
        assertThat(of(list, "albumin").grade()).isEqualTo(1);
        assertThat(of(list, "albumin").baselineGrade()).isZero();
        assertThat(of(list, "albumin").proposed()).isTrue();
    }

    @Test
    void laterSessionsKeepTheBaselineOfBeforeTheFirstTace() {
        HccCase c = new HccCase();
        // The labs a month later (ALT 50) are not the baseline of the second session's labs.
        Suggestion alt = of(grade(c, c.post2), "alt");
        assertThat(alt.baseline().value()).isEqualByComparingTo("40");
        assertThat(alt.sessionNumber()).isEqualTo(2);
        assertThat(alt.grade()).isEqualTo(1);
    }

    @Test
    void aCytopeniaPresentAtBaselineIsProposedOnlyWhenWorse() {
        HccCase c = new HccCase();
        c.baseline.set("platelets", "70");
        c.post1.set("platelets", "60");
        Suggestion same = of(grade(c, c.post1), "platelets");
        assertThat(same.grade()).isEqualTo(2);
        assertThat(same.baselineGrade()).isEqualTo(2);
        assertThat(same.proposed()).isFalse();
        c.post1.set("platelets", "45");
        Suggestion worse = of(grade(c, c.post1), "platelets");
        assertThat(worse.grade()).isEqualTo(3);
        assertThat(worse.proposed()).isTrue();
    }

    @Test
    void whileNoProcedureIsDatedTheBaselineIsTheLastValueBeforeTheseLabs() {
        HccCase c = new HccCase();
        c.tace1.clear("procedure_date");
        c.tace2.clear("procedure_date");
        Suggestion alt = of(grade(c, c.post1), "alt");
        assertThat(alt.baseline().value()).isEqualByComparingTo("40");
        assertThat(alt.sessionNumber()).isNull();
        assertThat(alt.grade()).isEqualTo(1);
    }

    @Test
    void withoutSexTheSexSpecificRangesAreNotGuessed() {
        HccCase c = new HccCase();
        c.baseline.clear("sex");
        List<Suggestion> list = grade(c, c.post1);
        assertThat(of(list, "alt").grade()).isNull();
        assertThat(of(list, "alt").problems()).singleElement().asString().contains("depends on sex");
        assertThat(of(list, "albumin").grade()).isEqualTo(1);
    }

    @Test
    void withoutABaselineTheBaselineDependentTermsAreNotGraded() {
        HccCase c = new HccCase();
        c.baseline.clear("alt");
        Suggestion alt = of(grade(c, c.post1), "alt");
        assertThat(alt.grade()).isNull();
        assertThat(alt.proposed()).isFalse();
        assertThat(alt.problems()).singleElement().asString().contains("Baseline");
    }
}
