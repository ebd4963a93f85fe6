package org.tacecrf.domain.stats;

/**
 * Pearson's and Spearman's correlation of complete pairs ({@code NaN} in either variable drops the
 * pair).
 * <ul>
 *   <li>Pearson: r with {@code t = r sqrt((n - 2) / (1 - r^2))}, n - 2 df, and the Fisher-z confidence
 *       interval {@code tanh(atanh(r) +- z / sqrt(n - 3))} (R {@code cor.test(x, y)}; SPSS
 *       CORRELATIONS prints r and the same p).</li>
 *   <li>Spearman: rho is Pearson's r of the mid-ranks; p from the same t approximation with n - 2 df.
 *       This is what SPSS NONPAR CORR prints and what R {@code cor.test(x, y, method = "spearman",
 *       exact = FALSE)} computes (R's source: {@code pt(r / sqrt((1 - r^2)/(n - 2)), n - 2)}); R's
 *       default for small samples without ties is instead an exact/Edgeworth p (algorithm AS 89),
 *       which is not offered here.</li>
 * </ul>
 */
public final class Correlation {

    private Correlation() {
    }

    /**
     * @param method              "Pearson correlation" or "Spearman rank correlation"
     * @param estimate            r or rho
     * @param n                   complete pairs used
     * @param t                   t statistic
     * @param df                  n - 2
     * @param pValue              two-sided p-value
     * @param confidenceInterval  Fisher-z interval for Pearson (needs n > 3); undefined for Spearman
     */
    public record Result(String method, double estimate, int n, double t, double df, double pValue,
                         ConfidenceInterval confidenceInterval) {
    }

    /** Pearson's r with its 95% Fisher-z interval. */
    public static Result pearson(double[] x, double[] y) {
        return pearson(x, y, 0.95);
    }

    /** Pearson's r with a Fisher-z interval at the given level. */
    public static Result pearson(double[] x, double[] y, double level) {
        int[] pairs = Values.completePairs(x, y);
        double[] a = Values.select(x, pairs);
        double[] b = Values.select(y, pairs);
        int n = pairs.length;
        double r = r(a, b);
        ConfidenceInterval ci = ConfidenceInterval.undefined(level);
        if (n > 3 && !Double.isNaN(r)) {
            double z = atanh(r);
            double half = Distributions.normalCritical(level) / Math.sqrt(n - 3);
            ci = new ConfidenceInterval(Math.tanh(z - half), Math.tanh(z + half), level);
        }
        return withT("Pearson correlation", r, n, ci);
    }

    /** Spearman's rho with the t-approximation p-value. */
    public static Result spearman(double[] x, double[] y) {
        int[] pairs = Values.completePairs(x, y);
        double[] a = Values.select(x, pairs);
        double[] b = Values.select(y, pairs);
        double rho = r(Ranks.of(a).ranks, Ranks.of(b).ranks);
        return withT("Spearman rank correlation", rho, pairs.length, ConfidenceInterval.undefined(0.95));
    }

    private static Result withT(String method, double r, int n, ConfidenceInterval ci) {
        double df = n - 2;
        if (n < 3 || Double.isNaN(r)) {
            return new Result(method, r, n, Double.NaN, df, Double.NaN, ci);
        }
        double t = Math.abs(r) >= 1 ? Math.copySign(Double.POSITIVE_INFINITY, r) : r * Math.sqrt(df / (1 - r * r));
        return new Result(method, r, n, t, df, Distributions.tTwoSided(t, df), ci);
    }

    private static double r(double[] a, double[] b) {
        int n = a.length;
        if (n < 2) {
            return Double.NaN;
        }
        double ma = Values.mean(a);
        double mb = Values.mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa == 0 || sbb == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }
}
