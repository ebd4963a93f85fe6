package org.tacecrf.domain.stats;

/**
 * Transformation used for the pointwise confidence interval of a survival probability S with
 * Greenwood variance; {@code v = sum d / (n (n - d))} is the variance of {@code log S} and z the
 * normal critical value. Formulas as R {@code survfit(conf.type = ...)}.
 */
public enum SurvivalCiType {

    /**
     * {@code exp(log S +- z sqrt(v))}, upper limit capped at 1: R's default {@code conf.type = "log"}.
     * Undefined when S = 0.
     */
    LOG("log"),

    /**
     * {@code exp(-exp(log(-log S) +- z sqrt(v) / log S))}: R {@code conf.type = "log-log"}, the
     * default of SAS and Stata. Undefined when S is 0 or 1.
     */
    LOG_LOG("log-log"),

    /**
     * {@code S +- z S sqrt(v)} (Greenwood standard error of S) clipped to [0, 1]: R
     * {@code conf.type = "plain"}; the interval SPSS users compute from the saved standard errors.
     */
    PLAIN("plain");

    private final String rName;

    SurvivalCiType(String rName) {
        this.rName = rName;
    }

    /** The name of this type as R's {@code conf.type} argument. */
    public String rName() {
        return rName;
    }

    /**
     * Confidence interval of a survival probability.
     *
     * @param survival      S(t)
     * @param greenwoodSum  {@code sum d / (n (n - d))} up to t (infinite once S reached 0)
     * @param level         confidence level
     */
    public ConfidenceInterval interval(double survival, double greenwoodSum, double level) {
        double z = Distributions.normalCritical(level);
        double se = Math.sqrt(greenwoodSum);
        switch (this) {
            case LOG -> {
                if (survival == 0 || Double.isNaN(survival)) {
                    return ConfidenceInterval.undefined(level);
                }
                double log = Math.log(survival);
                return new ConfidenceInterval(Math.exp(log - z * se), Math.min(1, Math.exp(log + z * se)), level);
            }
            case LOG_LOG -> {
                if (survival == 0 || survival == 1 || Double.isNaN(survival)) {
                    return ConfidenceInterval.undefined(level);
                }
                double log = Math.log(survival);
                double shift = z * se / log;
                double centre = Math.log(-log);
                return new ConfidenceInterval(Math.exp(-Math.exp(centre - shift)), Math.exp(-Math.exp(centre + shift)),
                        level);
            }
            default -> {
                double half = z * se * survival;
                if (Double.isNaN(half)) {
                    return ConfidenceInterval.undefined(level);
                }
                return new ConfidenceInterval(Math.max(0, survival - half), Math.min(1, survival + half), level);
            }
        }
    }
}
