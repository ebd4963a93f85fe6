package org.tacecrf.domain.clinical;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Conversion of form values (BigDecimal, Double, Integer ..., nullable) to {@link BigDecimal}.
 * Doubles go through their shortest decimal representation so that a value typed as 0.1 stays
 * exactly 0.1 and boundary comparisons (e.g. "exactly 3.0 x ULN") behave as the user expects.
 */
public final class Decimals {

    /** Precision for unit conversions and ratios (16 significant digits). */
    public static final MathContext MC = MathContext.DECIMAL64;

    private Decimals() {
    }

    /**
     * @return the value as BigDecimal, or null when {@code n} is null
     * @throws IllegalArgumentException for NaN or infinite doubles
     */
    public static BigDecimal of(Number n) {
        if (n == null) {
            return null;
        }
        if (n instanceof BigDecimal b) {
            return b;
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("Not a finite number: " + n);
            }
            return n instanceof Float ? new BigDecimal(n.toString()) : BigDecimal.valueOf(d);
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (n instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        return new BigDecimal(n.toString());
    }

    /** Shorthand for literal constants. */
    public static BigDecimal dec(String literal) {
        return new BigDecimal(literal);
    }
}
