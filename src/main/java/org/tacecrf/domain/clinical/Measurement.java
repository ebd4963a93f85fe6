package org.tacecrf.domain.clinical;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A value as entered on the form, with the unit it was entered in. Calculators convert it to
 * the analyte's canonical unit themselves, so the caller stores exactly what the site entered.
 *
 * @param value entered value
 * @param unit  unit it was entered in
 */
public record Measurement(BigDecimal value, LabUnit unit) {

    public Measurement {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
    }

    /** From a form value of any numeric type (BigDecimal, Double, Integer ...). */
    public static Measurement of(Number value, LabUnit unit) {
        return new Measurement(Decimals.of(Objects.requireNonNull(value, "value")), unit);
    }

    /** As {@link #of}, but null when the value was left empty. */
    public static Measurement ofNullable(Number value, LabUnit unit) {
        return value == null ? null : of(value, unit);
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + unit.symbol();
    }
}
