package org.tacecrf.domain.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tacecrf.domain.check.Fixtures.eval;
import static org.tacecrf.domain.check.Fixtures.num;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Operator precedence and associativity, checked by evaluating constant expressions. */
class PrecedenceTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
            "1 + 2 * 3          ; 7",
            "(1 + 2) * 3        ; 9",
            "10 - 4 - 3         ; 3",      // left-associative
            "100 / 10 / 5       ; 2",      // left-associative
            "2 * 3 / 4          ; 1.5",
            "2 ^ 3 ^ 2          ; 512",    // right-associative: 2 ^ 9
            "(2 ^ 3) ^ 2        ; 64",
            "-2 ^ 2             ; -4",     // minus binds looser than ^, as in mathematics
            "(-2) ^ 2           ; 4",
            "2 ^ -1             ; 0.5",
            "2 * 3 ^ 2          ; 18",
            "-3 + 5             ; 2",
            "- - 3              ; 3",
            "10 - -3            ; 13",
            "7 / 2 * 2          ; 7",
            "0.1 + 0.2          ; 0.3",    // exact decimals
            "1 / 3 * 3          ; 0.9999999999999999",
            "pow(1.5, 2)        ; 2.25",
            "4 ^ 0.5            ; 2",
            "70 / (175 / 100) ^ 2 ; 22.85714285714286"})
    void arithmetic(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(num(expected));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = ';', value = {
            "1 + 2 = 3 and 2 < 3              ; true",    // comparison binds tighter than and
            "not 1 > 2                        ; true",    // not applies to the whole comparison
            "true or false and false          ; true",    // and binds tighter than or
            "(true or false) and false        ; false",
            "not true or true                 ; true",    // (not true) or true
            "not (true or true)               ; false",
            "not not true                     ; true",
            "1 < 2 <= 2                       ; true",    // chain: 1 < 2 and 2 <= 2
            "3 > 2 > 2                        ; false",
            "1 <= 3 < 2                       ; false",
            "1 = 1.0                          ; true",
            "1 == 1                           ; true",
            "1 <> 2                           ; true",
            "1 != 1                           ; false",
            "2 + 3 in (5, 6)                  ; true",    // in binds looser than +
            "'B' not in ('A', 'C')            ; true",
            "not 'B' in ('A', 'B')            ; false",
            "1 + 1 = 2 or 1 / 0 > 1           ; true",
            "if(1 > 2, 1, 2) * 10 = 20        ; true",
            "-1 < 0 and -(1 - 2) = 1          ; true"})
    void logicAndComparison(String expression, boolean expected) {
        assertThat(eval(expression)).isEqualTo(Value.bool(expected));
    }

    @ParameterizedTest(name = "{0} is empty")
    @CsvSource(delimiter = ';', value = {"7 / 0", "0 ^ -1", "(-8) ^ (1 / 3)", "sqrt(-1)", "log10(0)"})
    void resultsThatAreNotRealNumbersAreEmpty(String expression) {
        assertThat(eval(expression).isNull()).isTrue();
    }
}
