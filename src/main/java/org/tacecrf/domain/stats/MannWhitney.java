package org.tacecrf.domain.stats;

/**
 * Mann–Whitney U test (Wilcoxon rank-sum test) of two independent samples; {@code NaN} values are
 * dropped. Ranks are mid-ranks over the combined sample.
 * <ul>
 *   <li>Asymptotic p (SPSS "Asymp. Sig. (2-tailed)"; R {@code wilcox.test(x, y, exact = FALSE,
 *       correct = FALSE)}): {@code z = (U1 - n1 n2 / 2) / sqrt(n1 n2 / 12 * ((N + 1) - sum(t^3 - t)
 *       / (N (N - 1))))}, no continuity correction, ties corrected.</li>
 *   <li>Exact p (R {@code wilcox.test(x, y, exact = TRUE)}; SPSS "Exact Sig. [2*(1-tailed Sig.)]"):
 *       twice the smaller tail of the exact null distribution of U, computed when there are no ties
 *       and both samples have fewer than 50 observations (R's rule), otherwise {@code NaN}. SPSS's
 *       legacy NPAR TESTS computes its exact value for up to 40 cases, also with ties, where R
 *       declines; with ties report the asymptotic p.</li>
 * </ul>
 * SPSS reports U as the smaller of the two U statistics and "Wilcoxon W" as the rank sum of the
 * smaller group (IBM SPSS Statistics Command Syntax Reference, NPAR TESTS, M-W subcommand).
 */
public final class MannWhitney {

    private static final int EXACT_LIMIT = 50;

    private MannWhitney() {
    }

    /**
     * @param n1            observations used in the first sample
     * @param n2            observations used in the second sample
     * @param rankSum1      sum of the mid-ranks of the first sample
     * @param rankSum2      sum of the mid-ranks of the second sample
     * @param u1            {@code rankSum1 - n1 (n1 + 1) / 2}, R's statistic "W"
     * @param u             {@code min(u1, n1 n2 - u1)}, SPSS's "Mann-Whitney U"
     * @param z             standardised u1 (ties corrected, no continuity correction); SPSS prints
     *                      {@code -|z|}
     * @param asymptoticP   two-sided p from z
     * @param correctedP    two-sided normal p with continuity correction 0.5, R's default when it does
     *                      not use the exact distribution ({@code wilcox.test(x, y, exact = FALSE)})
     * @param exactP        exact two-sided p, {@code NaN} when ties are present or a sample has 50 or
     *                      more observations
     * @param ties          whether tied values occurred in the combined sample
     */
    public record Result(int n1, int n2, double rankSum1, double rankSum2, double u1, double u, double z,
                         double asymptoticP, double correctedP, double exactP, boolean ties) {

        /** Mean rank of the first sample. */
        public double meanRank1() {
            return rankSum1 / n1;
        }

        /** Mean rank of the second sample. */
        public double meanRank2() {
            return rankSum2 / n2;
        }

        /**
         * SPSS's "Wilcoxon W": the rank sum of the smaller sample, of the first one when both have the
         * same size.
         */
        public double wilcoxonW() {
            return n2 < n1 ? rankSum2 : rankSum1;
        }

        /** Method name for footnotes. */
        public String method() {
            return "Mann-Whitney U test";
        }
    }

    /** Runs the test. */
    public static Result test(double[] x, double[] y) {
        double[] a = Values.present(x);
        double[] b = Values.present(y);
        int n1 = a.length;
        int n2 = b.length;
        if (n1 == 0 || n2 == 0) {
            throw new IllegalArgumentException("Each group needs at least one observation.");
        }
        double[] all = new double[n1 + n2];
        System.arraycopy(a, 0, all, 0, n1);
        System.arraycopy(b, 0, all, n1, n2);
        Ranks ranks = Ranks.of(all);
        double r1 = 0;
        for (int i = 0; i < n1; i++) {
            r1 += ranks.ranks[i];
        }
        double total = n1 + n2;
        double r2 = total * (total + 1) / 2 - r1;
        double u1 = r1 - n1 * (n1 + 1) / 2.0;
        double centre = (double) n1 * n2 / 2;
        double sigma = Math.sqrt((double) n1 * n2 / 12
                * ((total + 1) - ranks.tieSum / (total * (total - 1))));
        double z = (u1 - centre) / sigma;
        double zCorrected = (u1 - centre - Math.signum(u1 - centre) * 0.5) / sigma;
        double exact = Double.NaN;
        if (!ranks.hasTies && n1 < EXACT_LIMIT && n2 < EXACT_LIMIT) {
            exact = ExactRankDistributions.twoSided(ExactRankDistributions.mannWhitney(n1, n2), (int) Math.round(u1), centre);
        }
        return new Result(n1, n2, r1, r2, u1, Math.min(u1, n1 * (double) n2 - u1), z,
                Distributions.normalTwoSided(z), Distributions.normalTwoSided(zCorrected), exact, ranks.hasTies);
    }
}
