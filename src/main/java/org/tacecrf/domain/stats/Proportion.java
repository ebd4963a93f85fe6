package org.tacecrf.domain.stats;

/**
 * A binomial proportion {@code x / n} with its confidence intervals and exact test.
 *
 * @param successes number of cases with the characteristic
 * @param n         number of cases
 */
public record Proportion(int successes, int n) {

    public Proportion {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("The number of successes must be between 0 and n.");
        }
    }

    /** Proportion of successes {@code x / n}, {@code NaN} when n is 0. */
    public double estimate() {
        return n == 0 ? Double.NaN : (double) successes / n;
    }

    /**
     * Exact (Clopper–Pearson 1934) interval from beta quantiles: lower {@code qbeta(a/2, x, n-x+1)}
     * (0 when x = 0), upper {@code qbeta(1-a/2, x+1, n-x)} (1 when x = n); R {@code binom.test(x, n)}.
     */
    public ConfidenceInterval clopperPearson(double level) {
        Distributions.checkLevel(level);
        if (n == 0) {
            return ConfidenceInterval.undefined(level);
        }
        double alpha = 1 - level;
        double lower = successes == 0 ? 0 : Distributions.betaQuantile(alpha / 2, successes, n - successes + 1.0);
        double upper = successes == n ? 1 : Distributions.betaQuantile(1 - alpha / 2, successes + 1.0, n - successes);
        return new ConfidenceInterval(lower, upper, level);
    }

    /**
     * Wilson (1927) score interval without continuity correction:
     * {@code (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)}; R
     * {@code prop.test(x, n, correct = FALSE)$conf.int}.
     */
    public ConfidenceInterval wilson(double level) {
        Distributions.checkLevel(level);
        if (n == 0) {
            return ConfidenceInterval.undefined(level);
        }
        double z = Distributions.normalCritical(level);
        double p = estimate();
        double z2n = z * z / n;
        double centre = p + z2n / 2;
        double half = z * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
        double denominator = 1 + z2n;
        return new ConfidenceInterval(Math.max(0, (centre - half) / denominator),
                Math.min(1, (centre + half) / denominator), level);
    }

    /**
     * Exact two-sided binomial test of {@code p = p0}: sum of the probabilities of all outcomes not more
     * likely than the observed one (relative tolerance 1e-7), R {@code binom.test(x, n, p0)}.
     */
    public TestResult binomialTest(double p0) {
        if (!(p0 >= 0 && p0 <= 1)) {
            throw new IllegalArgumentException("The hypothesised proportion must be between 0 and 1.");
        }
        String method = "Exact binomial test";
        if (n == 0) {
            return new TestResult(method, successes, Double.NaN, Double.NaN);
        }
        if (p0 == 0 || p0 == 1) {
            boolean consistent = p0 == 0 ? successes == 0 : successes == n;
            return new TestResult(method, successes, Double.NaN, consistent ? 1 : 0);
        }
        double observed = logBinomial(successes, p0);
        double limit = observed + Math.log1p(1e-7);
        double p = 0;
        for (int k = 0; k <= n; k++) {
            double lp = logBinomial(k, p0);
            if (lp <= limit) {
                p += Math.exp(lp);
            }
        }
        return new TestResult(method, successes, Double.NaN, Math.min(1, p));
    }

    private double logBinomial(int k, double p) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
    }

    private static double logFactorial(int k) {
        return org.hipparchus.special.Gamma.logGamma(k + 1.0);
    }
}
