package org.tacecrf.domain.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tacecrf.domain.clinical.ChildPughParameters.AlbuminCutoffs;
import org.tacecrf.domain.clinical.ChildPughParameters.BilirubinCutoffs;
import org.tacecrf.domain.clinical.ChildPughParameters.CoagulationMeasure;
import org.tacecrf.domain.clinical.ChildPughScore.Component;

class ChildPughTest {

    /** Every component at 1 point. */
    private static ChildPughInputs best() {
        return new ChildPughInputs(Measurement.of(15, LabUnit.UMOL_PER_L), Measurement.of(40, LabUnit.G_PER_L),
                new BigDecimal("1.1"), new BigDecimal("1"), Ascites.NONE, HepaticEncephalopathy.NONE);
    }

    private static ChildPughInputs withBilirubin(Measurement m) {
        ChildPughInputs b = best();
        return new ChildPughInputs(m, b.albumin(), b.inr(), b.ptProlongationSeconds(), b.ascites(), b.encephalopathy());
    }

    private static ChildPughInputs withAlbumin(Measurement m) {
        ChildPughInputs b = best();
        return new ChildPughInputs(b.totalBilirubin(), m, b.inr(), b.ptProlongationSeconds(), b.ascites(),
                b.encephalopathy());
    }

    private static ChildPughInputs withCoagulation(String inr, String ptSeconds) {
        ChildPughInputs b = best();
        return new ChildPughInputs(b.totalBilirubin(), b.albumin(), inr == null ? null : new BigDecimal(inr),
                ptSeconds == null ? null : new BigDecimal(ptSeconds), b.ascites(), b.encephalopathy());
    }

    private static int points(ChildPughInputs in, ChildPughParameters p, Component c) {
        return ChildPugh.calculate(in, p).get().points(c);
    }

    @Test
    void allBestComponentsScoreA5() {
        Derivation<ChildPughScore> d = ChildPugh.calculate(best(), ChildPughParameters.DEFAULT);
        assertThat(d.get().total()).isEqualTo(5);
        assertThat(d.get().childPughClass()).isEqualTo(ChildPughClass.A);
        assertThat(d.get().label()).isEqualTo("A5");
        assertThat(d.algorithm().name()).isEqualTo("Child-Pugh (Pugh 1973; bilirubin 34/51 umol/L; albumin 28/35 g/L;"
                + " INR 1.7/2.3; cut-offs in entered unit)");
        assertThat(d.algorithm().version()).isEqualTo("1");
    }

    @ParameterizedTest(name = "bilirubin {0} {1} -> {2} points")
    @CsvSource({
            "33.9, UMOL_PER_L, 1", "34, UMOL_PER_L, 2", "51, UMOL_PER_L, 2", "51.1, UMOL_PER_L, 3",
            "1.99, MG_PER_DL, 1", "2.0, MG_PER_DL, 2", "3.0, MG_PER_DL, 2", "3.01, MG_PER_DL, 3",
    })
    void bilirubinBandsIncludeBothEndsOfTheMiddleBandInTheEnteredUnit(String value, LabUnit unit, int expected) {
        assertThat(points(withBilirubin(Measurement.of(new BigDecimal(value), unit)), ChildPughParameters.DEFAULT,
                Component.BILIRUBIN)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "bilirubin {0} mg/dL scored in umol/L -> {1} points")
    @CsvSource({"1.98, 1", "1.99, 2", "2.98, 2", "3.0, 3"})
    void canonicalBasisConvertsMgPerDlBeforeComparingWith34And51(String mgPerDl, int expected) {
        // 1.99 mg/dL = 34.03 umol/L and 3.0 mg/dL = 51.3 umol/L cross the SI cut-offs
        ChildPughParameters canonical = ChildPughParameters.DEFAULT.withBoundaryBasis(BoundaryBasis.CANONICAL_UNIT);
        assertThat(points(withBilirubin(Measurement.of(new BigDecimal(mgPerDl), LabUnit.MG_PER_DL)), canonical,
                Component.BILIRUBIN)).isEqualTo(expected);
    }

    @Test
    void basisTextShowsTheCutOffsActuallyUsed() {
        ChildPughScore entered = ChildPugh.calculate(withBilirubin(Measurement.of(3.0, LabUnit.MG_PER_DL)),
                ChildPughParameters.DEFAULT).get();
        assertThat(entered.components().get(0).basis()).isEqualTo("Total bilirubin 3.0 mg/dL is in 2-3 mg/dL");
        ChildPughScore canonical = ChildPugh.calculate(withBilirubin(Measurement.of(3.0, LabUnit.MG_PER_DL)),
                ChildPughParameters.DEFAULT.withBoundaryBasis(BoundaryBasis.CANONICAL_UNIT)).get();
        assertThat(canonical.components().get(0).basis())
                .isEqualTo("Total bilirubin 3.0 mg/dL = 51.3 umol/L is > 51 umol/L");
    }

    @ParameterizedTest(name = "albumin {0} {1} -> {2} points")
    @CsvSource({
            "35.1, G_PER_L, 1", "35, G_PER_L, 2", "28, G_PER_L, 2", "27.9, G_PER_L, 3",
            "3.51, G_PER_DL, 1", "3.5, G_PER_DL, 2", "2.8, G_PER_DL, 2", "2.79, G_PER_DL, 3",
    })
    void albuminBandsWithDefault28And35(String value, LabUnit unit, int expected) {
        assertThat(points(withAlbumin(Measurement.of(new BigDecimal(value), unit)), ChildPughParameters.DEFAULT,
                Component.ALBUMIN)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "albumin {0} g/L with 30/35 -> {1} points")
    @CsvSource({"35.1, 1", "35, 2", "30, 2", "29.9, 3", "28, 3"})
    void albuminVariant30And35(String value, int expected) {
        ChildPughParameters p = ChildPughParameters.DEFAULT.withAlbuminCutoffs(AlbuminCutoffs.G_L_30_35);
        assertThat(points(withAlbumin(Measurement.of(new BigDecimal(value), LabUnit.G_PER_L)), p, Component.ALBUMIN))
                .isEqualTo(expected);
        assertThat(ChildPugh.algorithm(p).name()).contains("albumin 30/35 g/L");
    }

    @ParameterizedTest(name = "cholestatic bilirubin {0} {1} -> {2} points")
    @CsvSource({
            "67.9, UMOL_PER_L, 1", "68, UMOL_PER_L, 2", "170, UMOL_PER_L, 2", "170.1, UMOL_PER_L, 3",
            "3.99, MG_PER_DL, 1", "4, MG_PER_DL, 2", "10, MG_PER_DL, 2", "10.01, MG_PER_DL, 3",
    })
    void cholestaticBilirubinCutOffs(String value, LabUnit unit, int expected) {
        ChildPughParameters p = ChildPughParameters.DEFAULT.withBilirubinCutoffs(BilirubinCutoffs.CHOLESTATIC);
        assertThat(points(withBilirubin(Measurement.of(new BigDecimal(value), unit)), p, Component.BILIRUBIN))
                .isEqualTo(expected);
        assertThat(ChildPugh.algorithm(p).name()).contains("68/170 umol/L cholestatic");
    }

    @ParameterizedTest(name = "INR {0} -> {1} points")
    @CsvSource({"1.69, 1", "1.7, 2", "2.3, 2", "2.31, 3"})
    void inrBands(String inr, int expected) {
        assertThat(points(withCoagulation(inr, null), ChildPughParameters.DEFAULT, Component.COAGULATION))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "PT +{0} s -> {1} points")
    @CsvSource({"-1, 1", "3.9, 1", "4, 2", "6, 2", "6.1, 3"})
    void ptProlongationBands(String seconds, int expected) {
        ChildPughParameters p = ChildPughParameters.DEFAULT.withCoagulation(CoagulationMeasure.PT_SECONDS_PROLONGED);
        assertThat(points(withCoagulation(null, seconds), p, Component.COAGULATION)).isEqualTo(expected);
        assertThat(ChildPugh.algorithm(p).name()).contains("PT +4/+6 s");
    }

    @Test
    void ptProlongationIsPatientMinusControl() {
        assertThat(ChildPughInputs.ptProlongation(16.5, 12.0)).isEqualByComparingTo("4.5");
        assertThat(ChildPughInputs.ptProlongation(null, 12.0)).isNull();
    }

    @ParameterizedTest(name = "total {0} -> {1}")
    @CsvSource({"5, A5", "6, A6", "7, B7", "9, B9", "10, C10", "15, C15"})
    void classesFromTotal(int expectedTotal, String expectedLabel) {
        ChildPughInputs in = inputsWithTotal(expectedTotal);
        ChildPughScore score = ChildPugh.calculate(in, ChildPughParameters.DEFAULT).get();
        assertThat(score.total()).isEqualTo(expectedTotal);
        assertThat(score.label()).isEqualTo(expectedLabel);
    }

    /** Raises components one point at a time in table order until the total is reached. */
    private static ChildPughInputs inputsWithTotal(int total) {
        int[] pts = {1, 1, 1, 1, 1};
        for (int extra = total - 5, i = 0; extra > 0; extra--, i = (i + 1) % 5) {
            pts[i]++;
        }
        String[] bili = {"", "20", "40", "60"};
        String[] alb = {"", "40", "30", "25"};
        String[] inr = {"", "1.1", "2.0", "2.5"};
        Ascites[] asc = {null, Ascites.NONE, Ascites.MILD_OR_CONTROLLED, Ascites.MODERATE_TO_SEVERE};
        HepaticEncephalopathy[] he = {null, HepaticEncephalopathy.NONE, HepaticEncephalopathy.GRADE_1_2_OR_CONTROLLED,
                HepaticEncephalopathy.GRADE_3_4_OR_REFRACTORY};
        return new ChildPughInputs(Measurement.of(new BigDecimal(bili[pts[0]]), LabUnit.UMOL_PER_L),
                Measurement.of(new BigDecimal(alb[pts[1]]), LabUnit.G_PER_L), new BigDecimal(inr[pts[2]]), null,
                asc[pts[3]], he[pts[4]]);
    }

    @Test
    void everyMissingInputIsNamedAndNoScoreIsGiven() {
        Derivation<ChildPughScore> d = ChildPugh.calculate(new ChildPughInputs(null, null, null, null, null, null),
                ChildPughParameters.DEFAULT);
        assertThat(d.isComputed()).isFalse();
        assertThat(d.missingInputs())
                .containsExactly("totalBilirubin", "albumin", "inr", "ascites", "encephalopathy");
        assertThat(d.algorithm().name()).startsWith("Child-Pugh");
    }

    @Test
    void theOtherCoagulationMeasureIsNotUsedAsAFallback() {
        Derivation<ChildPughScore> d = ChildPugh.calculate(withCoagulation(null, "3"), ChildPughParameters.DEFAULT);
        assertThat(d.isComputed()).isFalse();
        assertThat(d.missingInputs()).containsExactly("inr");
    }

    @Test
    void impossibleValuesAndWrongUnitsAreRejected() {
        Derivation<ChildPughScore> d = ChildPugh.calculate(new ChildPughInputs(
                Measurement.of(2, LabUnit.G_PER_L), Measurement.of(38, LabUnit.G_PER_DL), new BigDecimal("35"),
                null, Ascites.NONE, HepaticEncephalopathy.NONE), ChildPughParameters.DEFAULT);
        assertThat(d.isComputed()).isFalse();
        assertThat(d.problems()).extracting(InputProblem::input).containsExactly("totalBilirubin", "albumin", "inr");
        assertThat(d.problems()).allMatch(p -> p.kind() == InputProblem.Kind.INVALID);
        assertThat(d.problems().get(1).message()).isEqualTo("Albumin 38 g/dL is outside the possible range 5-70 g/L.");
    }

    @Test
    void acceptsDoublesFromTheForm() {
        ChildPughInputs in = ChildPughInputs.fromForm(2.0, LabUnit.MG_PER_DL, 3.2, LabUnit.G_PER_DL, 1.8, null,
                Ascites.MILD_OR_CONTROLLED, HepaticEncephalopathy.NONE);
        ChildPughScore score = ChildPugh.calculate(in, ChildPughParameters.DEFAULT).get();
        assertThat(score.label()).isEqualTo("B9");
    }
}
