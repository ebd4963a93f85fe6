package org.tacecrf.domain.stats;

/**
 * Student's, Welch's and the paired t-test for a difference of means; {@code NaN} values are dropped
 * (pairwise for the paired test). Matches R {@code t.test(x, y, var.equal = TRUE)},
 * {@code t.test(x, y)} and {@code t.test(x, y, paired = TRUE)}; SPSS prints Student's ("Equal
 * variances assumed") and Welch's ("not assumed") lines of T-TEST together with
 * {@link LeveneTest Levene's test}.
 */
public final class TTest {

    private TTest() {
    }

    /**
     * Pooled-variance (Student) two-sample test: {@code s_p^2 = ((n1-1)s1^2 + (n2-1)s2^2)/(n1+n2-2)},
     * {@code SE = s_p sqrt(1/n1 + 1/n2)}, {@code df = n1 + n2 - 2}.
     */
    public static TTestResult student(double[] x, double[] y, double level) {
        double[] a = Values.present(x);
        double[] b = Values.present(y);
        int n1 = a.length;
        int n2 = b.length;
        double m1 = n1 == 0 ? Double.NaN : Values.mean(a);
        double m2 = n2 == 0 ? Double.NaN : Values.mean(b);
        double df = n1 + n2 - 2;
        double pooled = df > 0 ? (Values.sumOfSquares(a, m1) + Values.sumOfSquares(b, m2)) / df : Double.NaN;
        double se = n1 > 0 && n2 > 0 ? Math.sqrt(pooled * (1.0 / n1 + 1.0 / n2)) : Double.NaN;
        return result("Student's two-sample t-test (equal variances)", n1, n2, m1, m2, m1 - m2, se, df, level);
    }

    /** Student's test at the 95% level. */
    public static TTestResult student(double[] x, double[] y) {
        return student(x, y, 0.95);
    }

    /**
     * Welch's unequal-variance test: {@code SE = sqrt(s1^2/n1 + s2^2/n2)} with Welch–Satterthwaite
     * {@code df = SE^4 / ((s1^2/n1)^2/(n1-1) + (s2^2/n2)^2/(n2-1))}.
     */
    public static TTestResult welch(double[] x, double[] y, double level) {
        double[] a = Values.present(x);
        double[] b = Values.present(y);
        int n1 = a.length;
        int n2 = b.length;
        double m1 = n1 == 0 ? Double.NaN : Values.mean(a);
        double m2 = n2 == 0 ? Double.NaN : Values.mean(b);
        double v1 = Values.variance(a) / n1;
        double v2 = Values.variance(b) / n2;
        double se = Math.sqrt(v1 + v2);
        double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
        return result("Welch two-sample t-test", n1, n2, m1, m2, m1 - m2, se, df, level);
    }

    /** Welch's test at the 95% level. */
    public static TTestResult welch(double[] x, double[] y) {
        return welch(x, y, 0.95);
    }

    /** Paired test on the differences {@code x - y} of complete pairs, {@code df = n - 1}. */
    public static TTestResult paired(double[] x, double[] y, double level) {
        int[] pairs = Values.completePairs(x, y);
        double[] a = Values.select(x, pairs);
        double[] b = Values.select(y, pairs);
        int n = pairs.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = a[i] - b[i];
        }
        double md = n == 0 ? Double.NaN : Values.mean(d);
        double se = Math.sqrt(Values.variance(d) / n);
        return result("Paired t-test", n, n, n == 0 ? Double.NaN : Values.mean(a), n == 0 ? Double.NaN : Values.mean(b),
                md, se, n - 1, level);
    }

    /** Paired test at the 95% level. */
    public static TTestResult paired(double[] x, double[] y) {
        return paired(x, y, 0.95);
    }

    private static TTestResult result(String method, int n1, int n2, double m1, double m2, double diff, double se,
                                      double df, double level) {
        Distributions.checkLevel(level);
        if (!(df > 0) || Double.isNaN(se)) {
            return new TTestResult(method, n1, n2, m1, m2, diff, se, ConfidenceInterval.undefined(level),
                    Double.NaN, df, Double.NaN);
        }
        double t = diff / se;
        double half = Distributions.tQuantile(0.5 + level / 2, df) * se;
        return new TTestResult(method, n1, n2, m1, m2, diff, se, new ConfidenceInterval(diff - half, diff + half, level),
                t, df, Distributions.tTwoSided(t, df));
    }
}
