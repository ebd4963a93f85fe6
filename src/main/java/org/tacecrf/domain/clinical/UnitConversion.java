package org.tacecrf.domain.clinical;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Factor between an entered unit and an analyte's canonical unit:
 * {@code canonical = entered × multiplyBy ÷ divideBy}. Keeping the published form of the factor
 * (e.g. glucose "÷ 18.016" rather than "× 0.05551") keeps conversions reproducible by hand.
 *
 * @param unit       the entered unit
 * @param multiplyBy numerator of the factor
 * @param divideBy   denominator of the factor
 * @param basis      where the factor comes from (molar mass, unit definition, standard)
 */
public record UnitConversion(LabUnit unit, BigDecimal multiplyBy, BigDecimal divideBy, String basis) {

    public UnitConversion {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(basis, "basis");
        if (multiplyBy.signum() <= 0 || divideBy.signum() <= 0) {
            throw new IllegalArgumentException("Conversion factors must be positive");
        }
    }

    static UnitConversion identity(LabUnit unit) {
        return new UnitConversion(unit, BigDecimal.ONE, BigDecimal.ONE, "canonical unit");
    }

    static UnitConversion times(LabUnit unit, String factor, String basis) {
        return new UnitConversion(unit, new BigDecimal(factor), BigDecimal.ONE, basis);
    }

    static UnitConversion dividedBy(LabUnit unit, String divisor, String basis) {
        return new UnitConversion(unit, BigDecimal.ONE, new BigDecimal(divisor), basis);
    }

    /** Entered value to canonical unit; exact when the factor is a plain multiplication. */
    public BigDecimal toCanonical(BigDecimal entered) {
        BigDecimal product = entered.multiply(multiplyBy);
        return divideBy.compareTo(BigDecimal.ONE) == 0 ? product : product.divide(divideBy, Decimals.MC);
    }

    /** Canonical value to this unit; exact when the factor is a plain division. */
    public BigDecimal fromCanonical(BigDecimal canonical) {
        BigDecimal product = canonical.multiply(divideBy);
        return multiplyBy.compareTo(BigDecimal.ONE) == 0 ? product : product.divide(multiplyBy, Decimals.MC);
    }

    /** Readable factor, e.g. "× 17.1" or "÷ 18.016". */
    public String describe() {
        if (multiplyBy.compareTo(BigDecimal.ONE) == 0 && divideBy.compareTo(BigDecimal.ONE) == 0) {
            return "× 1";
        }
        return divideBy.compareTo(BigDecimal.ONE) == 0
                ? "× " + multiplyBy.toPlainString()
                : "÷ " + divideBy.toPlainString();
    }
}
