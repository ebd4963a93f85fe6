package org.tacecrf.domain.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tacecrf.domain.check.Fixtures.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kleene three-valued logic (T = true, F = false, N = empty) and how empty values flow through
 * arithmetic, comparisons and the edit-check outcome.
 */
class ThreeValuedLogicTest {

    private static Value v(String symbol) {
        return switch (symbol) {
            case "T" -> Value.bool(true);
            case "F" -> Value.bool(false);
            default -> Value.empty();
        };
    }

    private static String symbol(Value value) {
        return value.isNull() ? "N" : ((BooleanValue) value).value() ? "T" : "F";
    }

    private static ValueResolver ab(String a, String b) {
        return MapValueResolver.builder().item("a", v(a)).item("b", v(b)).build();
    }

    @ParameterizedTest(name = "{0} and {1} = {2}; {0} or {1} = {3}")
    @CsvSource({
            "T, T, T, T",
            "T, F, F, T",
            "T, N, N, T",
            "F, T, F, T",
            "F, F, F, F",
            "F, N, F, N",
            "N, T, N, T",
            "N, F, F, N",
            "N, N, N, N"})
    void andOrTruthTables(String a, String b, String and, String or) {
        assertThat(symbol(eval("a and b", ab(a, b)))).isEqualTo(and);
        assertThat(symbol(eval("a or b", ab(a, b)))).isEqualTo(or);
    }

    @ParameterizedTest(name = "not {0} = {1}")
    @CsvSource({"T, F", "F, T", "N, N"})
    void notTruthTable(String a, String not) {
        assertThat(symbol(eval("not a", ab(a, "N")))).isEqualTo(not);
    }

    @Test
    void deciderStopsEvaluation() {
        // b is a number: using it as a condition would be an error, but it is never reached
        ValueResolver r = MapValueResolver.builder().item("a", Value.bool(false)).item("b", Value.number(5)).build();
        assertThat(eval("a and b", r)).isEqualTo(Value.bool(false));
        assertThat(eval("not a or b", r)).isEqualTo(Value.bool(true));
        assertThat(Expression.parse("a and b").check(r).itemValues()).containsOnlyKeys(Reference.of("a"));
    }

    @Test
    void emptyConditionStillLetsTheOtherSideDecide() {
        ValueResolver r = MapValueResolver.builder().item("b", Value.bool(false)).build();
        assertThat(eval("a and b", r)).isEqualTo(Value.bool(false));
    }

    @ParameterizedTest(name = "{0} is empty")
    @CsvSource(delimiter = ';', value = {
            "x + 1", "x * 0", "-x", "x < 1", "x = x", "1 <= x <= 3", "x in (1, 2)", "days(x, date('2024-01-01'))",
            "if(x > 1, 1, 2)", "round(x, 1)", "abs(x)", "year(x)"})
    void emptyPropagates(String expression) {
        assertThat(eval(expression).isNull()).isTrue();
    }

    @Test
    void inWithEmptyCandidateIsEmptyUnlessFound() {
        assertThat(eval("1 in (2, x)").isNull()).isTrue();
        assertThat(eval("1 in (1, x)")).isEqualTo(Value.bool(true));
        assertThat(eval("1 not in (1, x)")).isEqualTo(Value.bool(false));
    }

    @Test
    void isEmptyAndCoalesceTurnEmptyIntoValues() {
        assertThat(eval("isEmpty(x)")).isEqualTo(Value.bool(true));
        assertThat(eval("notEmpty(x)")).isEqualTo(Value.bool(false));
        assertThat(eval("coalesce(x, y, 3) + 1")).isEqualTo(Value.number(4));
        assertThat(eval("isEmpty(x) or x > 1")).isEqualTo(Value.bool(true));
        assertThat(eval("isEmpty(t)", MapValueResolver.builder().item("t", new TextValue("  ")).build()))
                .isEqualTo(Value.bool(true));
    }

    @Test
    void editCheckFiresOnlyWhenFalse() {
        Expression rule = Expression.parse("a and b");
        assertThat(rule.check(ab("T", "T")).status()).isEqualTo(CheckStatus.PASS);
        assertThat(rule.check(ab("T", "F")).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(rule.check(ab("T", "F")).fired()).isTrue();
        assertThat(rule.check(ab("T", "N")).status()).isEqualTo(CheckStatus.NOT_EVALUABLE);
        assertThat(rule.check(ab("T", "N")).fired()).isFalse();
        assertThat(rule.check(ab("N", "F")).status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void nonConditionAsCheckIsAnError() {
        CheckResult result = Expression.parse("1 + 1").check(Fixtures.NOTHING);
        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.error()).get().extracting(EvaluationException::reason)
                .isEqualTo("an edit check must give true or false, but this one gives a number");
    }
}
