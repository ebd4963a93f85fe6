package org.tacecrf.domain.stats;

import java.util.Arrays;
import java.util.Collection;

/**
 * Summary of a numeric variable: counts, mean, standard deviation with denominator {@code n - 1},
 * median, quartiles under both the SPSS and the R default definitions, minimum and maximum.
 * Statistics that need more observations than available are {@code NaN} (mean of nothing, SD of one
 * value).
 *
 * @param n                 number of non-missing values used
 * @param missing           number of missing values ({@code NaN} or {@code null}) dropped
 * @param mean              arithmetic mean
 * @param standardDeviation sample standard deviation, {@code sqrt(sum((x - mean)^2) / (n - 1))}
 * @param standardError     standard error of the mean, {@code sd / sqrt(n)}
 * @param min               smallest value
 * @param max               largest value
 * @param spssQuartiles     quartiles as SPSS prints them by default (HAVERAGE, R type 6)
 * @param rQuartiles        quartiles as R's {@code quantile()} prints them by default (type 7)
 */
public record Descriptives(int n, int missing, double mean, double standardDeviation, double standardError,
                           double min, double max, Quartiles spssQuartiles, Quartiles rQuartiles) {

    /** Summarises the values; {@code NaN} entries are counted as missing. */
    public static Descriptives of(double[] values) {
        double[] present = Values.present(values);
        Arrays.sort(present);
        int n = present.length;
        int missing = values.length - n;
        double mean = n == 0 ? Double.NaN : Values.mean(present);
        double sd = Math.sqrt(Values.variance(present));
        double min = n == 0 ? Double.NaN : present[0];
        double max = n == 0 ? Double.NaN : present[n - 1];
        return new Descriptives(n, missing, mean, sd, sd / Math.sqrt(n), min, max,
                Quartiles.of(present, QuantileDefinition.SPSS_HAVERAGE), Quartiles.of(present, QuantileDefinition.R_TYPE_7));
    }

    /** Summarises the values; {@code null} entries are counted as missing. */
    public static Descriptives of(Collection<? extends Number> values) {
        return of(values.stream().mapToDouble(v -> v == null ? Double.NaN : v.doubleValue()).toArray());
    }

    /** The median (identical under both quantile definitions). */
    public double median() {
        return spssQuartiles.median();
    }

    /** Quartiles under the requested definition. */
    public Quartiles quartiles(QuantileDefinition definition) {
        return definition == QuantileDefinition.SPSS_HAVERAGE ? spssQuartiles : rQuartiles;
    }

    /** Confidence interval of the mean from Student's t with {@code n - 1} df (R {@code t.test(x)$conf.int}). */
    public ConfidenceInterval meanConfidenceInterval(double level) {
        Distributions.checkLevel(level);
        if (n < 2) {
            return ConfidenceInterval.undefined(level);
        }
        double half = Distributions.tQuantile(0.5 + level / 2, n - 1) * standardError;
        return new ConfidenceInterval(mean - half, mean + half, level);
    }
}
