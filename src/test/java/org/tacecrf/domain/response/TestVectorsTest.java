package org.tacecrf.domain.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tacecrf.domain.response.Fixtures.day;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The test vectors of clinical rules 1.11, for RECIST 1.1 and for mRECIST as published. */
class TestVectorsTest {

    private static final ResponseParameters PARAMS = ResponseParameters.defaults();

    static Stream<Arguments> vectors() {
        return Stream.of(
                // #, baseline, previous sums, current sum, RECIST 1.1, mRECIST
                Arguments.of(1, 50.0, new double[] {}, 35.0, Response.PR, Response.PR),
                Arguments.of(2, 50.0, new double[] {}, 36.0, Response.SD, Response.SD),
                Arguments.of(3, 50.0, new double[] {34.0}, 38.0, Response.SD, Response.SD),
                // The rules table lists RECIST "SD" for vector 4; its point is that the 5 mm floor prevents PD.
                // By the PR definition of rules 1.5 a sum 40 % below baseline is PR, so PR is expected here.
                Arguments.of(4, 40.0, new double[] {20.0}, 24.0, Response.PR, Response.PD),
                Arguments.of(5, 40.0, new double[] {10.0}, 15.0, Response.PD, Response.PD));
    }

    @ParameterizedTest(name = "vector {0}: baseline {1}, current {3} -> RECIST {4}, mRECIST {5}")
    @MethodSource("vectors")
    void sumVectors(int number, double baseline, double[] previous, double current,
                    Response recist, Response mrecist) {
        Baseline b = Fixtures.targets(baseline);
        List<Assessment> history = new ArrayList<>();
        for (int i = 0; i < previous.length; i++) {
            history.add(Fixtures.measured(day(30 * (i + 1)), previous[i]));
        }
        Assessment now = Fixtures.measured(day(30 * (previous.length + 1)), current);

        TimePointResponse r = ResponseEngine.evaluate(Criteria.RECIST_1_1, PARAMS, b, history, now);
        TimePointResponse m = ResponseEngine.evaluate(Criteria.MRECIST, PARAMS, b, history, now);

        assertThat(r.targetResponse()).as("RECIST 1.1 target").isEqualTo(recist);
        assertThat(m.targetResponse()).as("mRECIST target").isEqualTo(mrecist);
        // No non-targets and no new lesions: the overall response is the target response.
        assertThat(r.overall()).isEqualTo(recist);
        assertThat(m.overall()).isEqualTo(mrecist);
    }

    @Test
    void vector1ExposesMinusThirtyPercentExactly() {
        TimePointResponse r = ResponseEngine.evaluate(Criteria.RECIST_1_1, PARAMS, Fixtures.targets(50),
                List.of(), Fixtures.measured(day(30), 35));
        assertThat(r.targetSums().sumMm()).isEqualTo(35.0);
        assertThat(r.targetSums().baselineSumMm()).isEqualTo(50.0);
        assertThat(r.targetSums().pctChangeFromBaseline()).isEqualTo(-30.0);
        assertThat(r.criteriaVersion()).isEqualTo("RECIST 1.1");
    }

    @Test
    void vector3UsesNadirOfPreviousAssessment() {
        TimePointResponse r = ResponseEngine.evaluate(Criteria.RECIST_1_1, PARAMS, Fixtures.targets(50),
                List.of(Fixtures.measured(day(30), 34)), Fixtures.measured(day(60), 38));
        assertThat(r.targetSums().nadirMm()).isEqualTo(34.0);
        assertThat(r.targetSums().pctChangeFromNadir()).isCloseTo(11.7647, within(1e-4));
        assertThat(r.targetSums().pctChangeFromBaseline()).isEqualTo(-24.0);
        assertThat(r.targetSums().absChangeFromNadirMm()).isEqualTo(4.0);
    }

    @Test
    void vector4FloorDecides() {
        Baseline b = Fixtures.targets(40);
        List<Assessment> history = List.of(Fixtures.measured(day(30), 20));
        Assessment now = Fixtures.measured(day(60), 24);
        TimePointResponse r = ResponseEngine.evaluate(Criteria.RECIST_1_1, PARAMS, b, history, now);
        assertThat(r.targetResponse()).isNotEqualTo(Response.PD);
        assertThat(r.targetSums().pctChangeFromBaseline()).isEqualTo(-40.0);
        TimePointResponse m = ResponseEngine.evaluate(Criteria.MRECIST, PARAMS, b, history, now);
        assertThat(m.targetSums().pctChangeFromNadir()).isEqualTo(20.0);
        assertThat(m.targetSums().absChangeFromNadirMm()).isEqualTo(4.0);
        assertThat(m.progressionBasis()).containsExactly(ProgressionBasis.TARGET_SUM);
        assertThat(m.progressionDate()).isEqualTo(day(60));
        assertThat(m.criteriaVersion()).isEqualTo("mRECIST (Lencioni & Llovet 2010)");
    }

    @Test
    void vector6ViableTumourGoneButLesionStillVisible() {
        Baseline b = Fixtures.targets(30);
        Assessment now = Fixtures.assessment(day(30), TargetMeasurement.of("T01", 25, 0));

        TimePointResponse r = ResponseEngine.evaluate(Criteria.RECIST_1_1, PARAMS, b, List.of(), now);
        TimePointResponse m = ResponseEngine.evaluate(Criteria.MRECIST, PARAMS, b, List.of(), now);

        assertThat(r.targetResponse()).isEqualTo(Response.SD);
        assertThat(r.targetSums().sumMm()).isEqualTo(25.0);
        assertThat(r.targetSums().pctChangeFromBaseline()).isCloseTo(-16.667, within(1e-3));
        assertThat(m.targetResponse()).isEqualTo(Response.CR);
        assertThat(m.targetSums().sumMm()).isEqualTo(0.0);
        assertThat(m.overall()).isEqualTo(Response.CR);
    }

    @Test
    void vector7ReappearanceAfterOverallCr() {
        Baseline b = Fixtures.targets(50);
        List<Assessment> history = List.of(Fixtures.measured(day(30), 0));
        Assessment now = Fixtures.measured(day(90), 6);
        for (Criteria criteria : Criteria.values()) {
            List<TimePointResponse> all = ResponseEngine.evaluateAll(criteria, PARAMS, b,
                    List.of(history.get(0), now));
            assertThat(all.get(0).overall()).as(criteria + " previous").isEqualTo(Response.CR);
            TimePointResponse current = all.get(1);
            assertThat(current.targetResponse()).as(criteria + " target").isEqualTo(Response.PD);
            assertThat(current.targetSums().nadirMm()).isEqualTo(0.0);
            assertThat(current.targetSums().pctChangeFromNadir()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(current.targetSums().absChangeFromNadirMm()).isEqualTo(6.0);
            assertThat(current.progressionBasis())
                    .containsExactlyInAnyOrder(ProgressionBasis.TARGET_SUM, ProgressionBasis.TARGET_REAPPEARANCE);
        }
    }
}
