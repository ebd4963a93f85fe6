package org.tacecrf.domain.check;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A decimal number. Trailing zeros are dropped on construction so that 2.50 and 2.5 are the same
 * value; entered precision is not kept here (the casebook keeps the entered text).
 */
public record NumberValue(BigDecimal value) implements Value {

    public NumberValue {
        Objects.requireNonNull(value, "value");
        value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    @Override
    public ValueType type() {
        return ValueType.NUMBER;
    }

    @Override
    public String display() {
        return value.toPlainString();
    }

    @Override
    public String toString() {
        return display();
    }
}
