package org.tacecrf.domain.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.clinical.BodySurfaceArea.Formula;

class BodySurfaceAreaTest {

    @Test
    void mostellerAndDuBois() {
        // sqrt(175 x 70 / 3600) = 1.8447; 0.007184 x 70^0.425 x 175^0.725 = 1.8481
        assertThat(BodySurfaceArea.calculate(70, 175, Formula.MOSTELLER).get()).isEqualByComparingTo("1.84");
        assertThat(BodySurfaceArea.calculate(70, 175, Formula.DU_BOIS).get()).isEqualByComparingTo("1.85");
        assertThat(BodySurfaceArea.calculate(70, 175, Formula.DU_BOIS).algorithm().name()).contains("Du Bois");
    }

    @Test
    void missingOrImplausibleInputsGiveNoArea() {
        assertThat(BodySurfaceArea.calculate(70, null, Formula.MOSTELLER).missingInputs()).containsExactly("heightCm");
        assertThat(BodySurfaceArea.calculate(700, 175, Formula.MOSTELLER).problems().get(0).input())
                .isEqualTo("weightKg");
    }
}
