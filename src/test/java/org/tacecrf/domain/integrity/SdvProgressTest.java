package org.tacecrf.domain.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SdvProgressTest {

    @Test
    void percentRoundsDownSoOnlyEverythingIsAHundred() {
        assertThat(new SdvProgress(199, 200).percent()).isEqualTo(99);
        assertThat(new SdvProgress(200, 200).percent()).isEqualTo(100);
        assertThat(new SdvProgress(1, 3).percent()).isEqualTo(33);
        assertThat(SdvProgress.NONE.percent()).isZero();
    }

    @Test
    void completeOnlyWithSomethingToVerify() {
        assertThat(new SdvProgress(5, 5).complete()).isTrue();
        assertThat(new SdvProgress(4, 5).complete()).isFalse();
        assertThat(SdvProgress.NONE.complete()).isFalse();
    }

    @Test
    void progressesAddUpAndCannotExceedTheTotal() {
        assertThat(new SdvProgress(1, 4).plus(new SdvProgress(2, 2))).isEqualTo(new SdvProgress(3, 6));
        assertThatThrownBy(() -> new SdvProgress(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
