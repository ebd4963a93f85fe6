package org.tacecrf.domain.study;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A unit the nurse may enter instead of the item's canonical unit, with its linear conversion:
 * {@code canonical = entered × factor + offset}. Example: bilirubin in mg/dL has factor 17.1 to
 * µmol/L; albumin in g/dL has factor 10 to g/L.
 *
 * @param unit   unit symbol as shown on the form
 * @param factor multiplier to the canonical unit, greater than zero
 * @param offset added after multiplying (zero for all ratio units)
 */
public record AlternativeUnit(String unit, BigDecimal factor, BigDecimal offset) {

    public AlternativeUnit {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(offset, "offset");
        if (factor.signum() <= 0) {
            throw new IllegalArgumentException("factor must be greater than zero: " + factor);
        }
    }

    public BigDecimal toCanonical(BigDecimal entered) {
        return entered.multiply(factor).add(offset);
    }

    public BigDecimal fromCanonical(BigDecimal canonical) {
        return canonical.subtract(offset).divide(factor, MathContext.DECIMAL64);
    }
}
