package org.tacecrf.domain.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AnalyteTest {

    @ParameterizedTest(name = "{0}: {1} {2} = {3} canonical")
    @CsvSource({
            "TOTAL_BILIRUBIN, 2,     MG_PER_DL,               34.2",
            "TOTAL_BILIRUBIN, 3,     MG_PER_DL,               51.3",
            "DIRECT_BILIRUBIN, 0.5,  MG_PER_DL,               8.55",
            "ALBUMIN,         3.5,   G_PER_DL,                35.0",
            "HAEMOGLOBIN,     10.0,  G_PER_DL,                100.0",
            "HAEMOGLOBIN,     6.2,   MMOL_PER_L,              99.9099",
            "CREATININE,      1.0,   MG_PER_DL,               88.4",
            "UREA,            28,    MG_PER_DL_UREA_NITROGEN, 9.996",
            "UREA,            30,    MG_PER_DL,               4.995",
            "URIC_ACID,       6,     MG_PER_DL,               356.88",
            "CRP,             1.2,   MG_PER_DL,               12.0",
            "D_DIMER,         1.8,   UG_PER_ML,               1.8",
            "D_DIMER,         500,   NG_PER_ML,               0.5",
            "AFP,             100,   IU_PER_ML,               121",
            "WBC,             3000,  PER_MM3,                 3",
            "PLATELETS,       75,    E3_PER_UL,               75",
            "ALT,             1,     UKAT_PER_L,              60",
            "CA_19_9,         37,    KU_PER_L,                37",
    })
    void convertsToCanonicalWithThePublishedFactor(Analyte analyte, String value, LabUnit unit, String expected) {
        assertThat(analyte.toCanonical(new BigDecimal(value), unit)).isEqualByComparingTo(expected);
    }

    @Test
    void glucoseIsDividedBy18016() {
        assertThat(Analyte.GLUCOSE.toCanonical(new BigDecimal("90"), LabUnit.MG_PER_DL))
                .isEqualByComparingTo("4.995559502664298");
        assertThat(Analyte.GLUCOSE.fromCanonical(new BigDecimal("5.0"), LabUnit.MG_PER_DL))
                .isEqualByComparingTo("90.08");
    }

    @Test
    void convertsBackToTheEnteredUnit() {
        assertThat(Analyte.TOTAL_BILIRUBIN.fromCanonical(new BigDecimal("34.2"), LabUnit.MG_PER_DL))
                .isEqualByComparingTo("2");
        assertThat(Analyte.WBC.fromCanonical(new BigDecimal("3.0"), LabUnit.PER_MM3)).isEqualByComparingTo("3000");
        assertThat(Analyte.ALBUMIN.convert(Measurement.of(35, LabUnit.G_PER_L), LabUnit.G_PER_DL))
                .isEqualByComparingTo("3.5");
    }

    static Stream<Arguments> everyAcceptedUnit() {
        List<Arguments> args = new ArrayList<>();
        for (Analyte a : Analyte.values()) {
            for (LabUnit u : a.units()) {
                args.add(Arguments.of(a, u));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyAcceptedUnit")
    void roundTripKeepsTheValue(Analyte analyte, LabUnit unit) {
        BigDecimal entered = new BigDecimal("123.456");
        BigDecimal back = analyte.fromCanonical(analyte.toCanonical(entered, unit), unit);
        assertThat(back.subtract(entered).abs()).isLessThan(new BigDecimal("1e-12"));
    }

    @ParameterizedTest
    @EnumSource(Analyte.class)
    void canonicalUnitComesFirstAndIsIdentity(Analyte analyte) {
        assertThat(analyte.units().get(0)).isEqualTo(analyte.canonicalUnit());
        assertThat(analyte.toCanonical(BigDecimal.TEN, analyte.canonicalUnit())).isEqualByComparingTo("10");
        assertThat(analyte.softRange().low() == null
                || analyte.hardRange().contains(analyte.softRange().low())).isTrue();
        assertThat(analyte.hardRange().contains(analyte.softRange().high())).isTrue();
    }

    @Test
    void refusesUnitsWithoutAFixedFactor() {
        assertThat(Analyte.PIVKA_II.accepts(LabUnit.NG_PER_ML)).isFalse();
        assertThatThrownBy(() -> Analyte.PIVKA_II.toCanonical(BigDecimal.ONE, LabUnit.NG_PER_ML))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be entered in ng/mL");
        assertThat(Analyte.TOTAL_BILIRUBIN.plausibility(Measurement.of(1, LabUnit.G_PER_L)))
                .isEqualTo(Plausibility.IMPOSSIBLE);
    }

    @Test
    void classifiesPlausibilityInTheCanonicalUnit() {
        assertThat(Analyte.ALBUMIN.plausibility(Measurement.of(40, LabUnit.G_PER_L))).isEqualTo(Plausibility.PLAUSIBLE);
        assertThat(Analyte.ALBUMIN.plausibility(Measurement.of(60, LabUnit.G_PER_L))).isEqualTo(Plausibility.UNUSUAL);
        assertThat(Analyte.ALBUMIN.plausibility(Measurement.of(70, LabUnit.G_PER_L))).isEqualTo(Plausibility.UNUSUAL);
        assertThat(Analyte.ALBUMIN.plausibility(Measurement.of(70.1, LabUnit.G_PER_L)))
                .isEqualTo(Plausibility.IMPOSSIBLE);
        // 38 g/dL is a g/L value entered with the wrong unit: 380 g/L
        assertThat(Analyte.ALBUMIN.plausibility(Measurement.of(38, LabUnit.G_PER_DL)))
                .isEqualTo(Plausibility.IMPOSSIBLE);
    }

    @Test
    void dDimerCarriesTheFeuQualifier() {
        assertThat(Analyte.D_DIMER.canonicalUnitLabel()).isEqualTo("mg/L FEU");
        assertThat(Analyte.AFP.canonicalUnitLabel()).isEqualTo("ng/mL");
    }

    @ParameterizedTest
    @CsvSource({
            "µmol/L, UMOL_PER_L", "μmol/L, UMOL_PER_L", "umol/l, UMOL_PER_L", "IU/L, U_PER_L",
            "g/l, G_PER_L", "x10^9/L, E9_PER_L", "/µL, PER_MM3", "mAU/mL, MAU_PER_ML", "mg/dL BUN, MG_PER_DL_UREA_NITROGEN"
    })
    void parsesCommonUnitSpellings(String text, LabUnit expected) {
        assertThat(LabUnit.fromSymbol(text)).contains(expected);
    }

    @Test
    void unknownUnitTextIsEmpty() {
        assertThat(LabUnit.fromSymbol("furlongs")).isEmpty();
        assertThat(LabUnit.fromSymbol(null)).isEmpty();
    }
}
