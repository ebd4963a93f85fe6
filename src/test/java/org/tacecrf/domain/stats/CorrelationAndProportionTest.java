package org.tacecrf.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tacecrf.domain.stats.Fixtures.ESTIMATE;
import static org.tacecrf.domain.stats.Fixtures.P_VALUE;
import static org.tacecrf.domain.stats.Fixtures.close;

import org.junit.jupiter.api.Test;

class CorrelationAndProportionTest {

    private final Fixtures.Table lung = Fixtures.lung();

    @Test
    void pearsonWithFisherZInterval() {
        Correlation.Result r = Correlation.pearson(lung.numbers("age"), lung.numbers("ph.karno")); // cor.test(age, ph.karno)
        assertThat(r.n()).isEqualTo(227);
        close(r.estimate(), -0.203182071224908, ESTIMATE);
        close(r.t(), -3.11265808595956, ESTIMATE);
        assertThat(r.df()).isEqualTo(225);
        close(r.pValue(), 0.00209445405339805, P_VALUE);
        close(r.confidenceInterval().lower(), -0.324800988043461, ESTIMATE);
        close(r.confidenceInterval().upper(), -0.0749529847040041, ESTIMATE);
    }

    @Test
    void spearmanUsesTheTApproximationOfSpssAndRWithoutExact() {
        // cor.test(age, ph.karno, method = "spearman", exact = FALSE)
        Correlation.Result r = Correlation.spearman(lung.numbers("age"), lung.numbers("ph.karno"));
        close(r.estimate(), -0.199257950500409, ESTIMATE);
        close(r.pValue(), 0.00256259379934259, P_VALUE);
        double[] x = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
        double[] order = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Correlation.Result small = Correlation.spearman(x, order); // cor.test(x, 1:10, method = "spearman", exact = FALSE)
        close(small.estimate(), 0.260606060606061, ESTIMATE);
        close(small.pValue(), 0.46708905438634, P_VALUE);
    }

    @Test
    void constantVariableHasNoCorrelation() {
        Correlation.Result r = Correlation.pearson(new double[] {1, 1, 1, 1}, new double[] {1, 2, 3, 4});
        assertThat(r.estimate()).isNaN();
        assertThat(r.pValue()).isNaN();
    }

    @Test
    void clopperPearsonAndWilsonSideBySide() {
        Proportion p = new Proportion(7, 20);
        ConfidenceInterval exact = p.clopperPearson(0.95);  // binom.test(7, 20)$conf.int
        close(exact.lower(), 0.153909204784541, ESTIMATE);
        close(exact.upper(), 0.592188534532828, ESTIMATE);
        ConfidenceInterval wilson = p.wilson(0.95);         // prop.test(7, 20, correct = FALSE)$conf.int
        close(wilson.lower(), 0.181191824101082, ESTIMATE);
        close(wilson.upper(), 0.567145723314764, ESTIMATE);
        close(p.binomialTest(0.5).pValue(), 0.263175964355469, P_VALUE);  // binom.test(7, 20)$p.value
        close(p.binomialTest(0.2).pValue(), 0.0982217286134687, P_VALUE); // binom.test(7, 20, p = 0.2)$p.value
    }

    @Test
    void proportionsAtTheBoundaries() {
        ConfidenceInterval none = new Proportion(0, 20).clopperPearson(0.95); // binom.test(0, 20)$conf.int
        assertThat(none.lower()).isZero();
        close(none.upper(), 0.168433470983085, ESTIMATE);
        ConfidenceInterval all = new Proportion(20, 20).clopperPearson(0.95); // binom.test(20, 20)$conf.int
        close(all.lower(), 0.831566529016915, ESTIMATE);
        assertThat(all.upper()).isEqualTo(1);
        ConfidenceInterval wilsonNone = new Proportion(0, 20).wilson(0.95);  // prop.test(0, 20, correct = FALSE)$conf.int
        assertThat(wilsonNone.lower()).isZero();
        close(wilsonNone.upper(), 0.161125158052819, ESTIMATE);
        ConfidenceInterval rare = new Proportion(1, 1000).clopperPearson(0.95); // binom.test(1, 1000)$conf.int
        close(rare.lower(), 2.53174874912941e-05, ESTIMATE);
        close(rare.upper(), 0.00555892427982663, ESTIMATE);
        assertThat(new Proportion(0, 0).clopperPearson(0.95).isDefined()).isFalse();
    }
}
