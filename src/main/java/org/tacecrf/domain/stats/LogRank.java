package org.tacecrf.domain.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Log-rank test of equal survival in two or more groups (Mantel 1966; Peto &amp; Peto 1972), as R
 * {@code survdiff(Surv(time, event) ~ group)} and SPSS KM "Log Rank (Mantel-Cox)".
 * <p>
 * At each distinct event time with d events among n at risk, group g contributes observed
 * {@code d_g} and expected {@code d n_g / n} events and the hypergeometric covariance
 * {@code V_gh = d (n - d) / (n - 1) * n_g / n * (delta_gh - n_h / n)}. The statistic
 * {@code (O - E)' V^-1 (O - E)} uses the groups with a positive expected count, leaving out the
 * first of them, with (number of such groups - 1) df. Subjects with a missing time or group are
 * dropped. The stratified version sums O, E and V over strata. O(n log n).
 */
public final class LogRank {

    private LogRank() {
    }

    /**
     * Observed and expected events of one group.
     *
     * @param group    group label
     * @param n        subjects in the group
     * @param observed events observed
     * @param expected events expected under equal survival
     */
    public record GroupCounts(String group, int n, double observed, double expected) {

        /** {@code (O - E)^2 / E}, the column R prints. */
        public double contribution() {
            return (observed - expected) * (observed - expected) / expected;
        }
    }

    /**
     * @param groups  one entry per group, in the order of the levels
     * @param test    chi-square statistic, df and p-value; statistic and p are {@code NaN} when fewer than
     *                two groups have an expected count above zero (e.g. no events at all)
     * @param stratified whether O, E and V were summed over strata
     * @param missing subjects dropped for a missing time, group or stratum
     */
    public record Result(List<GroupCounts> groups, TestResult test, boolean stratified, int missing) {

        public Result {
            groups = List.copyOf(groups);
        }

        public double chiSquare() {
            return test.statistic();
        }

        public double df() {
            return test.df();
        }

        public double pValue() {
            return test.pValue();
        }
    }

    /** Test with groups in their natural (sorted) order. */
    public static Result test(double[] time, boolean[] event, String[] group) {
        return test(time, event, group, sortedLevels(group));
    }

    /** Test with groups in the given order; levels without subjects are reported with zero counts. */
    public static Result test(double[] time, boolean[] event, String[] group, List<String> levels) {
        return stratified(time, event, group, levels, new String[time.length]);
    }

    /** Stratified test: a separate risk set in each stratum, O, E and V summed over strata. */
    public static Result stratified(double[] time, boolean[] event, String[] group, String[] stratum) {
        return stratified(time, event, group, sortedLevels(group), stratum);
    }

    private static Result stratified(double[] time, boolean[] event, String[] group, List<String> levels,
                                     String[] stratum) {
        int n = time.length;
        if (event.length != n || group.length != n || stratum.length != n) {
            throw new IllegalArgumentException("Time, event, group and stratum must have the same length.");
        }
        boolean isStratified = Arrays.stream(stratum).anyMatch(Objects::nonNull);
        int g = levels.size();
        int[] groupIndex = new int[n];
        List<Integer> used = new ArrayList<>();
        int missing = 0;
        for (int i = 0; i < n; i++) {
            groupIndex[i] = group[i] == null ? -1 : levels.indexOf(group[i]);
            if (Double.isNaN(time[i]) || groupIndex[i] < 0 || (isStratified && stratum[i] == null)) {
                missing++;
            } else {
                used.add(i);
            }
        }
        Integer[] order = used.toArray(new Integer[0]);
        // stratum first, then time, so each stratum is a contiguous block
        Arrays.sort(order, (a, b) -> {
            int c = isStratified ? stratum[a].compareTo(stratum[b]) : 0;
            return c != 0 ? c : Double.compare(time[a], time[b]);
        });
        int[] size = new int[g];
        double[] observed = new double[g];
        double[] expected = new double[g];
        double[][] variance = new double[g][g];
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end < order.length && (!isStratified || stratum[order[end]].equals(stratum[order[start]]))) {
                end++;
            }
            accumulate(order, start, end, time, event, groupIndex, size, observed, expected, variance);
            start = end;
        }
        List<GroupCounts> counts = new ArrayList<>();
        for (int k = 0; k < g; k++) {
            counts.add(new GroupCounts(levels.get(k), size[k], observed[k], expected[k]));
        }
        String method = isStratified ? "Stratified log-rank test" : "Log-rank test";
        return new Result(counts, chiSquare(method, observed, expected, variance), isStratified, missing);
    }

    private static void accumulate(Integer[] order, int from, int to, double[] time, boolean[] event, int[] groupIndex,
                                   int[] size, double[] observed, double[] expected, double[][] variance) {
        int g = size.length;
        int[] atRisk = new int[g];
        for (int i = from; i < to; i++) {
            atRisk[groupIndex[order[i]]]++;
            size[groupIndex[order[i]]]++;
        }
        int total = to - from;
        int[] deaths = new int[g];
        int[] leaving = new int[g];
        int i = from;
        while (i < to) {
            double t = time[order[i]];
            Arrays.fill(deaths, 0);
            Arrays.fill(leaving, 0);
            int d = 0;
            int left = 0;
            while (i < to && time[order[i]] == t) {
                int k = groupIndex[order[i]];
                if (event[order[i]]) {
                    deaths[k]++;
                    d++;
                }
                leaving[k]++;
                left++;
                i++;
            }
            if (d > 0) {
                double nt = total;
                for (int k = 0; k < g; k++) {
                    observed[k] += deaths[k];
                    expected[k] += d * atRisk[k] / nt;
                }
                if (total > 1) {
                    double factor = d * (nt - d) / (nt - 1);
                    for (int a = 0; a < g; a++) {
                        double pa = atRisk[a] / nt;
                        for (int b = 0; b < g; b++) {
                            double pb = atRisk[b] / nt;
                            variance[a][b] += factor * pa * ((a == b ? 1 : 0) - pb);
                        }
                    }
                }
            }
            for (int k = 0; k < g; k++) {
                atRisk[k] -= leaving[k];
            }
            total -= left;
        }
    }

    private static TestResult chiSquare(String method, double[] observed, double[] expected, double[][] variance) {
        List<Integer> informative = new ArrayList<>();
        for (int k = 0; k < expected.length; k++) {
            if (expected[k] > 0) {
                informative.add(k);
            }
        }
        int df = informative.size() - 1;
        if (df < 1) {
            return new TestResult(method, Double.NaN, Math.max(df, 0), Double.NaN);
        }
        double[][] v = new double[df][df];
        double[] diff = new double[df];
        for (int a = 0; a < df; a++) {
            int ga = informative.get(a + 1);
            diff[a] = observed[ga] - expected[ga];
            for (int b = 0; b < df; b++) {
                v[a][b] = variance[ga][informative.get(b + 1)];
            }
        }
        RealVector u = new ArrayRealVector(diff);
        RealVector solved = new LUDecomposition(new Array2DRowRealMatrix(v, false)).getSolver().solve(u);
        double chi = solved.dotProduct(u);
        return new TestResult(method, chi, df, Distributions.chiSquareUpperTail(chi, df));
    }

    private static List<String> sortedLevels(String[] group) {
        TreeSet<String> levels = new TreeSet<>();
        for (String s : group) {
            if (s != null) {
                levels.add(s);
            }
        }
        return new ArrayList<>(levels);
    }
}
