package org.tacecrf.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tacecrf.domain.stats.Fixtures.ESTIMATE;
import static org.tacecrf.domain.stats.Fixtures.close;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class DescriptivesTest {

    // x <- c(2, 4, 4, 5, 7, 9, 10, 12, NA)
    private static final double[] SMALL = {2, 4, 4, 5, 7, 9, 10, 12, Double.NaN};

    @Test
    void countsMeanAndSdWithMissingDropped() {
        Descriptives d = Descriptives.of(SMALL);
        assertThat(d.n()).isEqualTo(8);
        assertThat(d.missing()).isEqualTo(1);
        close(d.mean(), 6.625, ESTIMATE);                 // mean(x, na.rm = TRUE)
        close(d.standardDeviation(), 3.46152319898955, ESTIMATE); // sd(x, na.rm = TRUE)
        assertThat(d.min()).isEqualTo(2);
        assertThat(d.max()).isEqualTo(12);
        assertThat(d.median()).isEqualTo(6);
    }

    @Test
    void quartilesFollowTheNamedDefinitionSideBySide() {
        Descriptives d = Descriptives.of(SMALL);
        // quantile(x, c(.25, .5, .75), type = 6, na.rm = TRUE) -> SPSS HAVERAGE
        assertThat(d.spssQuartiles()).isEqualTo(new Quartiles(4, 6, 9.75, QuantileDefinition.SPSS_HAVERAGE));
        // quantile(x, c(.25, .5, .75), na.rm = TRUE) (type 7, R default)
        assertThat(d.rQuartiles()).isEqualTo(new Quartiles(4, 6, 9.25, QuantileDefinition.R_TYPE_7));
        assertThat(d.quartiles(QuantileDefinition.SPSS_HAVERAGE).iqr()).isEqualTo(5.75);
        assertThat(d.quartiles(QuantileDefinition.R_TYPE_7).iqr()).isEqualTo(5.25);
    }

    @Test
    void confidenceIntervalOfTheMean() {
        ConfidenceInterval ci = Descriptives.of(SMALL).meanConfidenceInterval(0.95);
        close(ci.lower(), 3.73109418493813, ESTIMATE); // t.test(x)$conf.int
        close(ci.upper(), 9.51890581506187, ESTIMATE);
    }

    @Test
    void lungData() {
        Fixtures.Table lung = Fixtures.lung();
        Descriptives age = Descriptives.of(lung.numbers("age"));
        close(age.mean(), 62.4473684210526, ESTIMATE);            // mean(lung$age)
        close(age.standardDeviation(), 9.07345657341562, ESTIMATE); // sd(lung$age)
        assertThat(age.spssQuartiles()).isEqualTo(new Quartiles(56, 63, 69, QuantileDefinition.SPSS_HAVERAGE));
        Descriptives weightLoss = Descriptives.of(lung.numbers("wt.loss"));
        assertThat(weightLoss.n()).isEqualTo(214);
        assertThat(weightLoss.missing()).isEqualTo(14);
        close(weightLoss.mean(), 9.83177570093458, ESTIMATE);
        close(weightLoss.standardDeviation(), 13.1399015876639, ESTIMATE);
        // quantile(lung$wt.loss, c(.25,.5,.75), type = 6 / 7, na.rm = TRUE)
        assertThat(weightLoss.spssQuartiles().q3()).isEqualTo(16);
        assertThat(weightLoss.rQuartiles().q3()).isEqualTo(15.75);
        assertThat(weightLoss.rQuartiles().q1()).isEqualTo(0);
    }

    @Test
    void tinyAndEmptySamplesGiveNaNInsteadOfNumbers() {
        Descriptives one = Descriptives.of(new double[] {5});
        assertThat(one.mean()).isEqualTo(5);
        assertThat(one.standardDeviation()).isNaN();
        assertThat(one.spssQuartiles().q1()).isEqualTo(5);
        assertThat(one.meanConfidenceInterval(0.95).isDefined()).isFalse();
        Descriptives none = Descriptives.of(new double[] {Double.NaN});
        assertThat(none.n()).isZero();
        assertThat(none.missing()).isEqualTo(1);
        assertThat(none.mean()).isNaN();
        assertThat(none.median()).isNaN();
    }

    @Test
    void collectionsTreatNullAsMissing() {
        Descriptives d = Descriptives.of(Arrays.asList(1, null, 3));
        assertThat(d.n()).isEqualTo(2);
        assertThat(d.missing()).isEqualTo(1);
        assertThat(d.mean()).isEqualTo(2);
    }

    @Test
    void frequencyTableAsSpssPrintsIt() {
        // table(lung$ph.ecog, useNA = "ifany"): 0:63 1:113 2:50 3:1 NA:1
        List<String> ecog = Arrays.stream(Fixtures.lung().texts("ph.ecog")).toList();
        FrequencyTable<String> table = FrequencyTable.of(ecog, List.of("0", "1", "2", "3", "4"));
        assertThat(table.valid()).isEqualTo(227);
        assertThat(table.missing()).isEqualTo(1);
        assertThat(table.rows()).extracting(FrequencyTable.Row::count).containsExactly(63, 113, 50, 1, 0);
        FrequencyTable.Row<String> first = table.rows().get(0);
        close(first.percent(), 100.0 * 63 / 228, 1e-12);
        close(first.validPercent(), 100.0 * 63 / 227, 1e-12);
        close(table.rows().get(4).cumulativePercent(), 100, 1e-12);
    }

    @Test
    void frequencyTableInNaturalOrderAppendsUnlistedValues() {
        FrequencyTable<String> natural = FrequencyTable.of(Arrays.asList("b", "a", "b", null));
        assertThat(natural.rows()).extracting(FrequencyTable.Row::value).containsExactly("a", "b");
        FrequencyTable<String> listed = FrequencyTable.of(List.of("x", "y", "z"), List.of("y"));
        assertThat(listed.rows()).extracting(FrequencyTable.Row::value).containsExactly("y", "x", "z");
    }
}
