package org.tacecrf.domain.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.clinical.BodySurfaceArea.Formula;

class BodyMeasuresTest {

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

    @Test
    void bodySurfaceAreaByMostellerAndDuBois() {
        assertThat(BodySurfaceArea.calculate(70, 175, Formula.MOSTELLER).get()).isEqualByComparingTo("1.84");
        assertThat(BodySurfaceArea.calculate(70, 175, Formula.DU_BOIS).get()).isEqualByComparingTo("1.85");
        assertThat(BodySurfaceArea.calculate(70, 175, Formula.DU_BOIS).algorithm().name()).contains("Du Bois");
        assertThat(BodySurfaceArea.calculate(70, null, Formula.MOSTELLER).missingInputs()).containsExactly("heightCm");
    }
}
