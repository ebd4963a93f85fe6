package org.tacecrf.domain.report.figure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Axis tick values at "nice" steps (1, 2, 2.5, 5 or 10 times a power of ten, or multiples of 3, 6, 12
 * for time in months), from 0 to at least the maximum.
 */
final class Ticks {

    private static final double[] NICE = {1, 2, 2.5, 5, 10};
    private static final double[] MONTHS = {1, 3, 6, 12, 24, 36, 48, 60};

    private Ticks() {
    }

    /** A step giving about {@code target} intervals over [0, max]. */
    static double step(double max, int target, boolean months) {
        if (!(max > 0)) {
            return 1;
        }
        double raw = max / target;
        if (months && raw >= 0.75 && raw <= 60) {
            for (double m : MONTHS) {
                if (m >= raw) {
                    return m;
                }
            }
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double n : NICE) {
            if (n * magnitude >= raw - 1e-12) {
                return n * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** 0, step, 2 step, ... up to the first value at or above max. */
    static List<Double> upTo(double max, double step) {
        List<Double> ticks = new ArrayList<>();
        int n = (int) Math.ceil(max / step - 1e-9);
        for (int i = 0; i <= Math.max(1, n); i++) {
            ticks.add(i * step);
        }
        return ticks;
    }

    /** A tick label without needless decimals: 6, 2.5, 0.25. */
    static String label(double value) {
        if (Math.abs(value - Math.rint(value)) < 1e-9) {
            return Long.toString(Math.round(value));
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
