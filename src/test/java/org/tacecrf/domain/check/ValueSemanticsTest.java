package org.tacecrf.domain.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tacecrf.domain.check.Fixtures.eval;
import static org.tacecrf.domain.check.Fixtures.evaluationError;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Equality of values, choice codes against text and numbers, text and booleans. */
class ValueSemanticsTest {

    private final ValueResolver data = MapValueResolver.builder()
            .code("ecog", "1")
            .code("child_pugh_class", "A")
            .item("drug", Value.code("EPI"))
            .item("comment", Value.text("Patient refused"))
            .item("consent_obtained", Value.bool(true))
            .list("qlq", Value.code("2"), Value.code("3"), Value.code("4"), Value.empty())
            .build();

    @Test
    void numbersEqualRegardlessOfTrailingZeros() {
        assertThat(Value.number("2.50")).isEqualTo(Value.number("2.5"));
        assertThat(Value.number("0.000")).isEqualTo(Value.number(0));
        assertThat(Value.number("100").display()).isEqualTo("100");
        assertThat(Value.number(new BigDecimal("1E+2")).display()).isEqualTo("100");
    }

    @Test
    void blankInputIsEmpty() {
        assertThat(Value.text("  ").isNull()).isTrue();
        assertThat(Value.code("").isNull()).isTrue();
        assertThat(Value.number((String) null).isNull()).isTrue();
        assertThat(Value.list(Value.empty(), Value.text(null)).isEmpty()).isTrue();
    }

    @Test
    void listsAreFlat() {
        Value nested = Value.list(Value.number(1), Value.list(Value.number(2), Value.number(3)));
        assertThat(((ListValue) nested).values()).containsExactly(Value.number(1), Value.number(2), Value.number(3));
        assertThatThrownBy(() -> new ListValue(java.util.List.of(nested))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codesCompareWithTextAndNumericCodesWithNumbers() {
        assertThat(eval("child_pugh_class = 'A' and drug in ('EPI', 'DOX')", data)).isEqualTo(Value.bool(true));
        assertThat(eval("ecog <= 1 and ecog = 1 and ecog = '1' and ecog in (0, 1)", data)).isEqualTo(Value.bool(true));
        assertThat(eval("child_pugh_class = 1", data)).isEqualTo(Value.bool(false));
        assertThat(eval("ecog + 1", data)).isEqualTo(Value.number(2));
        assertThat(eval("mean(qlq)", data)).isEqualTo(Value.number(3));
    }

    @Test
    void nonNumericCodesCannotBeOrderedOrComputed() {
        assertThat(evaluationError("child_pugh_class < 2", data).reason())
                .isEqualTo("choice code 'A' is not a number and cannot be ordered");
        assertThat(evaluationError("child_pugh_class * 2", data).reason())
                .isEqualTo("a number is needed here, not choice code 'A'");
    }

    @Test
    void textIsExactAndUnordered() {
        assertThat(eval("comment = 'Patient refused'", data)).isEqualTo(Value.bool(true));
        assertThat(eval("comment = 'patient refused'", data)).isEqualTo(Value.bool(false));
        assertThat(eval("'it''s' = \"it's\"", data)).isEqualTo(Value.bool(true));
        assertThat(evaluationError("comment < 'Q'", data).reason())
                .isEqualTo("'<' cannot order text: only numbers and dates are ordered");
        assertThat(evaluationError("comment + 1", data).reason())
                .isEqualTo("'+' cannot combine text with a number: arithmetic needs numbers");
    }

    @Test
    void booleansCompareForEqualityOnly() {
        assertThat(eval("consent_obtained = true", data)).isEqualTo(Value.bool(true));
        assertThat(evaluationError("consent_obtained > false", data).reason())
                .isEqualTo("'>' cannot order true/false: only numbers and dates are ordered");
    }

    @Test
    void nonConditionsInLogicAreErrors() {
        EvaluationException e = evaluationError("ecog > 0 and drug", data);
        assertThat(e.reason()).isEqualTo("'drug' is a choice code, but a condition (true/false) is needed here");
        assertThat(e.column()).isEqualTo(14);
    }

    @Test
    void roundingIsHalfAwayFromZero() {
        assertThat(eval("round(2.5)")).isEqualTo(Value.number(3));
        assertThat(eval("round(-2.5)")).isEqualTo(Value.number(-3));
        assertThat(eval("round(22.85, 1)")).isEqualTo(Value.number("22.9"));
        assertThat(eval("round(1234, -2)")).isEqualTo(Value.number(1200));
        assertThat(evaluationError("round(1.5, 0.5)", Fixtures.NOTHING).reason())
                .isEqualTo("round() needs a whole number of places between -20 and 20, not 0.5");
    }
}
