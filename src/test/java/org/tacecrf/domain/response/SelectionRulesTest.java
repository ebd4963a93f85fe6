package org.tacecrf.domain.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SelectionRulesTest {

    private static final ResponseParameters PARAMS = ResponseParameters.defaults();

    private static List<RuleViolation> check(Criteria criteria, ResponseParameters p, BaselineLesion... lesions) {
        return SelectionRules.validate(criteria, p, Baseline.of(Fixtures.BASELINE, lesions));
    }

    private static BaselineLesion liver(String id, LiverSegment s, double mm) {
        return Fixtures.liverTarget(id, s, mm);
    }

    @Test
    void validHccBaselinePassesBothCriteria() {
        BaselineLesion[] lesions = {
                liver("T01", LiverSegment.VIII, 45), liver("T02", LiverSegment.IV, 22),
                Fixtures.nodalTarget("T03", NodalStation.PORTA_HEPATIS, 24),
                BaselineLesion.nonTarget("NT01", LesionLocation.liver(LiverSegment.I)).portalVeinTumourThrombus().build()};
        assertThat(check(Criteria.RECIST_1_1, PARAMS, lesions)).isEmpty();
        assertThat(check(Criteria.MRECIST, PARAMS, lesions)).isEmpty();
    }

    static Stream<Arguments> violations() {
        BaselineLesion notEnhancing = BaselineLesion.target("T01", LesionLocation.liver(LiverSegment.VI))
                .longestDiameter(30).viableDiameter(0).build();
        return Stream.of(
                Arguments.of("non-nodal target under 10 mm", Criteria.RECIST_1_1,
                        new BaselineLesion[] {liver("T01", LiverSegment.II, 9.9)}, "T01", ViolationCode.TARGET_TOO_SMALL),
                Arguments.of("nodal target under 15 mm", Criteria.RECIST_1_1,
                        new BaselineLesion[] {Fixtures.nodalTarget("T01", NodalStation.CELIAC, 14)},
                        "T01", ViolationCode.NODAL_TARGET_TOO_SMALL),
                Arguments.of("porta hepatis node under 20 mm under mRECIST", Criteria.MRECIST,
                        new BaselineLesion[] {Fixtures.nodalTarget("T01", NodalStation.PORTA_HEPATIS, 18)},
                        "T01", ViolationCode.PORTA_HEPATIS_TARGET_TOO_SMALL),
                Arguments.of("mRECIST target without arterial enhancement", Criteria.MRECIST,
                        new BaselineLesion[] {notEnhancing}, "T01", ViolationCode.TARGET_NOT_ENHANCING),
                Arguments.of("mRECIST target without viable diameter", Criteria.MRECIST,
                        new BaselineLesion[] {BaselineLesion.target("T01", LesionLocation.liver(LiverSegment.VI))
                                .longestDiameter(30).arterialEnhancement(true).build()},
                        "T01", ViolationCode.VIABLE_DIAMETER_MISSING),
                Arguments.of("portal vein tumour thrombus as target", Criteria.MRECIST,
                        new BaselineLesion[] {BaselineLesion.target("T01", LesionLocation.liver(LiverSegment.I))
                                .longestDiameter(25).viableDiameter(25).portalVeinTumourThrombus().build()},
                        "T01", ViolationCode.NON_MEASURABLE_AS_TARGET),
                Arguments.of("previously treated target not progressed", Criteria.RECIST_1_1,
                        new BaselineLesion[] {BaselineLesion.target("T01", LesionLocation.liver(LiverSegment.V))
                                .longestDiameter(30).previouslyTreated(false).build()},
                        "T01", ViolationCode.PREVIOUSLY_TREATED_TARGET),
                Arguments.of("thick slices raise the minimum to twice the thickness", Criteria.RECIST_1_1,
                        new BaselineLesion[] {BaselineLesion.target("T01", LesionLocation.liver(LiverSegment.V))
                                .longestDiameter(14).sliceThicknessMm(8).build()},
                        "T01", ViolationCode.TARGET_TOO_SMALL),
                Arguments.of("ultrasound is not accepted", Criteria.RECIST_1_1,
                        new BaselineLesion[] {BaselineLesion.target("T01", LesionLocation.liver(LiverSegment.V))
                                .longestDiameter(30).modality(Modality.ULTRASOUND).build()},
                        "T01", ViolationCode.MODALITY_NOT_FOR_MEASUREMENT),
                Arguments.of("target recorded too small to measure", Criteria.RECIST_1_1,
                        new BaselineLesion[] {BaselineLesion.target("T01", LesionLocation.liver(LiverSegment.V))
                                .longestDiameter(Diameter.tooSmall()).build()},
                        "T01", ViolationCode.TARGET_RECORDED_TOO_SMALL_TO_MEASURE),
                Arguments.of("viable diameter above LD", Criteria.MRECIST,
                        new BaselineLesion[] {BaselineLesion.target("T01", LesionLocation.liver(LiverSegment.V))
                                .longestDiameter(30).viableDiameter(32).build()},
                        "T01", ViolationCode.VIABLE_EXCEEDS_LONGEST),
                Arguments.of("normal node recorded as non-target", Criteria.RECIST_1_1,
                        new BaselineLesion[] {liver("T01", LiverSegment.II, 30),
                                BaselineLesion.nonTarget("NT01", LesionLocation.lymphNode(NodalStation.CELIAC)).shortAxis(8).build()},
                        "NT01", ViolationCode.NORMAL_NODE_RECORDED),
                Arguments.of("duplicate lesion ID", Criteria.RECIST_1_1,
                        new BaselineLesion[] {liver("T01", LiverSegment.II, 30), liver("T01", LiverSegment.III, 20)},
                        "T01", ViolationCode.DUPLICATE_LESION_ID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void reportsTheViolation(String name, Criteria criteria, BaselineLesion[] lesions, String lesionId,
                             ViolationCode code) {
        List<RuleViolation> found = check(criteria, PARAMS, lesions);
        assertThat(found).anySatisfy(v -> {
            assertThat(v.code()).isEqualTo(code);
            assertThat(v.lesionId()).isEqualTo(lesionId);
            assertThat(v.message()).contains(lesionId);
        });
    }

    @Test
    void aMinimumTargetOfExactlyTenMillimetresIsAccepted() {
        assertThat(check(Criteria.RECIST_1_1, PARAMS, liver("T01", LiverSegment.II, 10))).isEmpty();
    }

    @Test
    void limitsTargetsInTotalAndPerOrganWithAllNodesOneOrgan() {
        BaselineLesion[] lesions = {
                liver("T01", LiverSegment.VIII, 40), liver("T02", LiverSegment.VII, 30), liver("T03", LiverSegment.VI, 20),
                Fixtures.nodalTarget("T04", NodalStation.CELIAC, 20), Fixtures.nodalTarget("T05", NodalStation.PARA_AORTIC, 18),
                Fixtures.nodalTarget("T06", NodalStation.MEDIASTINAL, 16)};
        List<RuleViolation> found = check(Criteria.RECIST_1_1, PARAMS, lesions);
        assertThat(found).extracting(RuleViolation::lesionId, RuleViolation::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("T03", ViolationCode.TOO_MANY_TARGETS_IN_ORGAN),
                org.assertj.core.groups.Tuple.tuple("T06", ViolationCode.TOO_MANY_TARGETS_IN_ORGAN),
                org.assertj.core.groups.Tuple.tuple("T06", ViolationCode.TOO_MANY_TARGETS));
        assertThat(RuleViolation.anyError(found)).isTrue();
    }

    @Test
    void otherOrgansAreToldApartByTheirName() {
        BaselineLesion a = BaselineLesion.target("T01", LesionLocation.of(Organ.OTHER, "Ovary")).longestDiameter(20).build();
        BaselineLesion b = BaselineLesion.target("T02", LesionLocation.of(Organ.OTHER, "ovary ")).longestDiameter(20).build();
        BaselineLesion c = BaselineLesion.target("T03", LesionLocation.of(Organ.OTHER, "ovary")).longestDiameter(20).build();
        BaselineLesion d = BaselineLesion.target("T04", LesionLocation.of(Organ.OTHER, "thyroid")).longestDiameter(20).build();
        assertThat(check(Criteria.RECIST_1_1, PARAMS, a, b, c, d)).singleElement()
                .extracting(RuleViolation::lesionId).isEqualTo("T03");
    }

    @Test
    void intrahepaticLimitAppliesOnlyToMrecistWhenTheProtocolSetsIt() {
        BaselineLesion[] lesions = {liver("T01", LiverSegment.VIII, 40), liver("T02", LiverSegment.II, 30),
                BaselineLesion.target("T03", LesionLocation.of(Organ.LUNG, null)).longestDiameter(15).viableDiameter(12).build()};
        ResponseParameters twoIntrahepatic = PARAMS.toBuilder().maxIntrahepaticTargets(1).maxTargetsPerOrgan(5).build();
        assertThat(check(Criteria.MRECIST, twoIntrahepatic, lesions)).singleElement()
                .satisfies(v -> {
                    assertThat(v.code()).isEqualTo(ViolationCode.TOO_MANY_INTRAHEPATIC_TARGETS);
                    assertThat(v.lesionId()).isEqualTo("T02");
                });
        assertThat(check(Criteria.RECIST_1_1, twoIntrahepatic, lesions)).isEmpty();
        assertThat(check(Criteria.MRECIST, PARAMS, lesions)).isEmpty();
    }

    @Test
    void previouslyTreatedLesionThatProgressedMayBeATarget() {
        BaselineLesion t = BaselineLesion.target("T01", LesionLocation.liver(LiverSegment.V))
                .longestDiameter(30).viableDiameter(30).previouslyTreated(true).build();
        assertThat(check(Criteria.MRECIST, PARAMS, t)).isEmpty();
    }

    @Test
    void warningsAreNotErrors() {
        BaselineLesion t1 = Fixtures.nodalTarget("T01", NodalStation.CELIAC, 20);
        BaselineLesion t2 = Fixtures.nodalTarget("T02", NodalStation.CELIAC, 16);
        BaselineLesion mrecistNotArterial = BaselineLesion.target("T03", LesionLocation.liver(LiverSegment.V))
                .longestDiameter(30).viableDiameter(25).phase(ContrastPhase.PORTAL_VENOUS).build();
        List<RuleViolation> found = check(Criteria.MRECIST, PARAMS, t1, t2, mrecistNotArterial);
        assertThat(found).extracting(RuleViolation::code)
                .containsExactlyInAnyOrder(ViolationCode.NODES_FROM_SAME_STATION, ViolationCode.NOT_ARTERIAL_PHASE);
        assertThat(RuleViolation.anyError(found)).isFalse();
        assertThat(found).allMatch(v -> v.severity() == Severity.WARNING);
    }

    @Test
    void nonTargetOnlyDiseaseIsAWarningAndNoLesionsAnError() {
        assertThat(check(Criteria.RECIST_1_1, PARAMS, Fixtures.liverNonTarget("NT01", LiverSegment.II)))
                .extracting(RuleViolation::code).containsExactly(ViolationCode.NO_TARGET_LESIONS);
        assertThat(check(Criteria.RECIST_1_1, PARAMS)).extracting(RuleViolation::code)
                .containsExactly(ViolationCode.NO_LESIONS);
    }

    @Test
    void baselineImagingWindow() {
        Baseline b = Baseline.of(LocalDate.of(2024, 1, 1), liver("T01", LiverSegment.II, 30));
        assertThat(SelectionRules.validate(Criteria.RECIST_1_1, PARAMS, b, LocalDate.of(2024, 1, 29))).isEmpty();
        assertThat(SelectionRules.validate(Criteria.RECIST_1_1, PARAMS, b, LocalDate.of(2024, 1, 30)))
                .extracting(RuleViolation::code).containsExactly(ViolationCode.BASELINE_TOO_EARLY);
        assertThat(SelectionRules.validate(Criteria.RECIST_1_1, PARAMS, b, LocalDate.of(2023, 12, 31)))
                .extracting(RuleViolation::code).containsExactly(ViolationCode.BASELINE_AFTER_TREATMENT);
    }
}
