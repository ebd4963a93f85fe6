package org.tacecrf.domain.stats;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A fitted Kaplan–Meier curve: its steps, survival at chosen times, numbers at risk, quantiles with
 * confidence intervals under R's and SPSS's conventions, and the restricted mean. Immutable.
 */
public final class KaplanMeierFit {

    /** R's tolerance for "the curve equals 1 - p": {@code sqrt(.Machine$double.eps)}. */
    private static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));
    /** Half-width in survival probability of the SPSS density estimate around a quantile. */
    private static final double SPSS_DENSITY_WINDOW = 0.05;

    private final List<KaplanMeierStep> steps;
    private final double[] sortedTimes;
    private final int missing;
    private final int events;

    KaplanMeierFit(List<KaplanMeierStep> steps, double[] sortedTimes, int missing) {
        this.steps = List.copyOf(steps);
        this.sortedTimes = sortedTimes;
        this.missing = missing;
        this.events = steps.stream().mapToInt(KaplanMeierStep::events).sum();
    }

    /** One row per distinct observed time, in ascending order. */
    public List<KaplanMeierStep> steps() {
        return steps;
    }

    /** Subjects used. */
    public int n() {
        return sortedTimes.length;
    }

    /** Events observed. */
    public int events() {
        return events;
    }

    /** Subjects censored. */
    public int censored() {
        return n() - events;
    }

    /** Subjects dropped because their time was missing. */
    public int missing() {
        return missing;
    }

    /** Number at risk at time t: subjects whose time is at least t (for risk tables under a plot). */
    public int atRisk(double t) {
        int idx = Arrays.binarySearch(sortedTimes, t);
        if (idx < 0) {
            return sortedTimes.length - (-idx - 1);
        }
        while (idx > 0 && sortedTimes[idx - 1] == t) {
            idx--;
        }
        return sortedTimes.length - idx;
    }

    /** Numbers at risk at several times, e.g. the ticks of a plot's time axis. */
    public int[] atRisk(double... times) {
        int[] out = new int[times.length];
        for (int i = 0; i < times.length; i++) {
            out[i] = atRisk(times[i]);
        }
        return out;
    }

    /** Index of the last step at or before t, -1 before the first step. */
    private int stepAt(double t) {
        int lo = 0;
        int hi = steps.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (steps.get(mid).time() <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /**
     * Survival at time t with a pointwise confidence interval (R {@code summary(fit, times = t)}).
     * Before the first observed time S = 1; after the last observed time the curve is not estimated
     * and the result is {@code NaN}.
     */
    public SurvivalEstimate survivalAt(double t, SurvivalCiType type, double level) {
        Distributions.checkLevel(level);
        int at = atRisk(t);
        if (steps.isEmpty() || t > steps.get(steps.size() - 1).time()) {
            return new SurvivalEstimate(t, Double.NaN, Double.NaN, ConfidenceInterval.undefined(level), type, at);
        }
        int idx = stepAt(t);
        if (idx < 0) {
            return new SurvivalEstimate(t, 1.0, 0.0, type.interval(1.0, 0.0, level), type, at);
        }
        KaplanMeierStep s = steps.get(idx);
        return new SurvivalEstimate(t, s.survival(), s.standardError(), type.interval(s.survival(), s.greenwoodSum(), level),
                type, at);
    }

    /** Survival at time t with R's default log-transformed 95% interval. */
    public SurvivalEstimate survivalAt(double t) {
        return survivalAt(t, SurvivalCiType.LOG, 0.95);
    }

    /** The median survival time with a 95% interval by the given method. */
    public SurvivalQuantile median(SurvivalQuantileMethod method) {
        return quantile(0.5, method, 0.95);
    }

    /**
     * The time by which a fraction p of subjects has had the event (p = 0.25, 0.5, 0.75 for the
     * quartiles SPSS prints), with its confidence interval.
     */
    public SurvivalQuantile quantile(double p, SurvivalQuantileMethod method, double level) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("The probability must be strictly between 0 and 1.");
        }
        Distributions.checkLevel(level);
        return method == SurvivalQuantileMethod.SPSS_SYMMETRIC ? spssQuantile(p, level) : rQuantile(p, method, level);
    }

    private SurvivalQuantile rQuantile(double p, SurvivalQuantileMethod method, double level) {
        int m = steps.size();
        double[] times = new double[m];
        double[] surv = new double[m];
        double[] lower = new double[m];
        double[] upper = new double[m];
        for (int i = 0; i < m; i++) {
            KaplanMeierStep s = steps.get(i);
            times[i] = s.time();
            surv[i] = s.survival();
            ConfidenceInterval ci = method.pointwise().interval(s.survival(), s.greenwoodSum(), level);
            lower[i] = ci.lower();
            upper[i] = ci.upper();
        }
        double target = 1 - p;
        // the lower survival limit reaches 1 - p first and so gives the lower limit of the quantile
        return new SurvivalQuantile(p, firstCrossing(times, surv, target), OptionalDouble.empty(),
                firstCrossing(times, lower, target), firstCrossing(times, upper, target), level, method);
    }

    /**
     * R's rule (survival package, print.survfit): the first time the curve is below
     * {@code target + tol}; if it equals the target there and drops further later, the midpoint with
     * the time of the next drop. Missing points (undefined limits) are skipped.
     */
    private static OptionalDouble firstCrossing(double[] times, double[] curve, double target) {
        int first = -1;
        for (int i = 0; i < curve.length; i++) {
            if (!Double.isNaN(curve[i]) && curve[i] < target + TOLERANCE) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return OptionalDouble.empty();
        }
        if (Math.abs(curve[first] - target) < TOLERANCE) {
            for (int i = first + 1; i < curve.length; i++) {
                if (!Double.isNaN(curve[i]) && curve[i] < curve[first]) {
                    return OptionalDouble.of((times[first] + times[i]) / 2);
                }
            }
        }
        return OptionalDouble.of(times[first]);
    }

    private SurvivalQuantile spssQuantile(double p, double level) {
        SurvivalQuantileMethod method = SurvivalQuantileMethod.SPSS_SYMMETRIC;
        double target = 1 - p;
        int at = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).survival() <= target + TOLERANCE) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return new SurvivalQuantile(p, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), level, method);
        }
        KaplanMeierStep estimate = steps.get(at);
        double upperTime = 0;
        double upperSurvival = 1;
        double lowerTime = Double.NaN;
        double lowerSurvival = Double.NaN;
        for (KaplanMeierStep s : steps) {
            if (s.events() == 0) {
                continue;
            }
            if (s.survival() >= target + SPSS_DENSITY_WINDOW - TOLERANCE) {
                upperTime = s.time();
                upperSurvival = s.survival();
            }
            if (Double.isNaN(lowerTime) && s.survival() <= target - SPSS_DENSITY_WINDOW + TOLERANCE) {
                lowerTime = s.time();
                lowerSurvival = s.survival();
            }
        }
        double density = (upperSurvival - lowerSurvival) / (lowerTime - upperTime);
        double se = estimate.survival() * Math.sqrt(estimate.greenwoodSum()) / density;
        OptionalDouble seOpt = OptionalDouble.empty();
        OptionalDouble lo = OptionalDouble.empty();
        OptionalDouble hi = OptionalDouble.empty();
        if (Double.isFinite(se)) {
            double half = Distributions.normalCritical(level) * se;
            seOpt = OptionalDouble.of(se);
            lo = OptionalDouble.of(estimate.time() - half);
            hi = OptionalDouble.of(estimate.time() + half);
        }
        return new SurvivalQuantile(p, OptionalDouble.of(estimate.time()), seOpt, lo, hi, level, method);
    }

    /**
     * Restricted mean survival time up to tau with a 95% interval (R {@code print(fit, rmean = tau)}).
     * With tau = the largest observed time this is the mean SPSS prints ("limited to the largest
     * survival time if it is censored").
     */
    public RestrictedMean restrictedMean(double tau) {
        return restrictedMean(tau, 0.95);
    }

    /** Restricted mean survival time up to tau with an interval at the given level. */
    public RestrictedMean restrictedMean(double tau, double level) {
        Distributions.checkLevel(level);
        if (steps.isEmpty()) {
            return new RestrictedMean(tau, Double.NaN, Double.NaN, ConfidenceInterval.undefined(level));
        }
        double start = Math.min(0, steps.get(0).time());
        // integrate right to left: tailArea[i] is the area under the curve from step i to tau
        int last = stepAt(tau);
        double[] tailArea = new double[last + 1];
        double previousTime = tau;
        double tail = 0;
        for (int i = last; i >= 0; i--) {
            KaplanMeierStep s = steps.get(i);
            tail += (previousTime - s.time()) * s.survival();
            tailArea[i] = tail;
            previousTime = s.time();
        }
        double area = tail + (previousTime - start);
        double variance = 0;
        for (int i = 0; i <= last; i++) {
            KaplanMeierStep s = steps.get(i);
            int remaining = s.atRisk() - s.events();
            if (s.events() > 0 && remaining > 0) {
                variance += tailArea[i] * tailArea[i] * s.events() / ((double) s.atRisk() * remaining);
            }
        }
        double se = Math.sqrt(variance);
        return new RestrictedMean(tau, area, se, ConfidenceInterval.wald(area, se, level));
    }

    /** Restricted mean up to the largest observed time (SPSS's "Mean" survival time). */
    public RestrictedMean restrictedMean() {
        if (steps.isEmpty()) {
            return new RestrictedMean(Double.NaN, Double.NaN, Double.NaN, ConfidenceInterval.undefined(0.95));
        }
        return restrictedMean(steps.get(steps.size() - 1).time());
    }
}
