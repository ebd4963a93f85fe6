package org.tacecrf.domain.qol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tacecrf.domain.clinical.Derivation;
import org.tacecrf.domain.clinical.InputProblem;

class QlqC30Test {

    private static Integer[] all(int items1to28, int items29and30) {
        Integer[] r = new Integer[30];
        Arrays.fill(r, 0, 28, items1to28);
        r[28] = items29and30;
        r[29] = items29and30;
        return r;
    }

    private static Derivation<ScaleScore> scale(Integer[] items, QlqC30Scale scale) {
        return QlqC30.scoreScale(QlqC30Responses.of(items), scale);
    }

    @Test
    void scalesCoverEveryItemExactlyOnce() {
        Set<Integer> seen = new HashSet<>();
        for (QlqC30Scale s : QlqC30Scale.values()) {
            for (int item : s.items()) {
                assertThat(seen.add(item)).as("item %d", item).isTrue();
            }
        }
        assertThat(seen).hasSize(30);
        assertThat(QlqC30Scale.values()).hasSize(15);
    }

    @Test
    void workedExamplePhysicalFunctioning() {
        Integer[] r = all(1, 7);
        r[1] = 2; // items 1-5 = 1, 2, 1, 1, 1
        ScaleScore pf = scale(r, QlqC30Scale.PHYSICAL_FUNCTIONING).get();
        assertThat(pf.rawScore()).isCloseTo(1.2, offset(1e-12));
        assertThat(pf.score()).isCloseTo(93.3333333333, offset(1e-9));
        assertThat(pf.display()).isEqualByComparingTo("93.3");
        assertThat(pf.itemsAnswered()).isEqualTo(5);
    }

    @Test
    void workedExampleFatigue() {
        Integer[] r = all(1, 7);
        r[9] = 2;  // item 10
        r[11] = 3; // item 12
        r[17] = 2; // item 18
        ScaleScore fa = scale(r, QlqC30Scale.FATIGUE).get();
        assertThat(fa.score()).isCloseTo(44.4444444444, offset(1e-9));
        assertThat(fa.display()).isEqualByComparingTo("44.4");
    }

    @Test
    void workedExampleGlobalHealthStatus() {
        Integer[] r = all(1, 1);
        r[28] = 5;
        r[29] = 6;
        Derivation<ScaleScore> ql = scale(r, QlqC30Scale.GLOBAL_HEALTH_STATUS);
        assertThat(ql.get().score()).isEqualTo(75.0);
        assertThat(ql.get().display()).isEqualByComparingTo("75.0");
        assertThat(ql.algorithm()).isEqualTo(QlqC30.ALGORITHM);
    }

    @Test
    void emotionalFunctioningWithTwoOfFourItemsIsScored() {
        Integer[] r = all(1, 7);
        r[20] = 2;    // item 21
        r[21] = 3;    // item 22
        r[22] = null; // item 23
        r[23] = null; // item 24
        ScaleScore ef = scale(r, QlqC30Scale.EMOTIONAL_FUNCTIONING).get();
        assertThat(ef.rawScore()).isEqualTo(2.5);
        assertThat(ef.score()).isEqualTo(50.0);
        assertThat(ef.itemsAnswered()).isEqualTo(2);
    }

    @Test
    void emotionalFunctioningWithThreeOfFourMissingIsNotScored() {
        Integer[] r = all(1, 7);
        r[21] = null;
        r[22] = null;
        r[23] = null;
        Derivation<ScaleScore> ef = scale(r, QlqC30Scale.EMOTIONAL_FUNCTIONING);
        assertThat(ef.isComputed()).isFalse();
        assertThat(ef.missingInputs()).containsExactly("item22", "item23", "item24");
        assertThat(ef.reason()).contains("needs at least 2 of its 4 items (21, 22, 23, 24); 1 answered");
    }

    @Test
    void physicalFunctioningNeedsThreeOfFive() {
        Integer[] three = all(2, 7);
        three[3] = null;
        three[4] = null;
        ScaleScore pf = scale(three, QlqC30Scale.PHYSICAL_FUNCTIONING).get();
        assertThat(pf.itemsAnswered()).isEqualTo(3);
        assertThat(pf.score()).isCloseTo(66.6666666667, offset(1e-9));

        Integer[] two = three.clone();
        two[2] = null;
        assertThat(scale(two, QlqC30Scale.PHYSICAL_FUNCTIONING).isComputed()).isFalse();
    }

    @Test
    void fatigueNeedsTwoOfThreeAndTwoItemScalesNeedOne() {
        Integer[] r = all(3, 7);
        r[9] = null;  // item 10
        assertThat(scale(r, QlqC30Scale.FATIGUE).isComputed()).isTrue();
        r[11] = null; // item 12
        assertThat(scale(r, QlqC30Scale.FATIGUE).isComputed()).isFalse();

        Integer[] q = all(1, 4);
        q[29] = null;
        assertThat(scale(q, QlqC30Scale.GLOBAL_HEALTH_STATUS).get().score()).isEqualTo(50.0);
        q[28] = null;
        assertThat(scale(q, QlqC30Scale.GLOBAL_HEALTH_STATUS).isComputed()).isFalse();
    }

    @Test
    void missingSingleItemHasNoScore() {
        Integer[] r = all(2, 7);
        r[7] = null; // item 8, dyspnoea
        Derivation<ScaleScore> dy = scale(r, QlqC30Scale.DYSPNOEA);
        assertThat(dy.isComputed()).isFalse();
        assertThat(dy.missingInputs()).containsExactly("item8");
        assertThat(dy.reason()).isEqualTo("Dyspnoea (item 8) is not answered.");
        assertThat(scale(r, QlqC30Scale.INSOMNIA).get().score()).isCloseTo(33.3333333333, offset(1e-9));
    }

    @Test
    void outOfRangeResponsesAreRejectedNotTreatedAsMissing() {
        Integer[] r = all(1, 7);
        r[2] = 5;  // item 3 only goes to 4
        r[28] = 8; // item 29 only goes to 7
        QlqC30Responses responses = QlqC30Responses.of(r);
        assertThat(responses.validate()).extracting(InputProblem::input).containsExactly("item3", "item29");
        assertThat(responses.validate().get(0).message()).isEqualTo("Item 3 has the value 5; only 1-4 is allowed.");

        Derivation<ScaleScore> pf = QlqC30.scoreScale(responses, QlqC30Scale.PHYSICAL_FUNCTIONING);
        assertThat(pf.isComputed()).isFalse();
        assertThat(pf.problems()).extracting(InputProblem::kind).containsExactly(InputProblem.Kind.INVALID);
        assertThat(QlqC30.scoreScale(responses, QlqC30Scale.GLOBAL_HEALTH_STATUS).isComputed()).isFalse();
        assertThat(QlqC30.scoreScale(responses, QlqC30Scale.ROLE_FUNCTIONING).isComputed()).isTrue();

        Integer[] zero = all(1, 7);
        zero[0] = 0;
        assertThat(QlqC30Responses.of(zero).validate()).hasSize(1);
        Integer[] seven = all(1, 7);
        assertThat(QlqC30Responses.of(seven).validate()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(QlqC30Scale.class)
    void bestAnswersGiveBestScores(QlqC30Scale s) {
        double score = scale(all(1, 7), s).get().score();
        double expected = s.type() == QlqC30Scale.Type.FUNCTIONAL || s.type() == QlqC30Scale.Type.GLOBAL_HEALTH_STATUS
                ? 100 : 0;
        assertThat(score).isEqualTo(expected);
    }

    @Test
    void summaryScoreOnlyWhenRequested() {
        QlqC30Scores without = QlqC30.score(QlqC30Responses.of(all(1, 7)), false);
        assertThat(without.summary()).isEmpty();
        assertThat(without.scales()).hasSize(15);

        QlqC30Scores best = QlqC30.score(QlqC30Responses.of(all(1, 7)), true);
        assertThat(best.summary().orElseThrow().get().score()).isEqualTo(100.0);
        assertThat(best.summary().orElseThrow().algorithm()).isEqualTo(QlqC30.SUMMARY_ALGORITHM);
    }

    @Test
    void summaryReversesSymptomScalesAndExcludesGlobalHealthAndFinances() {
        Integer[] r = all(2, 4);
        r[27] = 4; // financial difficulties, excluded
        QlqC30Scores s = QlqC30.score(QlqC30Responses.of(r), true);
        // every functional scale 66.7, every symptom scale 33.3 -> reversed 66.7
        assertThat(s.summary().orElseThrow().get().score()).isCloseTo(66.6666666667, offset(1e-9));
        assertThat(s.summary().orElseThrow().get().display()).isEqualByComparingTo("66.7");
        assertThat(s.scale(QlqC30Scale.GLOBAL_HEALTH_STATUS).get().score()).isEqualTo(50.0);
        assertThat(s.scale(QlqC30Scale.FINANCIAL_DIFFICULTIES).get().score()).isEqualTo(100.0);
    }

    @Test
    void summaryNeedsAllThirteenScales() {
        Integer[] r = all(2, 4);
        r[16] = null; // diarrhoea
        Derivation<SummaryScore> summary = QlqC30.score(QlqC30Responses.of(r), true).summary().orElseThrow();
        assertThat(summary.isComputed()).isFalse();
        assertThat(summary.missingInputs()).containsExactly("DI");

        Integer[] fiMissing = all(2, 4);
        fiMissing[27] = null;
        assertThat(QlqC30.score(QlqC30Responses.of(fiMissing), true).summary().orElseThrow().isComputed()).isTrue();
    }

    @Test
    void responsesNeedThirtyItemsAndValidItemNumbers() {
        assertThatThrownBy(() -> QlqC30Responses.of(1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        Map<Integer, Integer> byItem = new HashMap<>();
        byItem.put(29, 6);
        QlqC30Responses sparse = QlqC30Responses.of(byItem);
        assertThat(sparse.item(29)).isEqualTo(6);
        assertThat(sparse.item(1)).isNull();
        assertThatThrownBy(() -> sparse.item(31)).isInstanceOf(IllegalArgumentException.class);
        byItem.put(0, 1);
        assertThatThrownBy(() -> QlqC30Responses.of(byItem)).isInstanceOf(IllegalArgumentException.class);
    }
}
