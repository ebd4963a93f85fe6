package org.tacecrf.domain.check;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Shortcuts shared by the tests of the edit-check language. */
final class Fixtures {

    static final ValueResolver NOTHING = MapValueResolver.builder().build();

    private Fixtures() {
    }

    static Value eval(String expression) {
        return Expression.parse(expression).evaluate(NOTHING);
    }

    static Value eval(String expression, ValueResolver resolver) {
        return Expression.parse(expression).evaluate(resolver);
    }

    static ParseException parseError(String expression) {
        return catchThrowableOfType(ParseException.class, () -> Expression.parse(expression));
    }

    static EvaluationException evaluationError(String expression, ValueResolver resolver) {
        return catchThrowableOfType(EvaluationException.class, () -> Expression.parse(expression).evaluate(resolver));
    }

    static Value num(String decimal) {
        return Value.number(decimal);
    }
}
