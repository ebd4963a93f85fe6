package org.tacecrf.domain.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.StudyDefinitionLoader;

/** Entering, storing and showing date-time values. */
class DateTimeValueTest {

    private static final ItemDef AWARE = StudyDefinitionLoader.builtIn().library().form("adverse_event").orElseThrow()
            .item("datetime_aware").orElseThrow();
    private static final LocalDateTime NOW = LocalDateTime.of(2024, 3, 5, 16, 0);
    private static final LocalDateTime EXPECTED = LocalDateTime.of(2024, 3, 5, 14, 30);

    private static ParsedValue parse(String text) {
        return new ItemValueParser(NOW).parse(AWARE, null, text, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-05T14:30", "2024-03-05 14:30", "2024-03-05T14:30:00", "2024-03-05 14:30:59.5",
            "2024/3/5 14:30", "2024.03.05 14:30", "05.03.2024 14:30", "2024年3月5日 14时30分", "2024年3月5日14:30", " 2024-03-05  14:30 "})
    void acceptedFormsGiveTheSameMinute(String text) {
        ParsedValue parsed = parse(text);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.dateTime()).isEqualTo(EXPECTED);
        assertThat(parsed.date()).isNull();
        assertThat(parsed.display()).isEqualTo("2024-03-05T14:30");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-05", "14:30", "2024-03-05T25:00", "2024-02-30 10:00", "2024-03-05T14:30+08:00", "1899-12-31 10:00"})
    void incompleteOrImpossibleValuesAreRefused(String text) {
        assertThat(parse(text).firstError()).map(ValueProblem::messageKey).contains("value.error.dateTime");
    }

    @Test
    void slashesDayOrMonthFirstAreAmbiguous() {
        assertThat(parse("03/05/2024 14:30").firstError()).map(ValueProblem::messageKey).contains("value.error.ambiguousDate");
    }

    @Test
    void aMomentLaterThanNowIsRefusedToTheMinute() {
        assertThat(parse("2024-03-05 16:00").hasError()).isFalse();
        ParsedValue future = parse("2024-03-05 16:01");
        assertThat(future.firstError()).map(ValueProblem::messageKey).contains("value.error.futureDateTime");
        assertThat(future.firstError().orElseThrow().englishText()).isEqualTo("2024-03-05T16:01 is later than now.");
        // Given only today's date, any time of today is accepted.
        assertThat(new ItemValueParser(LocalDate.of(2024, 3, 5)).parse(AWARE, null, "2024-03-05 23:59", null).hasError()).isFalse();
    }

    @Test
    void storedValueKeepsTheMinuteAndItsDay() {
        StoredValue value = StoredValue.of(parse("2024-03-05 14:30"));
        assertThat(value.dateTime()).isEqualTo(EXPECTED);
        assertThat(value.day()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(value.isEmpty()).isFalse();
        assertThat(value.display()).isEqualTo("2024-03-05T14:30");
        assertThat(value.sameAs(StoredValue.dateTime(EXPECTED))).isTrue();
        assertThat(value.sameAs(StoredValue.dateTime(EXPECTED.plusMinutes(1)))).isFalse();
        assertThat(value.sameAs(StoredValue.date(EXPECTED.toLocalDate()))).isFalse();
        assertThat(StoredValue.date(EXPECTED.toLocalDate()).day()).isEqualTo(EXPECTED.toLocalDate());
    }
}
