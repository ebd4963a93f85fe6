package org.tacecrf.domain.stats;

import java.util.Arrays;

/**
 * Mid-ranks (ties get the average of the ranks they span) and the tie correction term
 * {@code sum(t^3 - t)} over groups of {@code t} tied values, as used by rank tests.
 */
final class Ranks {

    final double[] ranks;
    final double tieSum;
    final boolean hasTies;

    private Ranks(double[] ranks, double tieSum, boolean hasTies) {
        this.ranks = ranks;
        this.tieSum = tieSum;
        this.hasTies = hasTies;
    }

    static Ranks of(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[n];
        double tieSum = 0;
        boolean ties = false;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = mid;
            }
            double t = j - i + 1;
            if (t > 1) {
                ties = true;
                tieSum += t * t * t - t;
            }
            i = j + 1;
        }
        return new Ranks(ranks, tieSum, ties);
    }
}
