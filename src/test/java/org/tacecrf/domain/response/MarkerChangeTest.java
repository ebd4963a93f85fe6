package org.tacecrf.domain.response;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkerChangeTest {

    private static final MarkerThresholds DEFAULTS = MarkerThresholds.defaults();

    @ParameterizedTest(name = "{0}: {1} -> {2} is {3}")
    @CsvSource(nullValues = "null", value = {
            "AFP,      100,   50,     RESPONSE",
            "AFP,      100,   50.01,  STABLE",
            "AFP,      100,   200,    PROGRESSION",
            "AFP,      100,   199.99, STABLE",
            "PIVKA_II, 592.7, 296.35, RESPONSE",
            "CEA,      16.07, 32.14,  PROGRESSION",
            "CEA,      16.07, 15.8,   STABLE",
            "CA_125,   0,     35,     UNDEFINED",
            "CA19_9,   null,  35,     UNDEFINED",
            "AFP,      100,   null,   UNDEFINED"})
    void thresholdsAreInclusiveAndExact(TumourMarker marker, Double baseline, Double value, MarkerCategory expected) {
        assertThat(MarkerChange.of(marker, baseline, value, DEFAULTS).category()).isEqualTo(expected);
    }

    @Test
    void exposesPercentChange() {
        MarkerChange c = MarkerChange.of(TumourMarker.AFP, 592.7, 179.0, DEFAULTS);
        assertThat(c.pctChange()).isCloseTo(-69.799, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(MarkerChange.of(TumourMarker.AFP, 0.0, 10.0, DEFAULTS).pctChange()).isNull();
    }

    @Test
    void studyThresholds() {
        MarkerThresholds strict = new MarkerThresholds(80, 50);
        assertThat(MarkerChange.of(TumourMarker.AFP, 100.0, 25.0, strict).category()).isEqualTo(MarkerCategory.STABLE);
        assertThat(MarkerChange.of(TumourMarker.AFP, 100.0, 20.0, strict).category()).isEqualTo(MarkerCategory.RESPONSE);
        assertThat(MarkerChange.of(TumourMarker.AFP, 100.0, 150.0, strict).category()).isEqualTo(MarkerCategory.PROGRESSION);
    }
}
