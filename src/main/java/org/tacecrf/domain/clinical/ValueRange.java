package org.tacecrf.domain.clinical;

import java.math.BigDecimal;

/**
 * Closed interval {@code [low, high]}; a null bound means unbounded on that side.
 *
 * @param low  lowest accepted value (inclusive), or null
 * @param high highest accepted value (inclusive), or null
 */
public record ValueRange(BigDecimal low, BigDecimal high) {

    public ValueRange {
        if (low != null && high != null && low.compareTo(high) > 0) {
            throw new IllegalArgumentException("Range low " + low + " is above high " + high);
        }
    }

    public static ValueRange of(String low, String high) {
        return new ValueRange(low == null ? null : new BigDecimal(low), high == null ? null : new BigDecimal(high));
    }

    public boolean contains(BigDecimal value) {
        return (low == null || value.compareTo(low) >= 0) && (high == null || value.compareTo(high) <= 0);
    }

    /** E.g. "0-1000", "≥ 5", "≤ 40". */
    public String describe() {
        if (low == null && high == null) {
            return "any value";
        }
        if (low == null) {
            return "≤ " + high.toPlainString();
        }
        if (high == null) {
            return "≥ " + low.toPlainString();
        }
        return low.toPlainString() + "-" + high.toPlainString();
    }
}
