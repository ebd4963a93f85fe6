package org.tacecrf.domain.response;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DoubleReadingTest {

    @ParameterizedTest(name = "{0} / {1} / adjudicator {2} -> {3} ({4})")
    @CsvSource(nullValues = "null", value = {
            "PR,   PR,   null, PR,   AGREED",
            "PR,   PR,   SD,   PR,   AGREED",
            "PR,   SD,   null, null, ADJUDICATION_NEEDED",
            "PR,   SD,   SD,   SD,   ADJUDICATED",
            "CR,   PR,   PR,   PR,   ADJUDICATED",
            "PR,   null, null, null, AWAITING_READERS",
            "null, null, null, null, AWAITING_READERS"})
    void resolves(Response r1, Response r2, Response adjudicator, Response analysed, DoubleReading.Status status) {
        DoubleReading.Outcome o = DoubleReading.resolve(r1, r2, adjudicator);
        assertThat(o.analysed()).isEqualTo(analysed);
        assertThat(o.status()).isEqualTo(status);
        assertThat(o.adjudicationNeeded()).isEqualTo(status == DoubleReading.Status.ADJUDICATION_NEEDED);
    }
}
