package org.tacecrf.domain.stats;

import java.util.List;

/**
 * One-way analysis of variance of two or more groups: {@code F = (SSB / (k - 1)) / (SSW / (N - k))}
 * with {@code k - 1} and {@code N - k} df (R {@code oneway.test(x ~ g, var.equal = TRUE)}, SPSS
 * ONEWAY). With two groups F is the square of Student's pooled t and gives the same p.
 * {@code NaN} values are dropped; groups left empty do not count in k.
 */
public final class OneWayAnova {

    private OneWayAnova() {
    }

    /** Runs the test; {@code NaN} when fewer than two groups have values or no df remain within groups. */
    public static TestResult test(List<double[]> groups) {
        int k = 0;
        int total = 0;
        double sum = 0;
        double[][] present = new double[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            present[g] = Values.present(groups.get(g));
            if (present[g].length > 0) {
                k++;
                total += present[g].length;
                for (double v : present[g]) {
                    sum += v;
                }
            }
        }
        if (k < 2 || total <= k) {
            return new TestResult(method(), Double.NaN, Double.NaN, Double.NaN);
        }
        double grand = sum / total;
        double between = 0;
        double within = 0;
        for (double[] x : present) {
            if (x.length == 0) {
                continue;
            }
            double m = Values.mean(x);
            between += x.length * (m - grand) * (m - grand);
            within += Values.sumOfSquares(x, m);
        }
        int df1 = k - 1;
        int df2 = total - k;
        double f = (between / df1) / (within / df2);
        return new TestResult(method(), f, df1, Distributions.fUpperTail(f, df1, df2));
    }

    static String method() {
        return "One-way ANOVA";
    }
}
