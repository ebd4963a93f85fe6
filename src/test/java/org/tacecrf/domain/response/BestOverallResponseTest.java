package org.tacecrf.domain.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tacecrf.domain.response.Fixtures.TREATMENT;
import static org.tacecrf.domain.response.Fixtures.day;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BestOverallResponseTest {

    private static final ResponseParameters UNCONFIRMED = ResponseParameters.defaults();
    private static final ResponseParameters CONFIRMED = UNCONFIRMED.toBuilder().confirmationRequired(true).build();

    private static RecordedResponse at(int day, Response r) {
        return RecordedResponse.of(day(day), r);
    }

    private static BestOverallResponse bor(ResponseParameters p, RecordedResponse... points) {
        return BestOverallResponse.derive(List.of(points), TREATMENT, p);
    }

    @Test
    void withoutConfirmationASinglePrIsTheBest() {
        BestOverallResponse b = bor(UNCONFIRMED, at(30, Response.SD), at(90, Response.PR), at(150, Response.SD),
                at(210, Response.PD));
        assertThat(b.response()).isEqualTo(Response.PR);
        assertThat(b.responseDate()).isEqualTo(day(90));
        assertThat(b.confirmationDate()).isNull();
        assertThat(b.objectiveResponse()).isTrue();
        assertThat(b.diseaseControl()).isTrue();
        assertThat(b.firstProgressionDate()).isEqualTo(day(210));
    }

    @Test
    void nothingAfterFirstProgressionCounts() {
        BestOverallResponse b = bor(UNCONFIRMED, at(60, Response.SD), at(120, Response.PD), at(180, Response.CR));
        assertThat(b.response()).isEqualTo(Response.SD);
    }

    static Stream<Arguments> sdMinimumDuration() {
        return Stream.of(
                Arguments.of("SD exactly at the minimum (42 days) counts", new RecordedResponse[] {at(42, Response.SD)}, Response.SD),
                Arguments.of("SD one day early is NE", new RecordedResponse[] {at(41, Response.SD)}, Response.NE),
                Arguments.of("early SD then PD is PD", new RecordedResponse[] {at(30, Response.SD), at(60, Response.PD)}, Response.PD),
                Arguments.of("early SD then lost is NE", new RecordedResponse[] {at(30, Response.SD)}, Response.NE),
                Arguments.of("early SD then late SD is SD", new RecordedResponse[] {at(30, Response.SD), at(90, Response.SD)}, Response.SD),
                Arguments.of("PD first is PD", new RecordedResponse[] {at(30, Response.PD)}, Response.PD),
                Arguments.of("no assessment is NE", new RecordedResponse[] {}, Response.NE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sdMinimumDuration")
    void sdMinimumDurationFromReferenceDate(String name, RecordedResponse[] points, Response expected) {
        BestOverallResponse b = bor(UNCONFIRMED, points);
        assertThat(b.response()).isEqualTo(expected);
        assertThat(b.responseDate() == null).isEqualTo(expected == Response.NE);
    }

    /** RECIST 1.1 confirmation table (clinical rules 1.9), with the SD minimum met (day 56) and not (day 30). */
    static Stream<Arguments> confirmationTable() {
        return Stream.of(
                Arguments.of(Response.CR, 56, Response.CR, 84, Response.CR),
                Arguments.of(Response.CR, 56, Response.PR, 112, Response.SD),
                Arguments.of(Response.CR, 30, Response.PR, 60, Response.PD),
                Arguments.of(Response.CR, 56, Response.SD, 112, Response.SD),
                Arguments.of(Response.CR, 30, Response.SD, 60, Response.PD),
                Arguments.of(Response.CR, 56, Response.PD, 112, Response.SD),
                Arguments.of(Response.CR, 30, Response.PD, 60, Response.PD),
                Arguments.of(Response.CR, 56, Response.NE, 112, Response.SD),
                Arguments.of(Response.CR, 30, Response.NE, 60, Response.NE),
                Arguments.of(Response.PR, 56, Response.CR, 84, Response.PR),
                Arguments.of(Response.PR, 56, Response.PR, 84, Response.PR),
                Arguments.of(Response.PR, 56, Response.SD, 112, Response.SD),
                Arguments.of(Response.PR, 56, Response.PD, 112, Response.SD),
                Arguments.of(Response.PR, 30, Response.PD, 60, Response.PD),
                Arguments.of(Response.PR, 56, Response.NE, 112, Response.SD),
                Arguments.of(Response.PR, 30, Response.NE, 60, Response.NE),
                Arguments.of(Response.NE, 56, Response.NE, 112, Response.NE));
    }

    @ParameterizedTest(name = "{0} (day {1}) then {2} (day {3}) -> {4}")
    @MethodSource("confirmationTable")
    void confirmationRequired(Response first, int firstDay, Response next, int nextDay, Response expected) {
        BestOverallResponse b = bor(CONFIRMED, at(firstDay, first), at(nextDay, next));
        assertThat(b.response()).isEqualTo(expected);
        assertThat(b.confirmationRequired()).isTrue();
        assertThat(b.crFollowedByLesserResponse())
                .isEqualTo(first == Response.CR && (next == Response.PR || next == Response.SD));
    }

    @Test
    void confirmationMustBeAtLeast28DaysLater() {
        assertThat(bor(CONFIRMED, at(56, Response.PR), at(83, Response.PR)).response()).isEqualTo(Response.SD);
        BestOverallResponse b = bor(CONFIRMED, at(56, Response.PR), at(84, Response.PR));
        assertThat(b.response()).isEqualTo(Response.PR);
        assertThat(b.responseDate()).isEqualTo(day(56));
        assertThat(b.confirmationDate()).isEqualTo(day(84));
    }

    @Test
    void earlyRepeatScanDoesNotBlockALaterConfirmation() {
        BestOverallResponse b = bor(CONFIRMED, at(56, Response.PR), at(70, Response.PR), at(112, Response.CR));
        assertThat(b.response()).isEqualTo(Response.PR);
        assertThat(b.confirmationDate()).isEqualTo(day(112));
    }

    @Test
    void oneNeBetweenResponseAndConfirmationIsAllowedByDefault() {
        RecordedResponse[] points = {at(56, Response.PR), at(84, Response.NE), at(112, Response.PR)};
        assertThat(bor(CONFIRMED, points).response()).isEqualTo(Response.PR);
        ResponseParameters strict = CONFIRMED.toBuilder().maxNeBetweenConfirmation(0).build();
        assertThat(bor(strict, points).response()).isEqualTo(Response.SD);
    }

    @Test
    void interveningSdBreaksConfirmation() {
        assertThat(bor(CONFIRMED, at(56, Response.PR), at(84, Response.SD), at(112, Response.PR)).response())
                .isEqualTo(Response.SD);
    }

    @Test
    void confirmedPrStaysPrWhenLaterSumsNoLongerMeet30Percent() {
        assertThat(bor(CONFIRMED, at(56, Response.PR), at(112, Response.PR), at(168, Response.SD)).response())
                .isEqualTo(Response.PR);
    }

    @Test
    void timePointsAfterNewAnticancerTherapyDoNotCount() {
        List<RecordedResponse> points = List.of(at(56, Response.SD), at(120, Response.PR));
        assertThat(BestOverallResponse.derive(points, TREATMENT, day(100), UNCONFIRMED).response()).isEqualTo(Response.SD);
        assertThat(BestOverallResponse.derive(points, TREATMENT, day(120), UNCONFIRMED).response()).isEqualTo(Response.PR);
    }

    @Test
    void nonTargetOnlyDisease() {
        RecordedResponse ncr = new RecordedResponse(day(56), Response.NON_CR_NON_PD, null, false);
        BestOverallResponse b = BestOverallResponse.derive(List.of(ncr), TREATMENT, UNCONFIRMED);
        assertThat(b.response()).isEqualTo(Response.NON_CR_NON_PD);
        assertThat(b.objectiveResponse()).isFalse();
        assertThat(b.diseaseControl()).isFalse();
        ResponseParameters counts = UNCONFIRMED.toBuilder().nonCrNonPdCountsForDiseaseControl(true).build();
        assertThat(BestOverallResponse.derive(List.of(ncr), TREATMENT, counts).diseaseControl()).isTrue();

        RecordedResponse unconfirmedCr = new RecordedResponse(day(56), Response.CR, null, false);
        assertThat(BestOverallResponse.derive(List.of(unconfirmedCr), TREATMENT, CONFIRMED).response())
                .isEqualTo(Response.NON_CR_NON_PD);
    }

    @Test
    void fromComputedTimePoints() {
        Baseline b = Fixtures.targets(40);
        List<TimePointResponse> course = ResponseEngine.evaluateAll(Criteria.MRECIST, UNCONFIRMED, b, List.of(
                Fixtures.measured(day(30), 30), Fixtures.measured(day(90), 20), Fixtures.measured(day(150), 26)));
        assertThat(course).extracting(TimePointResponse::overall)
                .containsExactly(Response.SD, Response.PR, Response.PD);
        BestOverallResponse bor = BestOverallResponse.derive(course, TREATMENT, UNCONFIRMED);
        assertThat(bor.response()).isEqualTo(Response.PR);
        assertThat(bor.firstProgressionDate()).isEqualTo(day(150));
        assertThat(ResponseHistory.adequateAssessmentDates(course)).containsExactly(day(30), day(90), day(150));
    }
}
