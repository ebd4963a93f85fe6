package org.tacecrf.domain.response;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Percent change {@code 100 × (value − reference) / reference}, compared with thresholds exactly on
 * the recorded decimal values: thresholds are inclusive and nothing is rounded before comparing
 * (clinical rules 1.4). Used for target sums and tumour markers alike.
 */
final class PercentChange {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PercentChange() {
    }

    /** True when {@code value} is at least {@code pct} % above a positive {@code reference}. */
    static boolean risenBy(BigDecimal value, BigDecimal reference, double pct) {
        return value.subtract(reference).multiply(HUNDRED).compareTo(reference.multiply(BigDecimal.valueOf(pct))) >= 0;
    }

    /** True when {@code value} is at least {@code pct} % below a positive {@code reference}. */
    static boolean fallenBy(BigDecimal value, BigDecimal reference, double pct) {
        return value.subtract(reference).multiply(HUNDRED)
                .compareTo(reference.multiply(BigDecimal.valueOf(pct)).negate()) <= 0;
    }

    /**
     * The percent change for display: null without a reference; from a reference of 0, 0 when the
     * value is 0 too and +∞ otherwise.
     */
    static Double of(BigDecimal value, BigDecimal reference) {
        if (reference == null) {
            return null;
        }
        if (reference.signum() == 0) {
            return value.signum() == 0 ? 0.0 : Double.POSITIVE_INFINITY;
        }
        return value.subtract(reference).multiply(HUNDRED).divide(reference, MathContext.DECIMAL64).doubleValue();
    }
}
