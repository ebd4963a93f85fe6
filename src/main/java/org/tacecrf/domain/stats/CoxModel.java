package org.tacecrf.domain.stats;

import java.util.List;
import java.util.Optional;

/**
 * A fitted Cox proportional hazards model (Cox 1972, JRSS-B 34:187–220) with the overall tests R's
 * {@code summary(coxph(...))} prints and SPSS's "Omnibus Tests of Model Coefficients".
 *
 * @param covariates        covariates in the model, in order
 * @param ties              tie handling
 * @param coefficients      one per design column
 * @param termTests         Wald test per covariate (several df for a categorical one, as SPSS's
 *                          overall row for a categorical covariate)
 * @param n                 subjects used (complete cases)
 * @param events            events among them
 * @param excluded          subjects left out for a missing time or covariate value
 * @param logLikNull        log partial likelihood with all coefficients 0
 * @param logLik            log partial likelihood at the estimates
 * @param likelihoodRatio   {@code 2 (logLik - logLikNull)}, df = estimated coefficients
 * @param wald              {@code b' I b} with I the information at the estimates
 * @param score             score (log-rank) test {@code U(0)' I(0)^-1 U(0)} at zero
 * @param iterations        Newton–Raphson iterations used
 * @param converged         whether the convergence criterion was met
 * @param warnings          problems detected (possibly infinite coefficients, collinearity, ...)
 * @param covariance        inverse information matrix of the estimated columns, in the order of the
 *                          coefficients without {@code NaN}; use {@link #covariance(int, int)}
 */
public record CoxModel(List<String> covariates, Ties ties, List<CoxCoefficient> coefficients,
                       List<CoxTermTest> termTests, int n, int events, int excluded, double logLikNull,
                       double logLik, TestResult likelihoodRatio, TestResult wald, TestResult score, int iterations,
                       boolean converged, List<CoxWarning> warnings, double[][] covariance) {

    public CoxModel {
        covariates = List.copyOf(covariates);
        coefficients = List.copyOf(coefficients);
        termTests = List.copyOf(termTests);
        warnings = List.copyOf(warnings);
        covariance = deepCopy(covariance);
    }

    @Override
    public double[][] covariance() {
        return deepCopy(covariance);
    }

    /** Covariance of the i-th and j-th estimated coefficients. */
    public double covariance(int i, int j) {
        return covariance[i][j];
    }

    /** The coefficient of a design column by name. */
    public Optional<CoxCoefficient> coefficient(String name) {
        return coefficients.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** SPSS's "-2 Log Likelihood" of the fitted model. */
    public double minus2LogLik() {
        return -2 * logLik;
    }

    /** True when a warning of the given kind was raised. */
    public boolean hasWarning(CoxWarning.Kind kind) {
        return warnings.stream().anyMatch(w -> w.kind() == kind);
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
