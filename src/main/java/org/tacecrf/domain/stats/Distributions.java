package org.tacecrf.domain.stats;

import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Erf;
import org.hipparchus.special.Gamma;

/**
 * Tail probabilities and quantiles of the reference distributions, computed from the regularised
 * incomplete gamma and beta functions of Hipparchus so that small p-values keep their relative
 * precision (R's {@code pchisq(x, df, lower.tail = FALSE)} rather than {@code 1 - pchisq(x, df)}).
 */
public final class Distributions {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);
    /** Absolute accuracy of numerically inverted distribution functions. */
    private static final double INVERSE_ACCURACY = 1e-14;

    private Distributions() {
    }

    /** Quantile of the standard normal distribution, R {@code qnorm(p)}. */
    public static double normalQuantile(double p) {
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /** Two-sided critical value of the standard normal for a confidence level, e.g. 1.959964 for 0.95. */
    public static double normalCritical(double level) {
        checkLevel(level);
        return normalQuantile(0.5 + level / 2);
    }

    /** Upper tail {@code P(Z > z)} of the standard normal, R {@code pnorm(z, lower.tail = FALSE)}. */
    public static double normalUpperTail(double z) {
        return 0.5 * Erf.erfc(z / Math.sqrt(2));
    }

    /** Two-sided p-value {@code P(|Z| >= |z|)} of a standard normal statistic. */
    public static double normalTwoSided(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return Erf.erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** Upper tail of the chi-square distribution, R {@code pchisq(x, df, lower.tail = FALSE)}. */
    public static double chiSquareUpperTail(double x, double df) {
        if (Double.isNaN(x) || Double.isNaN(df) || df <= 0) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(df / 2, x / 2);
    }

    /** Two-sided p-value of Student's t, R {@code 2 * pt(-abs(t), df)}. */
    public static double tTwoSided(double t, double df) {
        if (Double.isNaN(t) || Double.isNaN(df) || df <= 0) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        return Beta.regularizedBeta(df / (df + t * t), df / 2, 0.5);
    }

    /** Quantile of Student's t distribution, R {@code qt(p, df)}. */
    public static double tQuantile(double p, double df) {
        return new TDistribution(df, INVERSE_ACCURACY).inverseCumulativeProbability(p);
    }

    /** Upper tail of the F distribution, R {@code pf(f, df1, df2, lower.tail = FALSE)}. */
    public static double fUpperTail(double f, double df1, double df2) {
        if (Double.isNaN(f) || df1 <= 0 || df2 <= 0) {
            return Double.NaN;
        }
        if (f <= 0) {
            return 1.0;
        }
        return Beta.regularizedBeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
    }

    /** Quantile of the beta distribution, R {@code qbeta(p, a, b)}. */
    public static double betaQuantile(double p, double a, double b) {
        return new BetaDistribution(a, b, INVERSE_ACCURACY).inverseCumulativeProbability(p);
    }

    static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("The confidence level must be between 0 and 1.");
        }
    }
}
