package org.tacecrf.domain.stats;

/**
 * Exact null distributions of the rank-sum and signed-rank statistics without ties, by counting
 * subsets of ranks with a given sum (dynamic programming), equivalent to R's {@code pwilcox} and
 * {@code psignrank}.
 */
final class ExactRankDistributions {

    private ExactRankDistributions() {
    }

    /**
     * Probabilities {@code P(U = u)}, u = 0..m*n, of the Mann–Whitney statistic U of a sample of size
     * m against one of size n.
     */
    static double[] mannWhitney(int m, int n) {
        int maxU = m * n;
        // ways[k][s]: subsets of size k of the ranks seen so far with rank sum s, stored as U = s - k(k+1)/2
        double[][] ways = new double[m + 1][maxU + 1];
        ways[0][0] = 1;
        int total = m + n;
        for (int rank = 1; rank <= total; rank++) {
            for (int k = Math.min(m, rank); k >= 1; k--) {
                // adding rank r as the k-th smallest element raises U by r - k
                int shift = rank - k;
                if (shift > n) {
                    continue;
                }
                double[] to = ways[k];
                double[] from = ways[k - 1];
                for (int u = maxU; u >= shift; u--) {
                    to[u] += from[u - shift];
                }
            }
        }
        return normalise(ways[m]);
    }

    /** Probabilities {@code P(V = v)}, v = 0..n(n+1)/2, of the signed-rank statistic V for n pairs. */
    static double[] signedRank(int n) {
        int max = n * (n + 1) / 2;
        double[] ways = new double[max + 1];
        ways[0] = 1;
        for (int rank = 1; rank <= n; rank++) {
            for (int s = max; s >= rank; s--) {
                ways[s] += ways[s - rank];
            }
        }
        return normalise(ways);
    }

    private static double[] normalise(double[] ways) {
        double sum = 0;
        for (double w : ways) {
            sum += w;
        }
        double[] p = new double[ways.length];
        for (int i = 0; i < ways.length; i++) {
            p[i] = ways[i] / sum;
        }
        return p;
    }

    /**
     * R's two-sided exact p-value for an observed statistic of a distribution symmetric about
     * {@code centre}: {@code min(1, 2 * P(S >= s))} above the centre, else {@code min(1, 2 * P(S <= s))}.
     */
    static double twoSided(double[] pmf, int observed, double centre) {
        double tail = 0;
        if (observed > centre) {
            for (int s = observed; s < pmf.length; s++) {
                tail += pmf[s];
            }
        } else {
            for (int s = 0; s <= observed; s++) {
                tail += pmf[s];
            }
        }
        return Math.min(1.0, 2 * tail);
    }
}
