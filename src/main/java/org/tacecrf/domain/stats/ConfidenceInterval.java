package org.tacecrf.domain.stats;

/**
 * A two-sided confidence interval. Limits that cannot be estimated are {@code NaN}.
 *
 * @param lower lower limit
 * @param upper upper limit
 * @param level confidence level, e.g. 0.95
 */
public record ConfidenceInterval(double lower, double upper, double level) {

    /** An interval whose limits cannot be estimated. */
    public static ConfidenceInterval undefined(double level) {
        return new ConfidenceInterval(Double.NaN, Double.NaN, level);
    }

    /** Estimate plus and minus the normal critical value times the standard error. */
    public static ConfidenceInterval wald(double estimate, double standardError, double level) {
        double half = Distributions.normalCritical(level) * standardError;
        return new ConfidenceInterval(estimate - half, estimate + half, level);
    }

    /** True when both limits are numbers. */
    public boolean isDefined() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }
}
