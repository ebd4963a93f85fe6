package org.tacecrf.domain.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DerivationTest {

    private static final AlgorithmId ALGO = new AlgorithmId("Test score", "1");

    @Test
    void computedValueCarriesItsAlgorithm() {
        Derivation<Integer> d = Derivation.computed(ALGO, 7);
        assertThat(d.isComputed()).isTrue();
        assertThat(d.get()).isEqualTo(7);
        assertThat(d.algorithm().label()).isEqualTo("Test score v1");
        assertThat(d.map(v -> v * 2).get()).isEqualTo(14);
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void notComputableNamesTheMissingInputsAndRefusesToGiveAValue() {
        Derivation<Integer> d = Derivation.notComputable(ALGO, List.of(
                InputProblem.missing("albumin", "Albumin is missing."),
                InputProblem.invalid("inr", "INR 40 is outside the accepted range.")));
        assertThat(d.isComputed()).isFalse();
        assertThat(d.value()).isEmpty();
        assertThat(d.missingInputs()).containsExactly("albumin");
        assertThat(d.reason()).isEqualTo("Albumin is missing. INR 40 is outside the accepted range.");
        assertThat(d.map(v -> v * 2).problems()).hasSize(2);
        assertThatThrownBy(d::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("Albumin is missing.");
        assertThat(d.toString()).contains("not computable");
    }

    @Test
    void notComputableNeedsAReason() {
        assertThatThrownBy(() -> Derivation.notComputable(ALGO, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
