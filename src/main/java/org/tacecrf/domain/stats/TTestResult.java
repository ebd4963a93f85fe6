package org.tacecrf.domain.stats;

/**
 * Result of a t-test on a mean difference.
 *
 * @param method         "Student's two-sample t-test (equal variances)", "Welch two-sample t-test"
 *                       or "Paired t-test"
 * @param n1             observations used in the first group (pairs for the paired test)
 * @param n2             observations used in the second group (pairs for the paired test)
 * @param mean1          mean of the first group (of the first variable for the paired test)
 * @param mean2          mean of the second group (of the second variable)
 * @param meanDifference mean1 - mean2 (mean of the paired differences)
 * @param standardError  standard error of the difference
 * @param confidenceInterval confidence interval of the difference
 * @param t              t statistic, difference / standard error
 * @param df             degrees of freedom (Welch–Satterthwaite for Welch)
 * @param pValue         two-sided p-value
 */
public record TTestResult(String method, int n1, int n2, double mean1, double mean2, double meanDifference,
                          double standardError, ConfidenceInterval confidenceInterval, double t, double df,
                          double pValue) {
}
