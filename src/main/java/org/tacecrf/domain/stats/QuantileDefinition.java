package org.tacecrf.domain.stats;

/**
 * How a sample quantile is interpolated between order statistics {@code x(1) <= ... <= x(n)}.
 * Both definitions give the same median; they differ for the quartiles of small samples.
 */
public enum QuantileDefinition {

    /**
     * SPSS default ("weighted average at x((n+1)p)", HAVERAGE in EXAMINE/FREQUENCIES), identical to
     * R {@code quantile(x, type = 6)} and Hyndman &amp; Fan (1996) definition 6: position
     * {@code h = (n + 1) p}, clamped to {@code [1, n]}.
     */
    SPSS_HAVERAGE("SPSS weighted average (HAVERAGE), R type 6"),

    /**
     * R default {@code quantile(x)} (type 7), Hyndman &amp; Fan definition 7: position
     * {@code h = (n - 1) p + 1}.
     */
    R_TYPE_7("R default (type 7)");

    private final String label;

    QuantileDefinition(String label) {
        this.label = label;
    }

    /** Human-readable name of the definition for table footnotes. */
    public String label() {
        return label;
    }

    /**
     * Quantile of already sorted values.
     *
     * @param sorted values in ascending order, no {@code NaN}
     * @param p      probability in [0, 1]
     * @return the quantile, {@code NaN} for an empty sample
     */
    public double quantile(double[] sorted, double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("The probability must be between 0 and 1.");
        }
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double h = this == SPSS_HAVERAGE ? (n + 1) * p : (n - 1) * p + 1;
        if (h <= 1) {
            return sorted[0];
        }
        if (h >= n) {
            return sorted[n - 1];
        }
        int lo = (int) Math.floor(h);
        double frac = h - lo;
        // guard against representation error such as (n+1)*0.25 = 2.9999999
        if (Math.abs(frac) < 4 * Math.ulp(h)) {
            return sorted[lo - 1];
        }
        if (Math.abs(1 - frac) < 4 * Math.ulp(h)) {
            return sorted[lo];
        }
        return sorted[lo - 1] + frac * (sorted[lo] - sorted[lo - 1]);
    }
}
