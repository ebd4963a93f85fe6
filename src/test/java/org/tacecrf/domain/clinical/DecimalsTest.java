package org.tacecrf.domain.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void keepsTheDecimalValueOfADouble() {
        assertThat(Decimals.of(0.1)).isEqualTo(new BigDecimal("0.1"));
        assertThat(Decimals.of(3.0).compareTo(new BigDecimal("3"))).isZero();
        assertThat(Decimals.of(7)).isEqualTo(BigDecimal.valueOf(7));
        assertThat(Decimals.of(null)).isNull();
    }

    @Test
    void rejectsNonFiniteDoubles() {
        assertThatThrownBy(() -> Decimals.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Decimals.of(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
