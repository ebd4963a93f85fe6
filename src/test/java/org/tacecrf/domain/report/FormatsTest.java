package org.tacecrf.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {

    private final Formats f = Formats.standard();

    @ParameterizedTest
    @CsvSource({
            "0.0005, <0.001",
            "0.0009996, <0.001",
            "0.001, 0.001",
            "0.0496, 0.050",
            "0.0495, 0.050",
            "0.0494, 0.049",
            "0.012, 0.012",
            "0.4170, 0.417",
            "0.9996, 1.000",
            "1, 1.000",
            "0, <0.001"
    })
    void pValuesAsPapersPrintThem(double p, String expected) {
        assertThat(f.pValue(p)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "0.0005, <0.001",
            "0.001, 0.0010",
            "0.0496, 0.050",
            "0.05, 0.050",
            "0.0123, 0.012",
            "0.00123, 0.0012",
            "0.234, 0.23",
            "0.996, 1.0"
    })
    void pValuesToTwoSignificantDigits(double p, String expected) {
        Formats two = f.toBuilder().pStyle(PStyle.TWO_SIGNIFICANT).build();
        assertThat(two.pValue(p)).isEqualTo(expected);
    }

    @Test
    void pValueEdgeCases() {
        assertThat(f.pValue(Double.NaN)).isEqualTo("NE");
        assertThat(f.pStatement(0.012)).isEqualTo("p = 0.012");
        assertThat(f.pStatement(0.0001)).isEqualTo("p < 0.001");
        assertThat(f.toBuilder().pFloor(0.0001).pDecimals(4).build().pValue(0.00005)).isEqualTo("<0.0001");
        assertThatThrownBy(() -> f.pValue(1.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.pValue(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentagesRoundTheExactFractionHalfUp() {
        assertThat(f.countPercent(58, 88)).isEqualTo("58 (65.9%)");
        assertThat(f.countPercent(1, 16)).isEqualTo("1 (6.3%)"); // 6.25: half-up as in SPSS
        assertThat(f.countPercent(0, 0)).isEqualTo("0 (NE)");
        assertThat(f.countPercent(42, 42)).isEqualTo("42 (100.0%)");
        assertThat(f.toBuilder().percentSignWithCount(false).build().countPercent(58, 88)).isEqualTo("58 (65.9)");
        assertThat(f.percent(76.190476)).isEqualTo("76.2");
        assertThat(f.toBuilder().percentSignAlone(true).build().percent(76.190476)).isEqualTo("76.2%");
        assertThat(f.toBuilder().rounding(RoundingMode.HALF_EVEN).build().countPercent(1, 16)).isEqualTo("1 (6.2%)");
    }

    @Test
    void summariesAndEstimates() {
        assertThat(f.meanSd(60.3, 14.0, -1)).isEqualTo("60.3 ± 14.0");
        assertThat(f.meanSd(5.184, 3.0649, 2)).isEqualTo("5.18 ± 3.06");
        assertThat(f.withInterval(7, 3, 14, 0)).isEqualTo("7 (3-14)");
        assertThat(f.estimate(0.4512, 0.2149, 0.9749)).isEqualTo("0.45 (0.21-0.97)");
        assertThat(f.estimate(0.45, 0.21, Double.POSITIVE_INFINITY)).isEqualTo("0.45 (0.21-NE)");
        assertThat(f.estimate(Double.NaN, 0.21, 0.97)).isEqualTo("NE");
        assertThat(f.estimate(1.5, Double.NaN, Double.NaN)).isEqualTo("1.50 (NE)");
        assertThat(f.withInterval(-4.45, -7.68, -1.22, 2)).isEqualTo("-4.45 (-7.68 to -1.22)");
        assertThat(f.number(-0.04, 1)).isEqualTo("0.0");
        assertThat(f.toBuilder().grouping(true).build().meanSd(5683.2, 10257.7, 1)).isEqualTo("5,683.2 ± 10,257.7");
        assertThat(f.toBuilder().grouping(true).build().number(-1234567.891, 2)).isEqualTo("-1,234,567.89");
    }

    @Test
    void medianSurvivalNotReached() {
        assertThat(f.medianSurvival(9.0, 6.2, 11.8, 1)).isEqualTo("9.0 (6.2-11.8)");
        assertThat(f.medianSurvival(Double.NaN, 14.2, Double.NaN, 1)).isEqualTo("not reached (14.2-NE)");
        assertThat(f.toBuilder().notReached("NR").build().medianSurvival(Double.NaN, Double.NaN, Double.NaN, 1))
                .isEqualTo("NR (NE)");
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThatThrownBy(() -> f.toBuilder().pFloor(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.toBuilder().percentDecimals(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void markersInPlainText() {
        assertThat(Markers.append("0.012", List.of("a"))).isEqualTo("0.012ᵃ");
        assertThat(Markers.superscript(List.of("b", "12", "†"))).isEqualTo("ᵇ¹²†");
        assertThat(Markers.superscript(List.of("q"))).isEqualTo("[q]");
    }
}
