package org.tacecrf.domain.study;

import java.util.Objects;

/**
 * How a {@link ItemType#CALCULATED} item gets its value: either a built-in derivation (with an
 * optional argument, e.g. which lab item a change-from-pre-procedure refers to) or an expression in
 * the edit-check language. Exactly one of {@code derivation} and {@code expression} is set.
 *
 * @param derivation built-in derivation, or null
 * @param argument   the derivation's argument (an item id or a code), or null
 * @param expression expression in the edit-check language, or null
 * @param resultType storage type of the computed value
 */
public record Calculation(DerivationKind derivation, String argument, Expression expression, DataType resultType) {

    public Calculation {
        if ((derivation == null) == (expression == null)) {
            throw new IllegalArgumentException("a calculation has either a derivation or an expression");
        }
        Objects.requireNonNull(resultType, "resultType");
    }

    public static Calculation derived(DerivationKind kind, String argument) {
        return new Calculation(kind, argument, null, kind.resultType());
    }

    public static Calculation expression(Expression expression, DataType resultType) {
        return new Calculation(null, null, expression, resultType);
    }

    public boolean isDerivation() {
        return derivation != null;
    }
}
