package org.tacecrf.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tacecrf.domain.stats.Fixtures.ESTIMATE;
import static org.tacecrf.domain.stats.Fixtures.P_VALUE;
import static org.tacecrf.domain.stats.Fixtures.close;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TTestTest {

    private final Fixtures.Table lung = Fixtures.lung();
    // a <- lung$age[lung$sex == 1]; b <- lung$age[lung$sex == 2]
    private final double[] men = lung.numbersWhere("age", "sex", "1"::equals);
    private final double[] women = lung.numbersWhere("age", "sex", "2"::equals);

    @Test
    void studentPooledVariance() {
        TTestResult r = TTest.student(men, women); // t.test(a, b, var.equal = TRUE)
        close(r.t(), 1.85043463239555, ESTIMATE);
        assertThat(r.df()).isEqualTo(226);
        close(r.pValue(), 0.0655560708124356, P_VALUE);
        close(r.confidenceInterval().lower(), -0.146841663598129, ESTIMATE);
        close(r.confidenceInterval().upper(), 4.67244552833244, ESTIMATE);
        close(r.mean1(), 63.3405797101449, ESTIMATE);
        close(r.mean2(), 61.0777777777778, ESTIMATE);
        close(r.meanDifference(), 63.3405797101449 - 61.0777777777778, ESTIMATE);
        assertThat(r.n1()).isEqualTo(138);
        assertThat(r.n2()).isEqualTo(90);
    }

    @Test
    void welchUnequalVariances() {
        TTestResult r = TTest.welch(men, women); // t.test(a, b)
        close(r.t(), 1.86317615138459, ESTIMATE);
        close(r.df(), 194.715498281385, ESTIMATE);
        close(r.pValue(), 0.0639433611988746, P_VALUE);
        close(r.confidenceInterval().lower(), -0.132434745204871, ESTIMATE);
        close(r.confidenceInterval().upper(), 4.65803860993918, ESTIMATE);
    }

    @Test
    void pairedOnCompletePairs() {
        TTestResult r = TTest.paired(lung.numbers("ph.karno"), lung.numbers("pat.karno")); // t.test(..., paired = TRUE)
        assertThat(r.n1()).isEqualTo(224);
        close(r.t(), 2.35912887211809, ESTIMATE);
        assertThat(r.df()).isEqualTo(223);
        close(r.pValue(), 0.0191815587686084, P_VALUE);
        close(r.meanDifference(), 2.09821428571429, ESTIMATE);
        close(r.confidenceInterval().lower(), 0.345505973436208, ESTIMATE);
        close(r.confidenceInterval().upper(), 3.85092259799236, ESTIMATE);
    }

    @Test
    void tooFewObservationsGiveNoTest() {
        TTestResult r = TTest.student(new double[] {1}, new double[] {2});
        assertThat(r.pValue()).isNaN();
        assertThat(r.confidenceInterval().isDefined()).isFalse();
        assertThat(TTest.welch(new double[] {1, 2}, new double[] {3}).pValue()).isNaN();
    }

    @Test
    void leveneMeanCentredAsSpss() {
        // anova(lm(abs(age - ave(age, sex)) ~ factor(sex)))
        LeveneTest.Result r = LeveneTest.meanCentred(men, women);
        close(r.f(), 0.00152993983461571, ESTIMATE);
        assertThat(r.df1()).isEqualTo(1);
        assertThat(r.df2()).isEqualTo(226);
        close(r.pValue(), 0.96883367423013, P_VALUE);
    }

    @Test
    void leveneWithFourGroupsAndMissingValues() {
        // wt.loss by ph.ecog (0-3), complete cases: F = 4.45871031691034 on 3 and 209 df
        double[] weightLoss = lung.numbers("wt.loss");
        String[] ecog = lung.texts("ph.ecog");
        List<double[]> groups = new ArrayList<>();
        for (String level : List.of("0", "1", "2", "3")) {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < ecog.length; i++) {
                if (level.equals(ecog[i])) {
                    values.add(weightLoss[i]);
                }
            }
            groups.add(values.stream().mapToDouble(Double::doubleValue).toArray());
        }
        LeveneTest.Result r = LeveneTest.meanCentred(groups);
        close(r.f(), 4.45871031691034, ESTIMATE);
        assertThat(r.df1()).isEqualTo(3);
        assertThat(r.df2()).isEqualTo(209);
        close(r.pValue(), 0.00464457965409162, P_VALUE);
    }
}
