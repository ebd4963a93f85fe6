package org.tacecrf.domain.stats;

/**
 * Restricted mean survival time: the area under the Kaplan–Meier curve from 0 to tau.
 *
 * @param tau                the horizon
 * @param estimate           area under S(t) on [0, tau]
 * @param standardError      {@code sqrt(sum_j A_j^2 d_j / (n_j (n_j - d_j)))} over times up to tau, with
 *                           {@code A_j} the area under the curve from {@code t_j} to tau (R
 *                           {@code print(fit, rmean = tau)})
 * @param confidenceInterval estimate +- z SE
 */
public record RestrictedMean(double tau, double estimate, double standardError, ConfidenceInterval confidenceInterval) {
}
