package org.tacecrf.domain.stats;

import java.util.OptionalDouble;

/**
 * A quantile of the survival time (the median for p = 0.5) with its confidence interval. Values that
 * the curve does not reach are empty: a table prints them as "not reached" (NR), never as a number.
 *
 * @param probability   p, the fraction of events: 0.5 for the median, 0.25 for the first quartile
 *                      (time by which 25% have had the event)
 * @param time          the estimate, empty when not reached
 * @param standardError standard error of the estimate, only for {@link SurvivalQuantileMethod#SPSS_SYMMETRIC}
 * @param lower         lower confidence limit, empty when not reached or not estimable
 * @param upper         upper confidence limit, empty when not reached or not estimable
 * @param level         confidence level
 * @param method        how estimate and limits were obtained
 */
public record SurvivalQuantile(double probability, OptionalDouble time, OptionalDouble standardError,
                               OptionalDouble lower, OptionalDouble upper, double level,
                               SurvivalQuantileMethod method) {

    /** True when the curve reaches {@code 1 - p}. */
    public boolean isReached() {
        return time.isPresent();
    }
}
