package org.tacecrf.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tacecrf.domain.stats.Fixtures.ESTIMATE;
import static org.tacecrf.domain.stats.Fixtures.P_VALUE;
import static org.tacecrf.domain.stats.Fixtures.close;

import org.junit.jupiter.api.Test;

class RankTestsTest {

    private final Fixtures.Table lung = Fixtures.lung();

    @Test
    void mannWhitneyAsymptoticWithTiesAsSpss() {
        double[] men = lung.numbersWhere("age", "sex", "1"::equals);
        double[] women = lung.numbersWhere("age", "sex", "2"::equals);
        MannWhitney.Result r = MannWhitney.test(men, women);
        assertThat(r.ties()).isTrue();
        close(r.u1(), 7136.5, ESTIMATE);                        // wilcox.test(a, b, exact = FALSE, correct = FALSE)$statistic
        close(r.asymptoticP(), 0.0568723825517504, P_VALUE);   // ... $p.value
        close(r.correctedP(), 0.0570062814517115, P_VALUE);    // wilcox.test(a, b, exact = FALSE)$p.value
        assertThat(r.u()).isEqualTo(138 * 90 - 7136.5);
        assertThat(r.exactP()).isNaN();
        assertThat(r.rankSum1() + r.rankSum2()).isEqualTo(228 * 229 / 2.0);
        assertThat(r.wilcoxonW()).isEqualTo(r.rankSum2()); // the smaller group
    }

    @Test
    void mannWhitneyExactWithoutTies() {
        double[] x = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
        double[] y = {1.15, 0.88, 0.90, 0.74, 1.21};
        MannWhitney.Result r = MannWhitney.test(x, y);
        assertThat(r.u1()).isEqualTo(35);                       // wilcox.test(x, y)$statistic
        close(r.exactP(), 0.254412254412254, P_VALUE);          // wilcox.test(x, y)$p.value (exact)
        close(r.asymptoticP(), 0.220671361919847, P_VALUE);     // exact = FALSE, correct = FALSE
        MannWhitney.Result extreme = MannWhitney.test(new double[] {1, 2, 3}, new double[] {4, 5, 6, 7});
        assertThat(extreme.u1()).isZero();
        close(extreme.exactP(), 0.0571428571428571, P_VALUE);  // 2 / choose(7, 3)
    }

    @Test
    void signedRankDropsZerosAndCorrectsTies() {
        WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(lung.numbers("ph.karno"), lung.numbers("pat.karno"));
        assertThat(r.pairs()).isEqualTo(224);
        assertThat(r.zeros()).isEqualTo(57);
        assertThat(r.positive()).isEqualTo(96);
        assertThat(r.negative()).isEqualTo(71);
        // wilcox.test(ph.karno, pat.karno, paired = TRUE, exact = FALSE, correct = FALSE)
        close(r.positiveRankSum(), 8441, ESTIMATE);
        close(r.asymptoticP(), 0.0177547245242163, P_VALUE);
        close(r.correctedP(), 0.0177946619880794, P_VALUE);  // correct = TRUE
        assertThat(r.exactP()).isNaN();
    }

    @Test
    void signedRankExactForSmallSamples() {
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
        WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(x, y);
        assertThat(r.positiveRankSum()).isEqualTo(40);           // wilcox.test(x, y, paired = TRUE)$statistic
        close(r.exactP(), 0.0390625, P_VALUE);                   // ... $p.value (exact)
        close(r.asymptoticP(), 0.0381517101734152, P_VALUE);     // exact = FALSE, correct = FALSE
    }

    @Test
    void allDifferencesZeroGiveNoTest() {
        WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(new double[] {1, 2}, new double[] {1, 2});
        assertThat(r.n()).isZero();
        assertThat(r.asymptoticP()).isNaN();
    }
}
