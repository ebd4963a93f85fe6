package org.tacecrf.domain.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Kaplan–Meier (product-limit) estimator of the survival function, Kaplan &amp; Meier (1958), JASA
 * 53:457–481, with Greenwood's variance. Matches R {@code survfit(Surv(time, event) ~ 1)}:
 * censorings at an event time are counted at risk for that time and leave afterwards. Times are
 * used in whatever unit they are given; subjects with a {@code NaN} time are dropped and counted.
 * Sorting once makes the fit O(n log n).
 */
public final class KaplanMeier {

    private KaplanMeier() {
    }

    /**
     * Fits the curve.
     *
     * @param time  follow-up time of each subject ({@code NaN} = missing)
     * @param event true when the follow-up ended with the event, false when censored
     */
    public static KaplanMeierFit fit(double[] time, boolean[] event) {
        if (time.length != event.length) {
            throw new IllegalArgumentException("Each time needs an event indicator.");
        }
        int n = 0;
        for (double t : time) {
            if (!Double.isNaN(t)) {
                n++;
            }
        }
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        Integer[] order = new Integer[n];
        int k = 0;
        for (int i = 0; i < time.length; i++) {
            if (!Double.isNaN(time[i])) {
                order[k] = i;
                k++;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(time[a], time[b]));
        for (int i = 0; i < n; i++) {
            t[i] = time[order[i]];
            e[i] = event[order[i]];
        }
        List<KaplanMeierStep> steps = new ArrayList<>();
        double survival = 1;
        double greenwood = 0;
        int atRisk = n;
        int i = 0;
        while (i < n) {
            double current = t[i];
            int d = 0;
            int c = 0;
            while (i < n && t[i] == current) {
                if (e[i]) {
                    d++;
                } else {
                    c++;
                }
                i++;
            }
            if (d > 0) {
                survival *= 1 - (double) d / atRisk;
                greenwood += atRisk == d ? Double.POSITIVE_INFINITY : (double) d / ((double) atRisk * (atRisk - d));
            }
            double se = survival == 0 ? Double.NaN : survival * Math.sqrt(greenwood);
            steps.add(new KaplanMeierStep(current, atRisk, d, c, survival, se, greenwood));
            atRisk -= d + c;
        }
        return new KaplanMeierFit(steps, t, time.length - n);
    }
}
