package org.tacecrf.domain.stats;

/**
 * How a survival quantile (median, quartiles) and its confidence interval are obtained from a
 * Kaplan–Meier curve.
 */
public enum SurvivalQuantileMethod {

    /**
     * R {@code print(survfit(...))} with the default {@code conf.type = "log"}: the estimate is the
     * first time the curve is at or below {@code 1 - p}; the confidence limits are the first times the
     * upper and lower pointwise log-transformed limits are at or below {@code 1 - p} (Brookmeyer &amp;
     * Crowley 1982, Biometrics 38:29–41). Where a curve equals {@code 1 - p} exactly (within
     * {@code sqrt(machine epsilon)}) over a flat stretch, the midpoint between the start of the stretch
     * and the next drop is taken. A limit the curve never reaches is "not reached".
     */
    R_LOG(SurvivalCiType.LOG),

    /** As {@link #R_LOG} with R {@code conf.type = "log-log"} pointwise limits. */
    R_LOG_LOG(SurvivalCiType.LOG_LOG),

    /** As {@link #R_LOG} with R {@code conf.type = "plain"} pointwise limits. */
    R_PLAIN(SurvivalCiType.PLAIN),

    /**
     * The symmetric interval SPSS KM prints in "Means and Medians for Survival Time" and in the
     * percentiles table: estimate {@code t_p = min{t_j : S(t_j) <= 1 - p}}, interval
     * {@code t_p +- z SE(t_p)} with {@code SE(t_p) = SE_Greenwood(S(t_p)) / f}, where the density is
     * estimated as {@code f = (S(u) - S(l)) / (l - u)}, u the largest event time with
     * {@code S(u) >= 1 - p + 0.05} (the origin with S = 1 when there is none) and l the smallest
     * event time with {@code S(l) <= 1 - p - 0.05}. This is the "crude" uniform-kernel estimator of
     * Klein &amp; Moeschberger (Survival Analysis, 2nd ed., 2003, section 4.5, Practical Note 3) and
     * Collett (Modelling Survival Data in Medical Research, section 2.4), which the "KM Algorithms"
     * chapter of the IBM SPSS Statistics Algorithms manual is reported to use. The IBM document
     * itself could not be consulted and the numbers have not been compared with SPSS output: treat
     * the SE as unverified against SPSS. When l does not exist the SE and the interval are not
     * estimable.
     */
    SPSS_SYMMETRIC(SurvivalCiType.PLAIN);

    private final SurvivalCiType pointwise;

    SurvivalQuantileMethod(SurvivalCiType pointwise) {
        this.pointwise = pointwise;
    }

    /** Pointwise interval type inverted by the R methods. */
    SurvivalCiType pointwise() {
        return pointwise;
    }
}
