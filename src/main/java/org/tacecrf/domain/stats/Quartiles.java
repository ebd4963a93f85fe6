package org.tacecrf.domain.stats;

/**
 * First quartile, median and third quartile under a named {@link QuantileDefinition}.
 *
 * @param q1         25th percentile
 * @param median     50th percentile
 * @param q3         75th percentile
 * @param definition interpolation rule used
 */
public record Quartiles(double q1, double median, double q3, QuantileDefinition definition) {

    /** Interquartile range {@code q3 - q1}. */
    public double iqr() {
        return q3 - q1;
    }

    static Quartiles of(double[] sorted, QuantileDefinition definition) {
        return new Quartiles(definition.quantile(sorted, 0.25), definition.quantile(sorted, 0.5),
                definition.quantile(sorted, 0.75), definition);
    }
}
