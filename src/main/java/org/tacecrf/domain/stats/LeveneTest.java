package org.tacecrf.domain.stats;

import java.util.List;

/**
 * Levene's test of equal variances with deviations from the group <em>means</em>, the version SPSS
 * prints with T-TEST and ONEWAY: a one-way ANOVA F on {@code z_ij = |x_ij - mean_i|} with
 * {@code k - 1} and {@code N - k} df. (R {@code car::leveneTest(..., center = mean)}; car's default
 * uses the median, i.e. the Brown–Forsythe variant.) Levene (1960), in Olkin (ed.), Contributions
 * to Probability and Statistics, 278–292.
 */
public final class LeveneTest {

    private LeveneTest() {
    }

    /**
     * @param f   F statistic
     * @param df1 numerator degrees of freedom {@code k - 1}
     * @param df2 denominator degrees of freedom {@code N - k}
     * @param pValue upper-tail p-value
     * @param n   observations used
     */
    public record Result(double f, int df1, int df2, double pValue, int n) {

        /** Name of the method for footnotes. */
        public String method() {
            return "Levene's test (mean-centred)";
        }
    }

    /** Test over two or more groups; {@code NaN} values are dropped. */
    public static Result meanCentred(List<double[]> groups) {
        int k = 0;
        int total = 0;
        double[][] z = new double[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            double[] x = Values.present(groups.get(g));
            if (x.length == 0) {
                z[g] = x;
                continue;
            }
            k++;
            total += x.length;
            double m = Values.mean(x);
            z[g] = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                z[g][i] = Math.abs(x[i] - m);
            }
        }
        if (k < 2 || total <= k) {
            return new Result(Double.NaN, k - 1, total - k, Double.NaN, total);
        }
        double grand = 0;
        for (double[] zg : z) {
            for (double v : zg) {
                grand += v;
            }
        }
        grand /= total;
        double between = 0;
        double within = 0;
        for (double[] zg : z) {
            if (zg.length == 0) {
                continue;
            }
            double m = Values.mean(zg);
            between += zg.length * (m - grand) * (m - grand);
            within += Values.sumOfSquares(zg, m);
        }
        int df1 = k - 1;
        int df2 = total - k;
        double f = (between / df1) / (within / df2);
        return new Result(f, df1, df2, Distributions.fUpperTail(f, df1, df2), total);
    }

    /** Two-group convenience form. */
    public static Result meanCentred(double[] x, double[] y) {
        return meanCentred(List.of(x, y));
    }
}
