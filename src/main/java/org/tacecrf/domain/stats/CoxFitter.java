package org.tacecrf.domain.stats;

import java.util.Arrays;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Maximises the Cox partial likelihood by Newton–Raphson, following the control settings of R's
 * {@code coxph}: covariates centred and scaled by their mean absolute deviation for stability,
 * convergence when the relative change of the log-likelihood is at most 1e-9, at most 20
 * iterations, and step halving whenever an iteration lowers the log-likelihood.
 * <p>
 * Subjects are sorted by descending time once; each evaluation walks them once and keeps the risk
 * set sums {@code S0 = sum exp(eta)}, {@code S1 = sum exp(eta) x}, {@code S2 = sum exp(eta) x x'}
 * cumulatively, so an iteration costs O(n p^2).
 */
final class CoxFitter {

    static final double EPS = 1e-9;
    static final double TOLERANCE_INFINITE = Math.sqrt(EPS);
    static final int MAX_ITERATIONS = 20;

    private final int n;
    private final int p;
    private final double[] time;
    private final boolean[] event;
    /** Row-major n x p, centred and scaled, in descending time order. */
    private final double[] x;
    private final double[] scale;
    private final Ties ties;

    /** Raw fit in the original covariate units. */
    record Fit(double[] beta, double[][] covariance, double[][] information, double[] score, double logLikNull,
               double logLik, double scoreTest, int iterations, boolean converged) {
    }

    /**
     * @param data    sorted outcome and covariate columns
     * @param columns indices of the columns of {@code data} to use
     */
    CoxFitter(CoxData data, int[] columns, Ties ties) {
        this.n = data.n();
        this.p = columns.length;
        this.time = data.time();
        this.event = data.event();
        this.ties = ties;
        this.x = new double[n * p];
        this.scale = new double[p];
        for (int k = 0; k < p; k++) {
            double[] col = data.column(columns[k]);
            double mean = 0;
            for (double v : col) {
                mean += v;
            }
            mean /= n;
            double absDev = 0;
            for (double v : col) {
                absDev += Math.abs(v - mean);
            }
            scale[k] = absDev > 0 ? n / absDev : 1.0;
            for (int i = 0; i < n; i++) {
                x[i * p + k] = (col[i] - mean) * scale[k];
            }
        }
    }

    /** Log partial likelihood, score vector and information matrix at one coefficient vector. */
    private static final class Evaluation {
        double logLik;
        final double[] u;
        final double[][] info;

        Evaluation(int p) {
            u = new double[p];
            info = new double[p][p];
        }

        boolean isFinite() {
            if (!Double.isFinite(logLik)) {
                return false;
            }
            for (int k = 0; k < u.length; k++) {
                if (!Double.isFinite(u[k])) {
                    return false;
                }
                for (double v : info[k]) {
                    if (!Double.isFinite(v)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private Evaluation evaluate(double[] beta) {
        Evaluation ev = new Evaluation(p);
        double s0 = 0;
        double[] s1 = new double[p];
        double[] s2 = new double[p * p];
        double[] d1 = new double[p];
        double[] d2 = new double[p * p];
        double[] mean = new double[p];
        int i = 0;
        while (i < n) {
            double t = time[i];
            int deaths = 0;
            double d0 = 0;
            while (i < n && time[i] == t) {
                int row = i * p;
                double eta = 0;
                for (int k = 0; k < p; k++) {
                    eta += beta[k] * x[row + k];
                }
                double risk = Math.exp(eta);
                if (event[i]) {
                    deaths++;
                    d0 += risk;
                    ev.logLik += eta;
                    for (int k = 0; k < p; k++) {
                        double xk = x[row + k];
                        ev.u[k] += xk;
                        d1[k] += risk * xk;
                        double rx = risk * xk;
                        for (int l = 0; l <= k; l++) {
                            d2[k * p + l] += rx * x[row + l];
                        }
                    }
                } else {
                    s0 += risk;
                    for (int k = 0; k < p; k++) {
                        double rx = risk * x[row + k];
                        s1[k] += rx;
                        for (int l = 0; l <= k; l++) {
                            s2[k * p + l] += rx * x[row + l];
                        }
                    }
                }
                i++;
            }
            if (deaths == 0) {
                continue;
            }
            // Breslow adds all tied deaths at once; Efron adds them in d equal parts, one term per part
            int parts = ties == Ties.BRESLOW ? 1 : deaths;
            double weight = (double) deaths / parts;
            for (int part = 0; part < parts; part++) {
                s0 += d0 / parts;
                for (int k = 0; k < p; k++) {
                    s1[k] += d1[k] / parts;
                    for (int l = 0; l <= k; l++) {
                        s2[k * p + l] += d2[k * p + l] / parts;
                    }
                }
                ev.logLik -= weight * Math.log(s0);
                for (int k = 0; k < p; k++) {
                    mean[k] = s1[k] / s0;
                    ev.u[k] -= weight * mean[k];
                    for (int l = 0; l <= k; l++) {
                        ev.info[k][l] += weight * (s2[k * p + l] / s0 - mean[k] * mean[l]);
                    }
                }
            }
            Arrays.fill(d1, 0);
            Arrays.fill(d2, 0);
        }
        for (int k = 0; k < p; k++) {
            for (int l = 0; l < k; l++) {
                ev.info[l][k] = ev.info[k][l];
            }
        }
        return ev;
    }

    /** Solver for the information matrix, or null when it is not positive definite and not invertible. */
    private static DecompositionSolver solver(double[][] info) {
        RealMatrix m = new Array2DRowRealMatrix(info, true);
        double maxDiag = 0;
        for (int k = 0; k < info.length; k++) {
            maxDiag = Math.max(maxDiag, Math.abs(info[k][k]));
        }
        try {
            return new CholeskyDecomposition(m, 1e-10, Math.max(1e-12 * maxDiag, Double.MIN_NORMAL)).getSolver();
        } catch (MathIllegalArgumentException notPositiveDefinite) {
            DecompositionSolver lu = new LUDecomposition(m).getSolver();
            return lu.isNonSingular() ? lu : null;
        }
    }

    private static double[] solve(DecompositionSolver solver, double[] u) {
        return solver.solve(new ArrayRealVector(u, false)).toArray();
    }

    /** Log partial likelihood of the model with all coefficients zero. */
    double nullLogLik() {
        return evaluate(new double[p]).logLik;
    }

    /**
     * Score statistic {@code U' I^-1 U} at the given coefficients (original units), e.g. the current
     * model's estimates padded with zeros for the candidate columns; {@code NaN} when the information
     * matrix is singular.
     */
    double scoreStatistic(double[] betaOriginal) {
        Evaluation ev = evaluate(toScaled(betaOriginal));
        DecompositionSolver s = solver(ev.info);
        if (s == null || !ev.isFinite()) {
            return Double.NaN;
        }
        double[] a = solve(s, ev.u);
        double stat = 0;
        for (int k = 0; k < p; k++) {
            stat += ev.u[k] * a[k];
        }
        return stat;
    }

    private double[] toScaled(double[] betaOriginal) {
        double[] b = new double[p];
        for (int k = 0; k < p; k++) {
            b[k] = betaOriginal[k] / scale[k];
        }
        return b;
    }

    /** Newton–Raphson from zero. */
    Fit fit() {
        double[] beta = new double[p];
        Evaluation ev = evaluate(beta);
        double logLikNull = ev.logLik;
        DecompositionSolver s = solver(ev.info);
        if (s == null) {
            return finish(beta, ev, logLikNull, Double.NaN, 0, false);
        }
        double[] step = solve(s, ev.u);
        double scoreTest = 0;
        for (int k = 0; k < p; k++) {
            scoreTest += ev.u[k] * step[k];
        }
        double best = logLikNull;
        double[] next = new double[p];
        for (int k = 0; k < p; k++) {
            next[k] = beta[k] + step[k];
        }
        int halving = 0;
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            Evaluation trial = evaluate(next);
            DecompositionSolver trialSolver = trial.isFinite() ? solver(trial.info) : null;
            boolean usable = trialSolver != null;
            if (usable && Math.abs(1 - best / trial.logLik) <= EPS) {
                return finish(next, trial, logLikNull, scoreTest, iteration, true);
            }
            if (!usable || trial.logLik < best) {
                halving++;
                for (int k = 0; k < p; k++) {
                    next[k] = (next[k] + halving * beta[k]) / (halving + 1.0);
                }
            } else {
                halving = 0;
                best = trial.logLik;
                double[] delta = solve(trialSolver, trial.u);
                for (int k = 0; k < p; k++) {
                    beta[k] = next[k];
                    next[k] = beta[k] + delta[k];
                }
            }
        }
        return finish(beta, evaluate(beta), logLikNull, scoreTest, MAX_ITERATIONS, false);
    }

    /** Converts the scaled solution back to original units and inverts the information matrix. */
    private Fit finish(double[] betaScaled, Evaluation ev, double logLikNull, double scoreTest, int iterations,
                       boolean converged) {
        double[] beta = new double[p];
        double[] u = new double[p];
        double[][] info = new double[p][p];
        double[][] cov = new double[p][p];
        DecompositionSolver s = ev.isFinite() ? solver(ev.info) : null;
        RealMatrix inverse = s == null ? null : s.getInverse();
        for (int k = 0; k < p; k++) {
            beta[k] = betaScaled[k] * scale[k];
            u[k] = ev.u[k] / scale[k];
            for (int l = 0; l < p; l++) {
                info[k][l] = ev.info[k][l] / (scale[k] * scale[l]);
                cov[k][l] = inverse == null ? Double.NaN : inverse.getEntry(k, l) * scale[k] * scale[l];
            }
        }
        return new Fit(beta, cov, info, u, logLikNull, ev.logLik, scoreTest, iterations, converged);
    }
}
