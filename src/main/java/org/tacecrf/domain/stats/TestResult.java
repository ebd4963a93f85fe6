package org.tacecrf.domain.stats;

/**
 * A hypothesis test: statistic, degrees of freedom and p-value, with the name of the method.
 *
 * @param method     the method, as a reader should see it (e.g. "Pearson chi-square")
 * @param statistic  value of the test statistic
 * @param df         degrees of freedom, {@code NaN} for statistics without one (exact tests, z)
 * @param pValue     p-value (two-sided unless the method says otherwise)
 */
public record TestResult(String method, double statistic, double df, double pValue) {
}
