package org.tacecrf.domain.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SubjectNumberPatternTest {

    @ParameterizedTest
    @CsvSource({
            "'{site}-{seq:3}', 1, ZJU-001",
            "'{site}-{seq:3}', 88, ZJU-088",
            "'{site}-{seq:3}', 1234, ZJU-1234",
            "'{study}/{site}/{seq}', 7, icc/ZJU/7",
            "'LE-{seq:2}', 5, LE-05"})
    void formatsRunningNumbers(String pattern, int sequence, String expected) {
        assertThat(SubjectNumberPattern.parse(pattern).format("icc", "ZJU", sequence)).isEqualTo(expected);
    }

    @Test
    void recognisesItsOwnNumbers() {
        SubjectNumberPattern p = SubjectNumberPattern.parse("{site}-{seq:3}");
        assertThat(p.matches("ZJU-001", "icc", "ZJU")).isTrue();
        assertThat(p.matches("ZJU-1234", "icc", "ZJU")).isTrue();
        assertThat(p.matches("ZJU-01", "icc", "ZJU")).isFalse();
        assertThat(p.matches("LYCH-001", "icc", "ZJU")).isFalse();
        assertThat(SubjectNumberPattern.parse("{seq}").matches("012", "icc", "ZJU")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{site}-X | exactly one {seq}",
            "{seq}-{seq} | exactly one {seq}",
            "{site}-{seq:0} | number of digits must be 1 to 9",
            "{site}-{nr} | unknown token {nr}",
            "{site}-{seq | unclosed '{'",
            "{site} {seq} | character ' ' is not allowed"})
    void rejectsInvalidPatternsWithAReason(String pattern, String reason) {
        assertThatThrownBy(() -> SubjectNumberPattern.parse(pattern))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }

    @Test
    void sequenceStartsAtOne() {
        assertThatThrownBy(() -> SubjectNumberPattern.parse("{seq:3}").format("s", "S", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
