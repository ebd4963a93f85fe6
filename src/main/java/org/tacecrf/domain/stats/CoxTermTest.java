package org.tacecrf.domain.stats;

/**
 * Wald test that all coefficients of one covariate are zero, {@code b_T' V_T^-1 b_T} with as many df
 * as the covariate has estimated columns.
 *
 * @param covariate covariate name
 * @param wald      statistic, df and p-value
 */
public record CoxTermTest(String covariate, TestResult wald) {
}
