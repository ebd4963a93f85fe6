package org.tacecrf.domain.demo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.tacecrf.domain.demo.CohortSpec.Weibull;

/**
 * Survival times for a group of patients from a Weibull distribution with a published median.
 * <p>
 * {@code S(t) = exp(-h_i (t / λ)^k)} with shape {@code k} and relative hazard {@code h_i} per patient
 * (1 without covariates); {@code λ} is chosen so that the group's median survival, the mean of the
 * {@code S_i} at the median, is exactly ½. Draws are stratified (Latin hypercube: one survival
 * probability from each of n equal strata, in random order), so the sample median lies within a
 * stratum of the published one rather than wherever a plain random sample lands.
 */
final class Lifetimes {

    /** Days per month, as survival analyses convert (365.25 / 12). */
    static final double DAYS_PER_MONTH = 30.4375;

    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    private Lifetimes() {
    }

    /** One survival probability per stratum of (0, 1), in random order. */
    static double[] stratified(int n, Random random) {
        double[] u = new double[n];
        for (int j = 0; j < n; j++) {
            u[j] = (j + 0.02 + 0.96 * random.nextDouble()) / n;
        }
        shuffle(u, random);
        return u;
    }

    /**
     * The same stratified probabilities re-ordered so that their normal scores correlate with
     * {@code reference}'s with coefficient {@code rho} (a Gaussian copula on ranks).
     */
    static double[] correlated(double[] reference, double rho, Random random) {
        int n = reference.length;
        double[] values = stratified(n, random);
        Arrays.sort(values);
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            score[i] = rho * NORMAL.inverseCumulativeProbability(reference[i])
                    + Math.sqrt(1 - rho * rho) * random.nextGaussian();
        }
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> score[i])).toArray(Integer[]::new);
        double[] out = new double[n];
        for (int rank = 0; rank < n; rank++) {
            out[order[rank]] = values[rank];
        }
        return out;
    }

    /** A Weibull model calibrated to a median for patients with the given relative hazards. */
    record Model(double lambdaDays, double shape) {

        static Model calibrated(Weibull w, List<Double> hazards) {
            double median = w.medianMonths() * DAYS_PER_MONTH;
            // mean_i exp(-h_i c) = 1/2, c = (median / λ)^k, found by bisection (decreasing in c)
            double lo = 0;
            double hi = 50;
            for (int i = 0; i < 200; i++) {
                double c = (lo + hi) / 2;
                double mean = hazards.stream().mapToDouble(h -> Math.exp(-h * c)).average().orElse(Math.exp(-c));
                if (mean > 0.5) {
                    lo = c;
                } else {
                    hi = c;
                }
            }
            double c = (lo + hi) / 2;
            return new Model(median / Math.pow(c, 1 / w.shape()), w.shape());
        }

        /** Days survived by a patient of relative hazard {@code h} with survival probability {@code u}. */
        double days(double u, double h) {
            return lambdaDays * Math.pow(-Math.log(u) / h, 1 / shape);
        }
    }

    private static void shuffle(double[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
