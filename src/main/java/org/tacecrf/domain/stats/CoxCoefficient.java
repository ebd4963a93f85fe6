package org.tacecrf.domain.stats;

/**
 * One coefficient of a Cox model (a row of R's {@code summary(coxph(...))} and SPSS's "Variables in
 * the Equation"). A column left out because it is collinear with others has {@code NaN} values.
 *
 * @param name            design column, e.g. {@code "age"} or {@code "ECOG=1 vs 0"}
 * @param covariate       the covariate the column belongs to
 * @param beta            log hazard ratio per unit (per category versus the reference)
 * @param standardError   square root of the diagonal of the inverse information matrix
 * @param hazardRatio     {@code exp(beta)}
 * @param hazardRatioCi   {@code exp(beta +- z SE)}
 * @param z               Wald statistic {@code beta / SE} (SPSS prints its square as "Wald" with 1 df)
 * @param pValue          two-sided p-value of z
 */
public record CoxCoefficient(String name, String covariate, double beta, double standardError, double hazardRatio,
                             ConfidenceInterval hazardRatioCi, double z, double pValue) {

    /** SPSS's "Wald" column: {@code z^2}, chi-square with 1 df. */
    public double waldChiSquare() {
        return z * z;
    }
}
