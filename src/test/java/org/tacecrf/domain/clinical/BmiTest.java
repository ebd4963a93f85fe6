package org.tacecrf.domain.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class BmiTest {

    @Test
    void bmiFromKilogramsAndCentimetres() {
        Derivation<BigDecimal> d = Bmi.calculate(70, 175);
        assertThat(d.get()).isEqualByComparingTo("22.86");
        assertThat(d.algorithm()).isEqualTo(Bmi.ALGORITHM);
        assertThat(Bmi.calculate(new BigDecimal("62.5"), 160.0).get()).isEqualByComparingTo("24.41");
    }

    @Test
    void bmiNeedsBothValuesInPlausibleUnits() {
        assertThat(Bmi.calculate(null, 175).missingInputs()).containsExactly("weightKg");
        Derivation<BigDecimal> metres = Bmi.calculate(70, 1.75);
        assertThat(metres.isComputed()).isFalse();
        assertThat(metres.problems().get(0).input()).isEqualTo("heightCm");
        assertThat(metres.problems().get(0).kind()).isEqualTo(InputProblem.Kind.INVALID);
    }
}
