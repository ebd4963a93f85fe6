package org.tacecrf.domain.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.demo.CohortSpec.Weibull;

class LifetimesTest {

    @Test
    void stratifiedDrawsTakeOneValuePerStratum() {
        double[] u = Lifetimes.stratified(50, new Random(1));
        double[] sorted = u.clone();
        Arrays.sort(sorted);
        for (int j = 0; j < 50; j++) {
            assertThat(sorted[j]).isBetween(j / 50.0, (j + 1) / 50.0);
        }
    }

    @Test
    void theCalibratedModelHasThePublishedMedian() {
        Lifetimes.Model plain = Lifetimes.Model.calibrated(new Weibull(9.0, 1.0), List.of(1.0));
        assertThat(plain.days(0.5, 1.0)).isCloseTo(9.0 * Lifetimes.DAYS_PER_MONTH, within(0.01));
        // with covariates the mixture's survival at the median is one half
        List<Double> hazards = List.of(0.5, 1.0, 1.0, 2.7, 2.7 * 1.8);
        Lifetimes.Model mixed = Lifetimes.Model.calibrated(new Weibull(9.0, 1.3), hazards);
        double median = 9.0 * Lifetimes.DAYS_PER_MONTH;
        double survival = hazards.stream().mapToDouble(h -> Math.exp(-h * Math.pow(median / mixed.lambdaDays(), 1.3))).average().orElseThrow();
        assertThat(survival).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void theSampleMedianOfStratifiedDrawsLandsOnThePublishedOne() {
        Lifetimes.Model model = Lifetimes.Model.calibrated(new Weibull(3.0, 1.0), List.of(1.0));
        double[] u = Lifetimes.stratified(88, new Random(9));
        double[] days = Arrays.stream(u).map(p -> model.days(p, 1.0)).sorted().toArray();
        double median = (days[43] + days[44]) / 2 / Lifetimes.DAYS_PER_MONTH;
        assertThat(median).isCloseTo(3.0, within(0.1));
    }

    @Test
    void correlatedDrawsKeepTheStrataAndFollowTheReference() {
        Random random = new Random(4);
        double[] reference = Lifetimes.stratified(200, random);
        double[] other = Lifetimes.correlated(reference, 0.8, random);
        double[] sorted = other.clone();
        Arrays.sort(sorted);
        for (int j = 0; j < 200; j++) {
            assertThat(sorted[j]).isBetween(j / 200.0, (j + 1) / 200.0);
        }
        assertThat(new org.hipparchus.stat.correlation.SpearmansCorrelation().correlation(reference, other)).isGreaterThan(0.6);
    }
}
