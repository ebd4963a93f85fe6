package org.tacecrf.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** k-group tests against R 4.2.2 and against their two-group special cases. */
class KWallisAnovaTest {

    private static final double[] X = {2.1, 3.4, 1.9, 5.0, 3.3};
    private static final double[] Y = {4.2, 4.8, 3.9, 6.1};
    private static final double[] Z = {1.1, 2.0, 2.0, 1.5, 3.3, 0.9};

    @Test
    void kruskalWallisMatchesR() {
        // g <- factor(rep(c("a","b","c"), c(5, 4, 6))); kruskal.test(c(x, y, z) ~ g)
        TestResult r = KruskalWallis.test(List.of(X, Y, Z));
        assertThat(r.statistic()).isCloseTo(8.88548387097, within(1e-9));
        assertThat(r.df()).isEqualTo(2);
        assertThat(r.pValue()).isCloseTo(0.011763639119, within(1e-10));
        assertThat(r.method()).isEqualTo("Kruskal-Wallis test");
    }

    @Test
    void oneWayAnovaMatchesR() {
        // oneway.test(c(x, y, z) ~ g, var.equal = TRUE)
        TestResult r = OneWayAnova.test(List.of(X, Y, Z));
        assertThat(r.statistic()).isCloseTo(9.87505886046, within(1e-9));
        assertThat(r.df()).isEqualTo(2);
        assertThat(r.pValue()).isCloseTo(0.00291484480791, within(1e-12));
    }

    @Test
    void withTwoGroupsTheyAgreeWithMannWhitneyAndStudent() {
        MannWhitney.Result mw = MannWhitney.test(X, Z);
        TestResult kw = KruskalWallis.test(List.of(X, Z));
        assertThat(kw.statistic()).isCloseTo(mw.z() * mw.z(), within(1e-10));
        assertThat(kw.pValue()).isCloseTo(mw.asymptoticP(), within(1e-12));
        TTestResult t = TTest.student(X, Y);
        TestResult f = OneWayAnova.test(List.of(X, Y));
        assertThat(f.statistic()).isCloseTo(t.t() * t.t(), within(1e-10));
        assertThat(f.pValue()).isCloseTo(t.pValue(), within(1e-12));
    }

    @Test
    void missingValuesAndEmptyGroupsAreLeftOut() {
        TestResult r = KruskalWallis.test(List.of(new double[]{1, Double.NaN, 2}, new double[0], new double[]{3, 4}));
        assertThat(r.df()).isEqualTo(1);
        assertThat(KruskalWallis.test(List.of(new double[]{1, 2}, new double[0])).pValue()).isNaN();
        assertThat(OneWayAnova.test(List.of(new double[]{1}, new double[]{2})).pValue()).isNaN();
    }
}
