package org.tacecrf.domain.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tacecrf.domain.response.Fixtures.day;
import static org.tacecrf.domain.response.Fixtures.measured;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Edge cases of the time-point evaluation, each a subject's course whose last time point is
 * checked against target, non-target and overall response.
 */
class ResponseEdgeCasesTest {

    private static final ResponseParameters DEFAULTS = ResponseParameters.defaults();
    private static final ResponseParameters FLOOR_5 = DEFAULTS.toBuilder().mrecistPdAbsoluteMinMm(5).build();
    private static final Criteria RECIST = Criteria.RECIST_1_1;
    private static final Criteria MRECIST = Criteria.MRECIST;

    /** One scenario: the last assessment is the one checked. */
    record Scenario(Criteria criteria, ResponseParameters parameters, Baseline baseline, List<Assessment> course,
                    Response target, Response nonTarget, Response overall) {
    }

    private static Arguments scenario(String name, Criteria criteria, ResponseParameters parameters, Baseline baseline,
                                      List<Assessment> course, Response target, Response nonTarget, Response overall) {
        return Arguments.of(name, new Scenario(criteria, parameters, baseline, course, target, nonTarget, overall));
    }

    static Stream<Arguments> scenarios() {
        Baseline fifty = Fixtures.targets(30, 20);
        Baseline withNonTarget = Fixtures.plus(Fixtures.targets(30, 20), Fixtures.liverNonTarget("NT01", LiverSegment.II));
        Baseline withNode = Fixtures.plus(Fixtures.targets(30), Fixtures.nodalTarget("T02", NodalStation.CELIAC, 20));
        Baseline nonTargetOnly = new Baseline(Fixtures.BASELINE, List.of(
                Fixtures.liverNonTarget("NT01", LiverSegment.II),
                BaselineLesion.nonTarget("NT02", LesionLocation.liver(LiverSegment.IV)).portalVeinTumourThrombus()
                        .arterialEnhancement(true).build()));
        // Exact +20 % in decimals: 10.2 + 11.3 = 21.5 -> 10.2 + 15.6 = 25.8 (+4.3 mm).
        Baseline decimals = Fixtures.targets(40, 30);

        return Stream.of(
                scenario("nadir after shrinkage: +20 % and +6 mm over nadir 30 is PD although -28 % from baseline",
                        RECIST, DEFAULTS, fifty,
                        List.of(measured(day(30), 18, 12), measured(day(90), 22, 14)),
                        Response.PD, Response.NA, Response.PD),
                scenario("same course under mRECIST", MRECIST, DEFAULTS, fifty,
                        List.of(measured(day(30), 18, 12), measured(day(90), 22, 14)),
                        Response.PD, Response.NA, Response.PD),
                scenario("mRECIST +20 % / +4 mm without floor is PD", MRECIST, DEFAULTS, Fixtures.targets(40),
                        List.of(measured(day(30), 20), measured(day(90), 24)),
                        Response.PD, Response.NA, Response.PD),
                scenario("mRECIST +20 % / +4 mm with 5 mm floor is not PD (PR from baseline)", MRECIST, FLOOR_5,
                        Fixtures.targets(40), List.of(measured(day(30), 20), measured(day(90), 24)),
                        Response.PR, Response.NA, Response.PR),
                scenario("mRECIST +20 % / +5 mm with 5 mm floor is PD (inclusive)", MRECIST, FLOOR_5,
                        Fixtures.targets(40), List.of(measured(day(30), 25), measured(day(90), 30)),
                        Response.PD, Response.NA, Response.PD),
                scenario("mRECIST +19.9 % is not PD (no rounding up)", MRECIST, DEFAULTS, Fixtures.targets(40),
                        List.of(measured(day(30), 20), measured(day(90), 23.98)),
                        Response.PR, Response.NA, Response.PR),
                scenario("mRECIST exactly +20 % in decimals is PD (exact arithmetic)", MRECIST, DEFAULTS, decimals,
                        List.of(measured(day(30), 10.2, 11.3), measured(day(90), 10.2, 15.6)),
                        Response.PD, Response.NA, Response.PD),
                scenario("RECIST exactly +20 % in decimals but +4.3 mm is not PD", RECIST, DEFAULTS, decimals,
                        List.of(measured(day(30), 10.2, 11.3), measured(day(90), 10.2, 15.6)),
                        Response.PR, Response.NA, Response.PR),
                scenario("lesion back at 3 mm after overall CR is PD although the sum rule is not met", RECIST,
                        DEFAULTS, fifty, List.of(measured(day(30), 0, 0), measured(day(90), 3, 0)),
                        Response.PD, Response.NA, Response.PD),
                scenario("lesion back after CR, NE in between: still PD", MRECIST, DEFAULTS, fifty,
                        List.of(measured(day(30), 0, 0),
                                Fixtures.assessment(day(60), TargetMeasurement.notAssessed("T01", "scan lost"),
                                        TargetMeasurement.gone("T02")),
                                measured(day(90), 3, 0)),
                        Response.PD, Response.NA, Response.PD),
                scenario("lesion back at 3 mm without prior overall CR follows the sum rule (PR)", RECIST, DEFAULTS,
                        withNonTarget,
                        List.of(Fixtures.withNonTargets(measured(day(30), 0, 0),
                                        NonTargetObservation.of("NT01", NonTargetStatus.PRESENT)),
                                Fixtures.withNonTargets(measured(day(90), 3, 0),
                                        NonTargetObservation.of("NT01", NonTargetStatus.PRESENT))),
                        Response.PR, Response.NON_CR_NON_PD, Response.PR),
                scenario("non-target only: lesions persist -> Non-CR/Non-PD", MRECIST, DEFAULTS, nonTargetOnly,
                        List.of(Fixtures.withNonTargets(measured(day(30)),
                                NonTargetObservation.present("NT01", true), NonTargetObservation.present("NT02", false))),
                        Response.NA, Response.NON_CR_NON_PD, Response.NON_CR_NON_PD),
                scenario("non-target only: no enhancement left -> CR under mRECIST", MRECIST, DEFAULTS, nonTargetOnly,
                        List.of(Fixtures.withNonTargets(measured(day(30)),
                                NonTargetObservation.present("NT01", false), NonTargetObservation.present("NT02", false))),
                        Response.NA, Response.CR, Response.CR),
                scenario("non-target only: same lesions still present -> Non-CR/Non-PD under RECIST", RECIST, DEFAULTS,
                        nonTargetOnly,
                        List.of(Fixtures.withNonTargets(measured(day(30)),
                                NonTargetObservation.present("NT01", false), NonTargetObservation.present("NT02", false))),
                        Response.NA, Response.NON_CR_NON_PD, Response.NON_CR_NON_PD),
                scenario("non-target only: one not evaluable -> NE", RECIST, DEFAULTS, nonTargetOnly,
                        List.of(Fixtures.withNonTargets(measured(day(30)),
                                NonTargetObservation.of("NT01", NonTargetStatus.ABSENT),
                                NonTargetObservation.of("NT02", NonTargetStatus.NOT_EVALUABLE))),
                        Response.NA, Response.NE, Response.NE),
                scenario("non-target only: unequivocal progression -> PD", RECIST, DEFAULTS, nonTargetOnly,
                        List.of(Fixtures.withNonTargets(measured(day(30)),
                                NonTargetObservation.of("NT01", NonTargetStatus.ABSENT),
                                NonTargetObservation.of("NT02", NonTargetStatus.UNEQUIVOCAL_PROGRESSION))),
                        Response.NA, Response.PD, Response.PD),
                scenario("non-target only: new lesion -> PD", RECIST, DEFAULTS, nonTargetOnly,
                        List.of(Fixtures.withNewLesions(Fixtures.withNonTargets(measured(day(30)),
                                        NonTargetObservation.of("NT01", NonTargetStatus.ABSENT),
                                        NonTargetObservation.of("NT02", NonTargetStatus.ABSENT)),
                                NewLesion.unequivocal("NEW01", LesionLocation.of(Organ.LUNG, null), 12.0))),
                        Response.NA, Response.CR, Response.PD),
                scenario("target not assessed -> NE", RECIST, DEFAULTS, fifty,
                        List.of(Fixtures.assessment(day(30), TargetMeasurement.of("T01", 20, 20),
                                TargetMeasurement.notAssessed("T02", "outside the scanned field"))),
                        Response.NE, Response.NA, Response.NE),
                scenario("target not assessed but measured ones already PD -> PD", RECIST, DEFAULTS, fifty,
                        List.of(measured(day(30), 15, 10),
                                Fixtures.assessment(day(90), TargetMeasurement.of("T01", 31, 31),
                                        TargetMeasurement.notAssessed("T02", "outside the scanned field"))),
                        Response.PD, Response.NA, Response.PD),
                scenario("target with no entry at all counts as not assessed", MRECIST, DEFAULTS, fifty,
                        List.of(Fixtures.assessment(day(30), TargetMeasurement.of("T01", 20, 20))),
                        Response.NE, Response.NA, Response.NE),
                scenario("too small to measure counts as 5 mm: PR, not CR", RECIST, DEFAULTS, fifty,
                        List.of(Fixtures.assessment(day(30),
                                TargetMeasurement.of("T01", Diameter.tooSmall(), Diameter.ZERO),
                                TargetMeasurement.gone("T02"))),
                        Response.PR, Response.NA, Response.PR),
                scenario("node below 10 mm with other targets gone is CR under RECIST (sum 8 mm)", RECIST, DEFAULTS,
                        withNode, List.of(Fixtures.assessment(day(30), TargetMeasurement.gone("T01"),
                                TargetMeasurement.node("T02", 8))),
                        Response.CR, Response.NA, Response.CR),
                scenario("node recorded as gone counts 0 mm", MRECIST, DEFAULTS, withNode,
                        List.of(Fixtures.assessment(day(30), TargetMeasurement.gone("T01"),
                                TargetMeasurement.gone("T02"))),
                        Response.CR, Response.NA, Response.CR),
                scenario("node at 10 mm is not CR", RECIST, DEFAULTS, withNode,
                        List.of(Fixtures.assessment(day(30), TargetMeasurement.gone("T01"),
                                TargetMeasurement.node("T02", 10))),
                        Response.PR, Response.NA, Response.PR),
                scenario("viable 0 with LD > 0: CR under mRECIST", MRECIST, DEFAULTS, fifty,
                        List.of(Fixtures.assessment(day(30), TargetMeasurement.of("T01", 25, 0),
                                TargetMeasurement.of("T02", 18, 0))),
                        Response.CR, Response.NA, Response.CR),
                scenario("viable 0 with LD > 0: SD under RECIST", RECIST, DEFAULTS, fifty,
                        List.of(Fixtures.assessment(day(30), TargetMeasurement.of("T01", 25, 0),
                                TargetMeasurement.of("T02", 18, 0))),
                        Response.SD, Response.NA, Response.SD),
                scenario("targets CR, non-target enhancing -> PR overall under mRECIST", MRECIST, DEFAULTS,
                        withNonTarget, List.of(Fixtures.withNonTargets(measured(day(30), 0, 0),
                                NonTargetObservation.present("NT01", true))),
                        Response.CR, Response.NON_CR_NON_PD, Response.PR),
                scenario("targets CR, non-target not evaluated -> PR overall", RECIST, DEFAULTS, withNonTarget,
                        List.of(measured(day(30), 0, 0)),
                        Response.CR, Response.NE, Response.PR),
                scenario("targets NE, non-target non-PD -> NE", RECIST, DEFAULTS, withNonTarget,
                        List.of(Fixtures.withNonTargets(Fixtures.assessment(day(30), TargetMeasurement.of("T01", 20, 20)),
                                NonTargetObservation.of("NT01", NonTargetStatus.PRESENT))),
                        Response.NE, Response.NON_CR_NON_PD, Response.NE),
                scenario("targets SD, non-target unequivocal progression -> PD", RECIST, DEFAULTS, withNonTarget,
                        List.of(Fixtures.withNonTargets(measured(day(30), 28, 20),
                                NonTargetObservation.of("NT01", NonTargetStatus.UNEQUIVOCAL_PROGRESSION))),
                        Response.SD, Response.PD, Response.PD),
                scenario("mRECIST non-target present without enhancement recorded -> NE", MRECIST, DEFAULTS,
                        withNonTarget, List.of(Fixtures.withNonTargets(measured(day(30), 15, 15),
                                NonTargetObservation.of("NT01", NonTargetStatus.PRESENT))),
                        Response.PR, Response.NE, Response.PR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void lastTimePoint(String name, Scenario s) {
        List<TimePointResponse> all = ResponseEngine.evaluateAll(s.criteria(), s.parameters(), s.baseline(), s.course());
        TimePointResponse last = all.get(all.size() - 1);
        assertThat(last.targetResponse()).as("target").isEqualTo(s.target());
        assertThat(last.nonTargetResponse()).as("non-target").isEqualTo(s.nonTarget());
        assertThat(last.overall()).as("overall").isEqualTo(s.overall());
        assertThat(last.criteria()).isEqualTo(s.criteria());
        if (s.overall() == Response.PD) {
            assertThat(last.progressionDate()).isNotNull();
            assertThat(last.progressionBasis()).isNotEmpty();
        } else {
            assertThat(last.progressionDate()).isNull();
        }
    }
}
