package org.tacecrf.domain.response;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rows of the overall-response tables (clinical rules 1.8). */
class OverallResponseTableTest {

    @ParameterizedTest(name = "target {0}, non-target {1}, new {2} -> {3}")
    @CsvSource({
            "CR, CR,            false, CR",
            "CR, NA,            false, CR",
            "CR, NON_CR_NON_PD, false, PR",
            "CR, NE,            false, PR",
            "PR, NON_CR_NON_PD, false, PR",
            "PR, NE,            false, PR",
            "PR, CR,            false, PR",
            "SD, NON_CR_NON_PD, false, SD",
            "SD, NE,            false, SD",
            "NE, NON_CR_NON_PD, false, NE",
            "NE, CR,            false, NE",
            "PD, CR,            false, PD",
            "SD, PD,            false, PD",
            "CR, CR,            true,  PD",
            "NE, NE,            true,  PD",
            "NA, CR,            false, CR",
            "NA, NON_CR_NON_PD, false, NON_CR_NON_PD",
            "NA, NE,            false, NE",
            "NA, PD,            false, PD",
            "NA, CR,            true,  PD",
            "NA, NA,            false, NE"})
    void table(Response target, Response nonTarget, boolean newLesion, Response expected) {
        assertThat(OverallResponseTable.overall(target, nonTarget, newLesion)).isEqualTo(expected);
    }
}
