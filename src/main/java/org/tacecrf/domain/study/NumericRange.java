package org.tacecrf.domain.study;

import java.math.BigDecimal;

/**
 * An inclusive numeric interval; either bound may be open (null). Used for hard ranges (values
 * outside are refused) and soft ranges (values outside are accepted with a warning).
 *
 * @param min lowest allowed value, or null for no lower bound
 * @param max highest allowed value, or null for no upper bound
 */
public record NumericRange(BigDecimal min, BigDecimal max) {

    /** No bound at all. */
    public static final NumericRange UNBOUNDED = new NumericRange(null, null);

    public NumericRange {
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min " + min + " is greater than max " + max);
        }
    }

    public static NumericRange of(double min, double max) {
        return new NumericRange(BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    }

    public boolean isUnbounded() {
        return min == null && max == null;
    }

    public boolean contains(BigDecimal value) {
        return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
    }

    /** Whether every value in this range is also in {@code outer}. */
    public boolean within(NumericRange outer) {
        boolean lowOk = outer.min == null || (min != null && min.compareTo(outer.min) >= 0);
        boolean highOk = outer.max == null || (max != null && max.compareTo(outer.max) <= 0);
        return lowOk && highOk;
    }

    /** The part of this range that lies inside {@code outer}; null when they do not overlap. */
    public NumericRange intersect(NumericRange outer) {
        BigDecimal lo = min == null ? outer.min : outer.min == null ? min : min.max(outer.min);
        BigDecimal hi = max == null ? outer.max : outer.max == null ? max : max.min(outer.max);
        if (lo != null && hi != null && lo.compareTo(hi) > 0) {
            return null;
        }
        return new NumericRange(lo, hi);
    }

    /** Ranges are equal when their bounds are numerically equal (20 equals 20.0). */
    @Override
    public boolean equals(Object o) {
        return o instanceof NumericRange r && same(min, r.min) && same(max, r.max);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(min == null ? null : min.stripTrailingZeros(),
                max == null ? null : max.stripTrailingZeros());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @Override
    public String toString() {
        return "[" + (min == null ? "-" : min.toPlainString()) + ", " + (max == null ? "-" : max.toPlainString()) + "]";
    }
}
