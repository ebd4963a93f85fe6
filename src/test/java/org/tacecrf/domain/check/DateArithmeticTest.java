package org.tacecrf.domain.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tacecrf.domain.check.Fixtures.eval;
import static org.tacecrf.domain.check.Fixtures.evaluationError;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateArithmeticTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
            "days(date('2024-03-01'), date('2024-03-29'))      ; 28",
            "days(date('2024-03-29'), date('2024-03-01'))      ; -28",
            "days(date('2024-02-28'), date('2024-03-01'))      ; 2",     // leap year
            "days(date('2023-02-28'), date('2023-03-01'))      ; 1",
            "date('2024-03-29') - date('2024-03-01')          ; 28",
            "months(date('2024-01-31'), date('2024-02-29'))    ; 0",     // not a whole month yet
            "months(date('2024-01-15'), date('2024-03-15'))    ; 2",
            "months(date('2024-03-15'), date('2024-01-16'))    ; -1",
            "age(date('1960-03-01'), date('2024-02-29'))       ; 63",
            "age(date('1960-03-01'), date('2024-03-01'))       ; 64",    // on the birthday
            "age(date('1960-02-29'), date('2023-02-28'))       ; 62",    // born on 29 February
            "year(date('2024-12-31'))                          ; 2024"})
    void numbersFromDates(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(Value.number(expected));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
            "date('2024-02-27') + 3    ; 2024-03-01",
            "3 + date('2024-02-27')    ; 2024-03-01",
            "date('2024-03-01') - 1    ; 2024-02-29",
            "date('2024-03-01') + 0.0  ; 2024-03-01"})
    void datesPlusDays(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(Value.date(expected));
    }

    @Test
    void datesCompareInCalendarOrder() {
        assertThat(eval("date('2024-01-31') < date('2024-02-01') <= date('2024-02-01')")).isEqualTo(Value.bool(true));
        assertThat(eval("date('2024-03-01') = date('2024-03-01')")).isEqualTo(Value.bool(true));
    }

    @Test
    void todayComesFromTheResolver() {
        ValueResolver r = MapValueResolver.builder().today(LocalDate.of(2024, 6, 30))
                .date("scan_date", "2024-06-01").build();
        assertThat(eval("today()", r)).isEqualTo(Value.date("2024-06-30"));
        assertThat(eval("days(scan_date, today()) <= 30 and scan_date <= today()", r)).isEqualTo(Value.bool(true));
    }

    @Test
    void onlyWholeDaysCanBeAdded() {
        EvaluationException e = evaluationError("scan_date + 1.5", MapValueResolver.builder().date("scan_date", "2024-01-01").build());
        assertThat(e.reason()).isEqualTo("only whole days can be added to or taken from a date, not 1.5");
        assertThat(e.column()).isEqualTo(11);
    }

    @Test
    void datesDoNotAddOrMultiply() {
        ValueResolver r = MapValueResolver.builder().date("a", "2024-01-01").date("b", "2024-02-01").build();
        assertThat(evaluationError("a + b > 1", r).reason())
                .isEqualTo("'+' cannot combine a date with a date: use days(from, to) for the days between two dates");
        assertThat(evaluationError("a * 2", r).reason())
                .isEqualTo("'*' cannot combine a date with a number: a date takes only + or - a number of days");
        assertThat(evaluationError("a > 5", r).reason()).isEqualTo("cannot compare a date with a number");
        assertThat(evaluationError("days(a, 5)", r).reason()).isEqualTo("days() needs a date as 'to', not a number");
    }
}
