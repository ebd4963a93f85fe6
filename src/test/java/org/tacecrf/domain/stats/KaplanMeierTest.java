package org.tacecrf.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tacecrf.domain.stats.Fixtures.ESTIMATE;
import static org.tacecrf.domain.stats.Fixtures.close;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KaplanMeierTest {

    private static KaplanMeierFit lung() {
        Fixtures.Table lung = Fixtures.lung();
        return KaplanMeier.fit(lung.numbers("time"), Fixtures.events(lung.numbers("status"), 2));
    }

    private static boolean[] flags(int... status) {
        boolean[] e = new boolean[status.length];
        for (int i = 0; i < status.length; i++) {
            e[i] = status[i] == 1;
        }
        return e;
    }

    private static void interval(SurvivalQuantile q, double estimate, double lower, double upper) {
        assertThat(q.time()).hasValue(estimate);
        assertThat(q.lower()).hasValue(lower);
        assertThat(q.upper()).hasValue(upper);
    }

    @Test
    void stepsMatchSurvfit() {
        KaplanMeierFit fit = lung();
        assertThat(fit.n()).isEqualTo(228);
        assertThat(fit.events()).isEqualTo(165);
        assertThat(fit.steps()).hasSize(186); // length(fit$time): event and censoring times
        // summary(survfit(Surv(time, status) ~ 1, data = lung)), first five event times
        var events = fit.steps().stream().filter(s -> s.events() > 0).limit(5).toList();
        assertThat(events).extracting(KaplanMeierStep::time).containsExactly(5.0, 11.0, 12.0, 13.0, 15.0);
        assertThat(events).extracting(KaplanMeierStep::atRisk).containsExactly(228, 227, 224, 223, 221);
        assertThat(events).extracting(KaplanMeierStep::events).containsExactly(1, 3, 1, 2, 1);
        double[] surv = {0.995614035087719, 0.982456140350877, 0.978070175438596, 0.969298245614035, 0.964912280701754};
        double[] se = {0.00437633599855315, 0.00869464259269039, 0.00969918321667634, 0.0114246495327237,
                0.0121858004892762};
        close(events.stream().mapToDouble(KaplanMeierStep::survival).toArray(), surv, ESTIMATE);
        close(events.stream().mapToDouble(KaplanMeierStep::standardError).toArray(), se, ESTIMATE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // method, lower, upper from print(survfit(Surv(time, status) ~ 1, data = lung, conf.type = ...))
            "R_LOG,     285, 363",
            "R_PLAIN,   284, 361",
            "R_LOG_LOG, 284, 361"})
    void medianWithBrookmeyerCrowleyIntervals(SurvivalQuantileMethod method, double lower, double upper) {
        interval(lung().median(method), 310, lower, upper);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // quantile(survfit(..., conf.type = ...), c(.25, .75)): estimate, lower, upper for 25% then 75%
            "R_LOG,     170, 145, 197, 550, 460, 654",
            "R_PLAIN,   170, 145, 197, 550, 457, 643",
            "R_LOG_LOG, 170, 144, 194, 550, 457, 643"})
    void quartilesOfSurvivalTime(SurvivalQuantileMethod method, double q1, double q1Lower, double q1Upper, double q3,
                                 double q3Lower, double q3Upper) {
        KaplanMeierFit fit = lung();
        interval(fit.quantile(0.25, method, 0.95), q1, q1Lower, q1Upper);
        interval(fit.quantile(0.75, method, 0.95), q3, q3Lower, q3Upper);
    }

    @Test
    void spssSymmetricMedianInterval() {
        // Hand computation of the Klein & Moeschberger / Collett density estimate on the KM table
        // (reference-values.R, function spss()): median 310, SE 21.7725076520478
        SurvivalQuantile median = lung().median(SurvivalQuantileMethod.SPSS_SYMMETRIC);
        assertThat(median.time()).hasValue(310);
        close(median.standardError().getAsDouble(), 21.7725076520478, ESTIMATE);
        close(median.lower().getAsDouble(), 267.326669148864, ESTIMATE);
        close(median.upper().getAsDouble(), 352.673330851136, ESTIMATE);
        SurvivalQuantile q3 = lung().quantile(0.75, SurvivalQuantileMethod.SPSS_SYMMETRIC, 0.95);
        close(q3.standardError().getAsDouble(), 49.402559691912, ESTIMATE);
        // Gehan's placebo group (21 relapses, no censoring): 8 +- 1.96 * 1.66904592079256
        double[] placebo = {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23};
        boolean[] relapse = new boolean[placebo.length];
        Arrays.fill(relapse, true);
        SurvivalQuantile gehan = KaplanMeier.fit(placebo, relapse).median(SurvivalQuantileMethod.SPSS_SYMMETRIC);
        assertThat(gehan.time()).hasValue(8);
        close(gehan.standardError().getAsDouble(), 1.66904592079256, ESTIMATE);
        close(gehan.lower().getAsDouble(), 4.72873010670309, ESTIMATE);
        // R's interval for the same data is (4, 12): print(survfit(Surv(placebo, rep(1, 21)) ~ 1))
        interval(KaplanMeier.fit(placebo, relapse).median(SurvivalQuantileMethod.R_LOG), 8, 4, 12);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // summary(survfit(..., conf.type = ...), times = c(183, 365, 730)): lower and upper at each time
            "LOG,     0.646362369485984, 0.765722085791577, 0.344721581795827, 0.485837603547281, 0.0716318249617963, 0.186856791819807",
            "PLAIN,   0.643906906758733, 0.763123926933256, 0.339028583847676, 0.479454665072453, 0.0602296507744505, 0.171156545914628",
            "LOG_LOG, 0.639240908613965, 0.758531785481384, 0.338714269088323, 0.478380767646914, 0.0676321514888291, 0.177825199700288"})
    void landmarkSurvivalWithEachIntervalType(SurvivalCiType type, double l6, double u6, double l12, double u12,
                                              double l24, double u24) {
        KaplanMeierFit fit = lung();
        double[] times = {183, 365, 730};
        double[] surv = {0.703515416845995, 0.409241624460064, 0.115693098344539};
        double[] se = {0.03041306399375, 0.0358236381720378, 0.0282981973176942};
        int[] atRisk = {156, 65, 13};
        double[][] limits = {{l6, u6}, {l12, u12}, {l24, u24}};
        for (int i = 0; i < 3; i++) {
            SurvivalEstimate s = fit.survivalAt(times[i], type, 0.95);
            close(s.survival(), surv[i], ESTIMATE);
            close(s.standardError(), se[i], ESTIMATE);
            close(s.confidenceInterval().lower(), limits[i][0], ESTIMATE);
            close(s.confidenceInterval().upper(), limits[i][1], ESTIMATE);
            assertThat(s.atRisk()).isEqualTo(atRisk[i]);
            assertThat(fit.atRisk(times[i])).isEqualTo(atRisk[i]);
        }
        assertThat(fit.atRisk(times)).containsExactly(atRisk);
    }

    @Test
    void restrictedMean() {
        KaplanMeierFit fit = lung();
        RestrictedMean year = fit.restrictedMean(365);             // print(fit, rmean = 365)
        close(year.estimate(), 263.221866482007, ESTIMATE);
        close(year.standardError(), 7.79885908631446, ESTIMATE);
        RestrictedMean all = fit.restrictedMean();                 // print(fit, rmean = "common")
        close(all.estimate(), 376.27474614785, ESTIMATE);
        close(all.standardError(), 19.7077914213399, ESTIMATE);
    }

    @Test
    void mediansByGroupOnBothDataSets() {
        Fixtures.Table lung = Fixtures.lung();
        double[] time = lung.numbers("time");
        boolean[] dead = Fixtures.events(lung.numbers("status"), 2);
        String[] sex = lung.texts("sex");
        // print(survfit(Surv(time, status) ~ sex, data = lung))
        interval(subset(time, dead, sex, "1").median(SurvivalQuantileMethod.R_LOG), 270, 212, 310);
        interval(subset(time, dead, sex, "2").median(SurvivalQuantileMethod.R_LOG), 426, 348, 550);
        Fixtures.Table veteran = Fixtures.veteran();
        double[] vt = veteran.numbers("time");
        boolean[] vd = Fixtures.events(veteran.numbers("status"), 1);
        interval(KaplanMeier.fit(vt, vd).median(SurvivalQuantileMethod.R_LOG), 80, 52, 105);
        String[] cell = veteran.texts("celltype");
        // print(survfit(Surv(time, status) ~ celltype, data = veteran))
        interval(subset(vt, vd, cell, "squamous").median(SurvivalQuantileMethod.R_LOG), 118, 82, 314);
        interval(subset(vt, vd, cell, "smallcell").median(SurvivalQuantileMethod.R_LOG), 51, 25, 63);
        interval(subset(vt, vd, cell, "adeno").median(SurvivalQuantileMethod.R_LOG), 51, 35, 92);
        interval(subset(vt, vd, cell, "large").median(SurvivalQuantileMethod.R_LOG), 156, 105, 231);
    }

    private static KaplanMeierFit subset(double[] time, boolean[] event, String[] group, String level) {
        int n = (int) Arrays.stream(group).filter(level::equals).count();
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        int k = 0;
        for (int i = 0; i < time.length; i++) {
            if (level.equals(group[i])) {
                t[k] = time[i];
                e[k++] = event[i];
            }
        }
        return KaplanMeier.fit(t, e);
    }

    @Test
    void censoringsAtAnEventTimeAreAtRiskForIt() {
        // survfit(Surv(c(2,2,2,3,4), c(1,0,1,1,0)) ~ 1)
        KaplanMeierFit fit = KaplanMeier.fit(new double[] {2, 2, 2, 3, 4}, flags(1, 0, 1, 1, 0));
        KaplanMeierStep first = fit.steps().get(0);
        assertThat(first.atRisk()).isEqualTo(5);
        assertThat(first.events()).isEqualTo(2);
        assertThat(first.censored()).isEqualTo(1);
        close(first.survival(), 0.6, ESTIMATE);
        close(first.standardError(), 0.219089023002066, ESTIMATE);
        assertThat(fit.steps().get(1).atRisk()).isEqualTo(2);
        close(fit.steps().get(1).standardError(), 0.238746727726266, ESTIMATE);
        assertThat(fit.survivalAt(2.5).atRisk()).isEqualTo(2); // summary(fit, times = 2.5)$n.risk
        assertThat(fit.survivalAt(2.5).survival()).isEqualTo(0.6);
    }

    @Test
    void allEventsWithTiesAndCurveReachingZero() {
        // survfit(Surv(c(1,2,2,3), c(1,1,1,1)) ~ 1): median 2, LCL 1, UCL NA
        KaplanMeierFit fit = KaplanMeier.fit(new double[] {1, 2, 2, 3}, flags(1, 1, 1, 1));
        SurvivalQuantile median = fit.median(SurvivalQuantileMethod.R_LOG);
        assertThat(median.time()).hasValue(2);
        assertThat(median.lower()).hasValue(1);
        assertThat(median.upper()).isEmpty();
        KaplanMeierStep last = fit.steps().get(2);
        assertThat(last.survival()).isZero();
        assertThat(last.standardError()).isNaN(); // summary() prints NaN
        assertThat(fit.survivalAt(3).confidenceInterval().isDefined()).isFalse();
        close(fit.survivalAt(1).confidenceInterval().lower(), 0.42593227, 1e-7);
        // quantile(fit, 0.25): S equals 0.75 exactly on [1, 2), so the midpoint 1.5
        assertThat(fit.quantile(0.25, SurvivalQuantileMethod.R_LOG, 0.95).time()).hasValue(1.5);
    }

    @Test
    void curveEndingExactlyAtOneHalfFollowsPrintSurvfit() {
        // survfit(Surv(c(1,2,3,4), c(1,1,0,0)) ~ 1): print() gives median 2 (1, NA);
        // quantile() would give 3, the midpoint with the last follow-up time
        KaplanMeierFit fit = KaplanMeier.fit(new double[] {1, 2, 3, 4}, flags(1, 1, 0, 0));
        SurvivalQuantile median = fit.median(SurvivalQuantileMethod.R_LOG);
        assertThat(median.time()).hasValue(2);
        assertThat(median.lower()).hasValue(1);
        assertThat(median.upper()).isEmpty();
        // survfit(Surv(1:6, c(1,0,1,0,1,0)) ~ 1): median 5 (3, NA)
        SurvivalQuantile other = KaplanMeier.fit(new double[] {1, 2, 3, 4, 5, 6}, flags(1, 0, 1, 0, 1, 0))
                .median(SurvivalQuantileMethod.R_LOG);
        assertThat(other.time()).hasValue(5);
        assertThat(other.lower()).hasValue(3);
        assertThat(other.upper()).isEmpty();
    }

    @Test
    void allCensoredMeansMedianNotReached() {
        KaplanMeierFit fit = KaplanMeier.fit(new double[] {1, 2, 3, 4}, flags(0, 0, 0, 0));
        assertThat(fit.events()).isZero();
        for (SurvivalQuantileMethod method : SurvivalQuantileMethod.values()) {
            SurvivalQuantile median = fit.median(method);
            assertThat(median.isReached()).isFalse();
            assertThat(median.lower()).isEmpty();
            assertThat(median.upper()).isEmpty();
        }
        assertThat(fit.survivalAt(2).survival()).isEqualTo(1);
        assertThat(fit.survivalAt(5).survival()).isNaN(); // beyond follow-up
    }

    @Test
    void singleSubjectAndEmptyInput() {
        KaplanMeierFit one = KaplanMeier.fit(new double[] {5}, flags(1)); // print(survfit(Surv(5, 1) ~ 1)): 5, NA, NA
        SurvivalQuantile median = one.median(SurvivalQuantileMethod.R_LOG);
        assertThat(median.time()).hasValue(5);
        assertThat(median.lower()).isEmpty();
        assertThat(median.upper()).isEmpty();
        assertThat(one.median(SurvivalQuantileMethod.SPSS_SYMMETRIC).standardError()).isEmpty();
        KaplanMeierFit empty = KaplanMeier.fit(new double[0], new boolean[0]);
        assertThat(empty.n()).isZero();
        assertThat(empty.steps()).isEmpty();
        assertThat(empty.median(SurvivalQuantileMethod.R_LOG).isReached()).isFalse();
        assertThat(empty.survivalAt(1).survival()).isNaN();
        assertThat(empty.atRisk(0)).isZero();
        assertThat(empty.restrictedMean().estimate()).isNaN();
    }

    @Test
    void missingTimesAreDroppedAndCounted() {
        KaplanMeierFit fit = KaplanMeier.fit(new double[] {1, Double.NaN, 3}, flags(1, 1, 0));
        assertThat(fit.n()).isEqualTo(2);
        assertThat(fit.missing()).isEqualTo(1);
        assertThat(fit.atRisk(0)).isEqualTo(2);
        assertThat(fit.survivalAt(0.5).survival()).isEqualTo(1);
    }

    @Test
    void largeInputIsFast() {
        int n = 200_000;
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            time[i] = Math.floor(random.nextDouble() * 1000);
            event[i] = random.nextBoolean();
        }
        long start = System.nanoTime();
        KaplanMeierFit fit = KaplanMeier.fit(time, event);
        fit.median(SurvivalQuantileMethod.R_LOG);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(2.0);
        assertThat(fit.steps()).hasSize(1000);
    }
}
