package org.tacecrf.domain.stats;

import java.util.List;

/**
 * Kruskal-Wallis rank test of two or more groups (Kruskal &amp; Wallis 1952, JASA 47:583-621):
 * mid-ranks over all observations, {@code H = 12 / (N (N + 1)) * sum(R_i^2 / n_i) - 3 (N + 1)},
 * divided by the tie correction {@code 1 - sum(t^3 - t) / (N^3 - N)}, chi-square with
 * {@code k - 1} df (R {@code kruskal.test}, SPSS "Independent-Samples Kruskal-Wallis", asymptotic).
 * With two groups it equals the square of the Mann-Whitney z without continuity correction.
 */
public final class KruskalWallis {

    private KruskalWallis() {
    }

    /** Runs the test; {@code NaN} values are dropped, empty groups do not count. */
    public static TestResult test(List<double[]> groups) {
        int k = 0;
        int total = 0;
        double[][] present = new double[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            present[g] = Values.present(groups.get(g));
            total += present[g].length;
            if (present[g].length > 0) {
                k++;
            }
        }
        if (k < 2) {
            return new TestResult(method(), Double.NaN, Double.NaN, Double.NaN);
        }
        double[] all = new double[total];
        int at = 0;
        for (double[] x : present) {
            System.arraycopy(x, 0, all, at, x.length);
            at += x.length;
        }
        Ranks ranks = Ranks.of(all);
        double sumTerm = 0;
        at = 0;
        for (double[] x : present) {
            double rankSum = 0;
            for (int i = 0; i < x.length; i++) {
                rankSum += ranks.ranks[at + i];
            }
            at += x.length;
            if (x.length > 0) {
                sumTerm += rankSum * rankSum / x.length;
            }
        }
        double n = total;
        double h = 12 / (n * (n + 1)) * sumTerm - 3 * (n + 1);
        double correction = 1 - ranks.tieSum / (n * n * n - n);
        if (correction <= 0) {
            // every value tied: no ranking information
            return new TestResult(method(), Double.NaN, k - 1, Double.NaN);
        }
        double statistic = h / correction;
        return new TestResult(method(), statistic, k - 1, Distributions.chiSquareUpperTail(statistic, k - 1));
    }

    static String method() {
        return "Kruskal-Wallis test";
    }
}
