package org.tacecrf.domain.response;

import java.math.BigDecimal;

/**
 * A recorded diameter in millimetres.
 * <p>
 * A lesion that is present but too small to measure is recorded as such and counts as
 * {@value #TOO_SMALL_TO_MEASURE_MM} mm (RECIST 1.1; CDISC stores "TOO SMALL TO MEASURE" in
 * {@code TRORRES} and 5 in {@code TRSTRESN}). A lesion that has gone, or has no enhancing tissue
 * left (mRECIST viable diameter), is 0 mm. A value that can actually be measured is recorded as
 * measured, even below 5 mm.
 *
 * @param mm                the value used in sums, in mm
 * @param tooSmallToMeasure true when recorded as "too small to measure"
 */
public record Diameter(double mm, boolean tooSmallToMeasure) {

    /** Default value of a lesion that is present but too small to measure. */
    public static final double TOO_SMALL_TO_MEASURE_MM = 5.0;

    /** A lesion that has disappeared (or viable tumour that is no longer enhancing). */
    public static final Diameter ZERO = new Diameter(0.0, false);

    public Diameter {
        if (tooSmallToMeasure) {
            if (mm != TOO_SMALL_TO_MEASURE_MM) {
                throw new IllegalArgumentException("A lesion too small to measure counts as "
                        + TOO_SMALL_TO_MEASURE_MM + " mm");
            }
        } else if (Double.isNaN(mm) || Double.isInfinite(mm) || mm < 0) {
            throw new IllegalArgumentException("A diameter must be a finite number of mm, 0 or more");
        }
    }

    /** A measured value in mm. */
    public static Diameter of(double mm) {
        return new Diameter(mm, false);
    }

    /** Present but too small to measure: counts as 5 mm. */
    public static Diameter tooSmall() {
        return new Diameter(TOO_SMALL_TO_MEASURE_MM, true);
    }

    /** Null-tolerant factory for optional fields. */
    public static Diameter ofNullable(Double mm) {
        return mm == null ? null : of(mm);
    }

    /** Exact decimal value of the recorded number, for threshold comparisons without rounding. */
    public BigDecimal exact() {
        return BigDecimal.valueOf(mm);
    }

    /** True when the lesion has gone (0 mm). */
    public boolean isZero() {
        return !tooSmallToMeasure && mm == 0.0;
    }
}
