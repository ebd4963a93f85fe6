package org.tacecrf.domain.ctcae;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tacecrf.domain.clinical.Analyte;
import org.tacecrf.domain.clinical.BoundaryBasis;
import org.tacecrf.domain.clinical.Derivation;
import org.tacecrf.domain.clinical.InputProblem;
import org.tacecrf.domain.clinical.LabUnit;
import org.tacecrf.domain.clinical.Measurement;
import org.tacecrf.domain.clinical.ReferenceRanges;
import org.tacecrf.domain.clinical.Sex;
import org.tacecrf.domain.ctcae.LabGradingParameters.MissingBaseline;
import org.tacecrf.domain.ctcae.LabGradingParameters.UnknownAnticoagulation;

class CtcaeLabGradingTest {

    private static final LabGradingParameters DEFAULT = LabGradingParameters.DEFAULT;

    private static Measurement m(String value, LabUnit unit) {
        return Measurement.of(new BigDecimal(value), unit);
    }

    private static Derivation<LabGrade> increase(Analyte analyte, String value, String uln, String baseline,
                                                 String baselineUln, LabUnit unit, LabGradingParameters p) {
        LabGradeInputs in = LabGradeInputs.of(analyte, m(value, unit), null, m(uln, unit))
                .withBaseline(baseline == null ? null : m(baseline, unit),
                        baselineUln == null ? null : m(baselineUln, unit));
        Derivation<LabGrade> d = CtcaeLabGrading.grade(in, p);
        d.value().ifPresent(g -> assertThresholdsAgreeWithGrade(g, new BigDecimal(value)));
        return d;
    }

    private static LabGrade alt(String value, String baseline) {
        return increase(Analyte.ALT, value, "40", baseline, "40", LabUnit.U_PER_L, DEFAULT).get();
    }

    /** The grade must be the highest grade whose threshold the value reaches. */
    private static void assertThresholdsAgreeWithGrade(LabGrade g, BigDecimal valueInUnit) {
        int highest = g.thresholds().stream().filter(t -> t.isReachedBy(valueInUnit))
                .mapToInt(GradeThreshold::grade).max().orElse(0);
        assertThat(highest).as("thresholds of %s", g.rule()).isEqualTo(g.grade());
    }

    @ParameterizedTest(name = "ALT {0} U/L, ULN 40, normal baseline -> grade {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            "40     | 0 | <= ULN",
            "40.01  | 1 | > ULN-3.0 x ULN",
            "120    | 1 | > ULN-3.0 x ULN",
            "120.01 | 2 | > 3.0-5.0 x ULN",
            "200    | 2 | > 3.0-5.0 x ULN",
            "200.01 | 3 | > 5.0-20.0 x ULN",
            "800    | 3 | > 5.0-20.0 x ULN",
            "800.01 | 4 | > 20.0 x ULN",
    })
    void altWithNormalBaselineUsesMultiplesOfUln(String value, int grade, String rule) {
        LabGrade g = alt(value, "30");
        assertThat(g.grade()).isEqualTo(grade);
        assertThat(g.rule()).isEqualTo(rule);
        assertThat(g.basis()).isEqualTo(LabGrade.Basis.ULN);
        assertThat(g.baselineAbnormal()).isFalse();
        assertThat(g.term()).isEqualTo(CtcaeV5.ALT_INCREASED);
    }

    @ParameterizedTest(name = "ALT {0} U/L, baseline 80 (ULN 40) -> grade {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            "100     | 0 | < 1.5 x baseline (baseline abnormal)",
            "119.99  | 0 | < 1.5 x baseline (baseline abnormal)",
            "120     | 1 | 1.5-3.0 x baseline (baseline abnormal)",
            "240     | 1 | 1.5-3.0 x baseline (baseline abnormal)",
            "240.01  | 2 | > 3.0-5.0 x baseline (baseline abnormal)",
            "400     | 2 | > 3.0-5.0 x baseline (baseline abnormal)",
            "400.01  | 3 | > 5.0-20.0 x baseline (baseline abnormal)",
            "1600    | 3 | > 5.0-20.0 x baseline (baseline abnormal)",
            "1600.01 | 4 | > 20.0 x baseline (baseline abnormal)",
    })
    void altWithAbnormalBaselineUsesMultiplesOfBaseline(String value, int grade, String rule) {
        LabGrade g = alt(value, "80");
        assertThat(g.grade()).isEqualTo(grade);
        assertThat(g.rule()).isEqualTo(rule);
        assertThat(g.basis()).isEqualTo(LabGrade.Basis.BASELINE);
        assertThat(g.baselineAbnormal()).isTrue();
    }

    @Test
    void baselineExactlyAtUlnIsNormal() {
        assertThat(alt("120.01", "40").basis()).isEqualTo(LabGrade.Basis.ULN);
        assertThat(alt("120.01", "40.01").basis()).isEqualTo(LabGrade.Basis.BASELINE);
    }

    @Test
    void astFollowsTheAltCriteria() {
        LabGrade g = increase(Analyte.AST, "105.01", "35", "20", "35", LabUnit.U_PER_L, DEFAULT).get();
        assertThat(g.grade()).isEqualTo(2);
        assertThat(g.term()).isEqualTo(CtcaeV5.AST_INCREASED);
    }

    @ParameterizedTest(name = "bilirubin {0}, ULN 20, baseline {1} -> grade {2}")
    @CsvSource({
            "20, 10, 0", "20.01, 10, 1", "30, 10, 1", "30.01, 10, 2", "60, 10, 2", "60.01, 10, 3", "200, 10, 3",
            "200.01, 10, 4",
            "30, 30, 0", "30.01, 30, 1", "45, 30, 1", "45.01, 30, 2", "90, 30, 2", "90.01, 30, 3", "300, 30, 3",
            "300.01, 30, 4",
    })
    void bilirubinCriteria(String value, String baseline, int grade) {
        assertThat(increase(Analyte.TOTAL_BILIRUBIN, value, "20", baseline, "20", LabUnit.UMOL_PER_L, DEFAULT).get()
                .grade()).isEqualTo(grade);
    }

    @Test
    void bilirubinRuleTextsForAbnormalBaseline() {
        LabGrade zero = increase(Analyte.TOTAL_BILIRUBIN, "30", "20", "30", "20", LabUnit.UMOL_PER_L, DEFAULT).get();
        assertThat(zero.rule()).isEqualTo("<= 1.0 x baseline (baseline abnormal)");
        LabGrade one = increase(Analyte.TOTAL_BILIRUBIN, "31", "20", "30", "20", LabUnit.UMOL_PER_L, DEFAULT).get();
        assertThat(one.rule()).isEqualTo("> 1.0-1.5 x baseline (baseline abnormal)");
    }

    @ParameterizedTest(name = "{0} {1}, ULN 100, baseline {2} -> grade {3}")
    @CsvSource({
            "ALP, 100, 50, 0", "ALP, 250, 50, 1", "ALP, 250.01, 50, 2", "ALP, 500, 50, 2", "ALP, 500.01, 50, 3",
            "ALP, 2000, 50, 3", "ALP, 2000.01, 50, 4",
            "ALP, 299.99, 150, 0", "ALP, 300, 150, 1", "ALP, 375, 150, 1", "ALP, 375.01, 150, 2",
            "ALP, 750.01, 150, 3", "ALP, 3000.01, 150, 4",
            "GGT, 250.01, 50, 2", "GGT, 299.99, 150, 0", "GGT, 300, 150, 1",
    })
    void alkalinePhosphataseAndGgtCriteria(Analyte analyte, String value, String baseline, int grade) {
        assertThat(increase(analyte, value, "100", baseline, "100", LabUnit.U_PER_L, DEFAULT).get().grade())
                .isEqualTo(grade);
    }

    @Test
    void missingBaselineIsNotGradableByDefault() {
        Derivation<LabGrade> d = increase(Analyte.ALT, "130", "40", null, null, LabUnit.U_PER_L, DEFAULT);
        assertThat(d.isComputed()).isFalse();
        assertThat(d.missingInputs()).containsExactly("baseline");

        LabGradingParameters lenient = DEFAULT.withMissingBaseline(MissingBaseline.TREAT_AS_NORMAL);
        LabGrade g = increase(Analyte.ALT, "130", "40", null, null, LabUnit.U_PER_L, lenient).get();
        assertThat(g.grade()).isEqualTo(2);
        assertThat(g.rule()).isEqualTo("> 3.0-5.0 x ULN (no baseline; treated as normal)");
        assertThat(g.baselineAbnormal()).isNull();
        assertThat(CtcaeLabGrading.algorithm(lenient).name()).contains("missing baseline treated as normal");
    }

    @Test
    void baselineNeedsItsUlnAndTheValueNeedsUln() {
        Derivation<LabGrade> noBaselineUln = increase(Analyte.ALT, "130", "40", "80", null, LabUnit.U_PER_L, DEFAULT);
        assertThat(noBaselineUln.missingInputs()).containsExactly("baselineUln");
        Derivation<LabGrade> noUln = CtcaeLabGrading.grade(LabGradeInputs.of(Analyte.ALT, m("130", LabUnit.U_PER_L),
                null, null).withBaseline(m("30", LabUnit.U_PER_L), m("40", LabUnit.U_PER_L)), DEFAULT);
        assertThat(noUln.missingInputs()).containsExactly("uln");
    }

    @Test
    void invalidValuesAreNotGraded() {
        Derivation<LabGrade> negative = increase(Analyte.ALT, "-5", "40", "30", "40", LabUnit.U_PER_L, DEFAULT);
        assertThat(negative.problems()).extracting(InputProblem::kind).containsExactly(InputProblem.Kind.INVALID);
        Derivation<LabGrade> zeroUln = increase(Analyte.ALT, "50", "0", "30", "40", LabUnit.U_PER_L, DEFAULT);
        assertThat(zeroUln.problems()).extracting(InputProblem::input).containsExactly("uln");
    }

    @Test
    void valueAndLimitsMayBeInDifferentUnits() {
        // 2.0 mg/dL = 34.2 umol/L against ULN 17.1 umol/L (= 1.0 mg/dL): 2.0 x ULN
        LabGradeInputs in = LabGradeInputs.of(Analyte.TOTAL_BILIRUBIN, m("2.0", LabUnit.MG_PER_DL), null,
                m("17.1", LabUnit.UMOL_PER_L)).withBaseline(m("10", LabUnit.UMOL_PER_L), m("17.1", LabUnit.UMOL_PER_L));
        LabGrade g = CtcaeLabGrading.grade(in, DEFAULT).get();
        assertThat(g.grade()).isEqualTo(2);
        assertThat(g.thresholds().get(1).limit()).isEqualByComparingTo("1.5");
        assertThat(g.thresholds().get(1).describe()).isEqualTo("grade 2: > 1.5 mg/dL (> 1.5 x ULN)");
    }

    @ParameterizedTest(name = "creatinine {0}, ULN 100, baseline {1} -> grade {2} ({3})")
    @CsvSource(delimiter = '|', value = {
            "100 | 50  | 2 | > 1.5-3.0 x baseline",
            "151 | 50  | 3 | > 3.0 x baseline",
            "150 | 50  | 2 | > 1.5-3.0 x baseline",
            "120 | 100 | 1 | > ULN-1.5 x ULN",
            "150 | 100 | 1 | > ULN-1.5 x ULN",
            "151 | 100 | 2 | > 1.5-3.0 x ULN",
            "90  | 80  | 0 | <= ULN",
            "601 | 150 | 4 | > 6.0 x ULN",
    })
    void creatinineTakesTheHigherOfUlnAndBaselineGrades(String value, String baseline, int grade, String rule) {
        LabGrade g = increase(Analyte.CREATININE, value, "100", baseline, null, LabUnit.UMOL_PER_L, DEFAULT).get();
        assertThat(g.grade()).isEqualTo(grade);
        assertThat(g.rule()).isEqualTo(rule);
    }

    @Test
    void creatinineNeedsTheBaselineOnlyWhenItCouldRaiseTheGrade() {
        assertThat(increase(Analyte.CREATININE, "601", "100", null, null, LabUnit.UMOL_PER_L, DEFAULT).get().grade())
                .isEqualTo(4);
        assertThat(increase(Analyte.CREATININE, "301", "100", null, null, LabUnit.UMOL_PER_L, DEFAULT).get().grade())
                .isEqualTo(3);
        Derivation<LabGrade> unknown = increase(Analyte.CREATININE, "120", "100", null, null, LabUnit.UMOL_PER_L,
                DEFAULT);
        assertThat(unknown.missingInputs()).containsExactly("baseline");
        assertThat(increase(Analyte.CREATININE, "120", "100", null, null, LabUnit.UMOL_PER_L,
                DEFAULT.withMissingBaseline(MissingBaseline.TREAT_AS_NORMAL)).get().grade()).isEqualTo(1);
    }

    @ParameterizedTest(name = "INR {0} not anticoagulated -> grade {1}")
    @CsvSource({"1.2, 0", "1.21, 1", "1.5, 1", "1.51, 2", "2.5, 2", "2.51, 3", "6, 3"})
    void inrWithoutAnticoagulationUsesAbsoluteLimits(String inr, int grade) {
        LabGradeInputs in = LabGradeInputs.of(Analyte.INR, m(inr, LabUnit.RATIO), null, null).withAnticoagulation(false);
        LabGrade g = CtcaeLabGrading.grade(in, DEFAULT).get();
        assertThat(g.grade()).isEqualTo(grade);
        assertThat(g.basis()).isEqualTo(LabGrade.Basis.ABSOLUTE);
        assertThresholdsAgreeWithGrade(g, new BigDecimal(inr));
    }

    @ParameterizedTest(name = "INR {0} anticoagulated, baseline 2.0 -> grade {1}")
    @CsvSource({"2.0, 0", "2.01, 1", "3.0, 1", "3.01, 2", "5.0, 2", "5.01, 3"})
    void inrOnAnticoagulationUsesMultiplesOfBaseline(String inr, int grade) {
        LabGradeInputs in = new LabGradeInputs(Analyte.INR, m(inr, LabUnit.RATIO), null, null, m("2.0", LabUnit.RATIO),
                null, true);
        LabGrade g = CtcaeLabGrading.grade(in, DEFAULT).get();
        assertThat(g.grade()).isEqualTo(grade);
        assertThat(g.rule()).endsWith("(on anticoagulation)");
    }

    @Test
    void inrNeedsTheAnticoagulationStatus() {
        LabGradeInputs in = LabGradeInputs.of(Analyte.INR, m("1.6", LabUnit.RATIO), null, null);
        assertThat(CtcaeLabGrading.grade(in, DEFAULT).missingInputs()).containsExactly("onAnticoagulation");
        LabGrade assumed = CtcaeLabGrading.grade(in,
                DEFAULT.withUnknownAnticoagulation(UnknownAnticoagulation.ASSUME_NOT_ANTICOAGULATED)).get();
        assertThat(assumed.grade()).isEqualTo(2);
        assertThat(assumed.rule()).isEqualTo("> 1.5-2.5");
        LabGradeInputs anticoagulatedWithoutBaseline = in.withAnticoagulation(true);
        assertThat(CtcaeLabGrading.grade(anticoagulatedWithoutBaseline, DEFAULT).missingInputs())
                .containsExactly("baseline");
    }

    private static LabGrade decrease(Analyte analyte, String value, String lln, LabUnit unit, LabGradingParameters p) {
        LabGrade g = CtcaeLabGrading.grade(LabGradeInputs.of(analyte, m(value, unit),
                lln == null ? null : m(lln, unit), null), p).get();
        assertThresholdsAgreeWithGrade(g, new BigDecimal(value));
        return g;
    }

    @ParameterizedTest(name = "{0} {1} {3} (LLN {2}) -> grade {4}")
    @CsvSource({
            "WBC, 3.5, 3.5, E9_PER_L, 0", "WBC, 3.49, 3.5, E9_PER_L, 1", "WBC, 3.0, 3.5, E9_PER_L, 1",
            "WBC, 2.99, 3.5, E9_PER_L, 2", "WBC, 2.0, 3.5, E9_PER_L, 2", "WBC, 1.99, 3.5, E9_PER_L, 3",
            "WBC, 1.0, 3.5, E9_PER_L, 3", "WBC, 0.99, 3.5, E9_PER_L, 4",
            "WBC, 3000, 3500, PER_MM3, 1", "WBC, 2999, 3500, PER_MM3, 2",
            "WBC, 2.9, 2.8, E9_PER_L, 2",
            "NEUTROPHILS, 1.5, 1.8, E9_PER_L, 1", "NEUTROPHILS, 1.49, 1.8, E9_PER_L, 2",
            "NEUTROPHILS, 1.0, 1.8, E9_PER_L, 2", "NEUTROPHILS, 0.99, 1.8, E9_PER_L, 3",
            "NEUTROPHILS, 0.5, 1.8, E9_PER_L, 3", "NEUTROPHILS, 0.49, 1.8, E9_PER_L, 4",
            "PLATELETS, 125, 125, E9_PER_L, 0", "PLATELETS, 75, 125, E9_PER_L, 1", "PLATELETS, 74.9, 125, E9_PER_L, 2",
            "PLATELETS, 50, 125, E9_PER_L, 2", "PLATELETS, 49, 125, E9_PER_L, 3", "PLATELETS, 25, 125, E9_PER_L, 3",
            "PLATELETS, 24, 125, E9_PER_L, 4",
            "HAEMOGLOBIN, 100, 130, G_PER_L, 1", "HAEMOGLOBIN, 99, 130, G_PER_L, 2", "HAEMOGLOBIN, 80, 130, G_PER_L, 2",
            "HAEMOGLOBIN, 79, 130, G_PER_L, 3",
            "HAEMOGLOBIN, 10.0, 13.0, G_PER_DL, 1", "HAEMOGLOBIN, 9.9, 13.0, G_PER_DL, 2",
            "HAEMOGLOBIN, 8.0, 13.0, G_PER_DL, 2", "HAEMOGLOBIN, 7.9, 13.0, G_PER_DL, 3",
            "HAEMOGLOBIN, 6.2, 8.1, MMOL_PER_L, 1", "HAEMOGLOBIN, 6.19, 8.1, MMOL_PER_L, 2",
            "HAEMOGLOBIN, 4.9, 8.1, MMOL_PER_L, 2", "HAEMOGLOBIN, 4.89, 8.1, MMOL_PER_L, 3",
            "ALBUMIN, 40, 40, G_PER_L, 0", "ALBUMIN, 30, 40, G_PER_L, 1", "ALBUMIN, 29.9, 40, G_PER_L, 2",
            "ALBUMIN, 20, 40, G_PER_L, 2", "ALBUMIN, 19.9, 40, G_PER_L, 3",
            "ALBUMIN, 3.0, 4.0, G_PER_DL, 1", "ALBUMIN, 2.99, 4.0, G_PER_DL, 2",
    })
    void decreasesUseTheLlnForGrade1AndAbsoluteCutOffsAbove(Analyte analyte, String value, String lln, LabUnit unit,
                                                           int grade) {
        assertThat(decrease(analyte, value, lln, unit, DEFAULT).grade()).isEqualTo(grade);
    }

    @Test
    void haemoglobinInMmolPerLCanBeComparedInGramsPerLitre() {
        // 6.2 mmol/L = 99.9 g/L: grade 1 by the printed mmol/L cut-off, grade 2 after conversion
        LabGradingParameters canonical = DEFAULT.withBoundaryBasis(BoundaryBasis.CANONICAL_UNIT);
        assertThat(decrease(Analyte.HAEMOGLOBIN, "6.2", "8.1", LabUnit.MMOL_PER_L, canonical).grade()).isEqualTo(2);
        assertThat(decrease(Analyte.HAEMOGLOBIN, "6.21", "8.1", LabUnit.MMOL_PER_L, canonical).grade()).isEqualTo(1);
    }

    @Test
    void decreaseRuleTextsAreInTheUnitOfTheValue() {
        assertThat(decrease(Analyte.WBC, "2.5", "3.5", LabUnit.E9_PER_L, DEFAULT).rule()).isEqualTo("< 3-2 10^9/L");
        assertThat(decrease(Analyte.WBC, "2500", "3500", LabUnit.PER_MM3, DEFAULT).rule()).isEqualTo("< 3000-2000 /mm3");
        assertThat(decrease(Analyte.HAEMOGLOBIN, "79", "130", LabUnit.G_PER_L, DEFAULT).rule()).isEqualTo("< 80 g/L");
        assertThat(decrease(Analyte.HAEMOGLOBIN, "6.2", "8.1", LabUnit.MMOL_PER_L, DEFAULT).rule())
                .isEqualTo("< LLN-6.2 mmol/L");
        assertThat(decrease(Analyte.ALBUMIN, "41", "40", LabUnit.G_PER_L, DEFAULT).rule()).isEqualTo(">= LLN");
        assertThat(decrease(Analyte.PLATELETS, "20", "125", LabUnit.E9_PER_L, DEFAULT).term())
                .isEqualTo(CtcaeV5.PLATELET_COUNT_DECREASED);
    }

    @Test
    void llnIsNeededOnlyBetweenGrade0And1() {
        Derivation<LabGrade> d = CtcaeLabGrading.grade(LabGradeInputs.of(Analyte.WBC, m("3.2", LabUnit.E9_PER_L),
                null, null), DEFAULT);
        assertThat(d.missingInputs()).containsExactly("lln");
        assertThat(decrease(Analyte.WBC, "2.5", null, LabUnit.E9_PER_L, DEFAULT).grade()).isEqualTo(2);
    }

    @Test
    void worksWithTheDefaultReferenceRanges() {
        LabGradeInputs in = LabGradeInputs.of(Analyte.HAEMOGLOBIN, m("112", LabUnit.G_PER_L),
                ReferenceRanges.defaults().find(Analyte.HAEMOGLOBIN, Sex.MALE).orElseThrow());
        assertThat(CtcaeLabGrading.grade(in, DEFAULT).get().grade()).isEqualTo(1);
    }

    @Test
    void analytesWithoutGradingAreNotCovered() {
        Derivation<LabGrade> d = CtcaeLabGrading.grade(LabGradeInputs.of(Analyte.GLUCOSE, m("5", LabUnit.MMOL_PER_L),
                null, null), DEFAULT);
        assertThat(d.problems().get(0).kind()).isEqualTo(InputProblem.Kind.NOT_COVERED);
        assertThat(CtcaeLabGrading.gradableAnalytes()).hasSize(12).doesNotContain(Analyte.GLUCOSE);
        assertThat(CtcaeLabGrading.termFor(Analyte.HAEMOGLOBIN)).contains(CtcaeV5.ANEMIA);
    }

    @Test
    void algorithmNamesTheVersionAndParameters() {
        assertThat(CtcaeLabGrading.algorithm(DEFAULT).name())
                .isEqualTo("CTCAE v5.0 laboratory grading (NCI 2017); missing baseline not gradable;"
                        + " INR needs anticoagulation status; cut-offs in entered unit");
    }
}
