package org.tacecrf.domain.stats;

/**
 * Wilcoxon signed-rank test of paired observations: differences {@code x - y} of complete pairs,
 * zero differences dropped (Wilcoxon's convention, used by SPSS and by R {@code wilcox.test(x, y,
 * paired = TRUE)}), mid-ranks of the absolute differences.
 * <ul>
 *   <li>Asymptotic p (SPSS "Asymp. Sig. (2-tailed)", R {@code exact = FALSE, correct = FALSE}):
 *       {@code z = (V - n(n+1)/4) / sqrt(n(n+1)(2n+1)/24 - sum(t^3 - t)/48)}.</li>
 *   <li>Exact p (R {@code exact = TRUE}): twice the smaller tail of the exact distribution of V,
 *       computed when there are no ties and no zero differences and fewer than 50 pairs remain,
 *       otherwise {@code NaN}.</li>
 * </ul>
 */
public final class WilcoxonSignedRank {

    private static final int EXACT_LIMIT = 50;

    private WilcoxonSignedRank() {
    }

    /**
     * @param pairs          complete pairs
     * @param zeros          pairs with zero difference (dropped)
     * @param n              non-zero differences ranked
     * @param positive       differences {@code x - y > 0}
     * @param negative       differences {@code x - y < 0}
     * @param positiveRankSum V, R's statistic: sum of the ranks of the positive differences
     * @param negativeRankSum sum of the ranks of the negative differences
     * @param z              standardised V (ties corrected, no continuity correction); SPSS prints
     *                       {@code -|z|}
     * @param asymptoticP    two-sided p from z
     * @param correctedP     two-sided normal p with continuity correction 0.5 (R's default without
     *                       the exact distribution)
     * @param exactP         exact two-sided p, or {@code NaN} (ties, zeros, or 50 or more pairs)
     * @param ties           whether tied absolute differences occurred
     */
    public record Result(int pairs, int zeros, int n, int positive, int negative, double positiveRankSum,
                         double negativeRankSum, double z, double asymptoticP, double correctedP, double exactP,
                         boolean ties) {

        /** Method name for footnotes. */
        public String method() {
            return "Wilcoxon signed-rank test";
        }
    }

    /** Runs the test on paired values; pairs with a {@code NaN} are dropped. */
    public static Result test(double[] x, double[] y) {
        int[] complete = Values.completePairs(x, y);
        double[] d = new double[complete.length];
        int k = 0;
        for (int i : complete) {
            double diff = x[i] - y[i];
            if (diff != 0) {
                d[k++] = diff;
            }
        }
        int zeros = complete.length - k;
        double[] nonZero = java.util.Arrays.copyOf(d, k);
        double[] abs = new double[k];
        int positive = 0;
        for (int i = 0; i < k; i++) {
            abs[i] = Math.abs(nonZero[i]);
            if (nonZero[i] > 0) {
                positive++;
            }
        }
        if (k == 0) {
            return new Result(complete.length, zeros, 0, 0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, false);
        }
        Ranks ranks = Ranks.of(abs);
        double v = 0;
        for (int i = 0; i < k; i++) {
            if (nonZero[i] > 0) {
                v += ranks.ranks[i];
            }
        }
        double n = k;
        double total = n * (n + 1) / 2;
        double centre = total / 2;
        double sigma = Math.sqrt(n * (n + 1) * (2 * n + 1) / 24 - ranks.tieSum / 48);
        double z = (v - centre) / sigma;
        double zCorrected = (v - centre - Math.signum(v - centre) * 0.5) / sigma;
        double exact = Double.NaN;
        if (!ranks.hasTies && zeros == 0 && k < EXACT_LIMIT) {
            exact = ExactRankDistributions.twoSided(ExactRankDistributions.signedRank(k), (int) Math.round(v), centre);
        }
        return new Result(complete.length, zeros, k, positive, k - positive, v, total - v, z,
                Distributions.normalTwoSided(z), Distributions.normalTwoSided(zCorrected), exact, ranks.hasTies);
    }
}
