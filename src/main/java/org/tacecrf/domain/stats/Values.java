package org.tacecrf.domain.stats;

import java.util.Arrays;

/** Small helpers for arrays of observations where {@code NaN} marks a missing value. */
final class Values {

    private Values() {
    }

    static double[] present(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    }

    static int missing(double[] values) {
        return (int) Arrays.stream(values).filter(Double::isNaN).count();
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        // second pass removes most of the rounding error of the naive sum
        double correction = 0;
        for (double v : values) {
            correction += v - mean;
        }
        return mean + correction / values.length;
    }

    /** Sum of squared deviations from the mean. */
    static double sumOfSquares(double[] values, double mean) {
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return ss;
    }

    static double variance(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        return sumOfSquares(values, mean(values)) / (values.length - 1);
    }

    static void requireSameLength(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("The two variables must have the same number of values.");
        }
    }

    /** Indices where both x and y are present. */
    static int[] completePairs(double[] x, double[] y) {
        requireSameLength(x, y);
        int[] idx = new int[x.length];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                idx[k++] = i;
            }
        }
        return Arrays.copyOf(idx, k);
    }

    static double[] select(double[] values, int[] indices) {
        double[] out = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }
}
