package org.tacecrf.domain.stats;

/**
 * One distinct observed time of a Kaplan–Meier curve (as a row of R {@code summary(fit, censored =
 * TRUE)}).
 *
 * @param time           the time
 * @param atRisk         subjects with time >= this time
 * @param events         events at this time
 * @param censored       censorings at this time (they count as at risk for the events at the same time)
 * @param survival       S(time), product of {@code (1 - d/n)} up to and including this time
 * @param standardError  Greenwood standard error of S, {@code S sqrt(sum d / (n (n - d)))}; {@code NaN}
 *                       once S is 0 (as R)
 * @param greenwoodSum   {@code sum d / (n (n - d))} up to this time: the variance of {@code log S}
 *                       (R's {@code fit$std.err} squared); infinite once S is 0
 */
public record KaplanMeierStep(double time, int atRisk, int events, int censored, double survival,
                              double standardError, double greenwoodSum) {
}
