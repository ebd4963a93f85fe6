package org.tacecrf.domain.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProtocolTimePointTest {

    private static final LocalDate ANCHOR = LocalDate.of(2024, 3, 1);
    private static final ProtocolTimePoint MONTH_1 = new ProtocolTimePoint("Month 1", 30, 7, 7);

    private static RecordedResponse at(int day, Response r) {
        return RecordedResponse.of(ANCHOR.plusDays(day), r);
    }

    static Stream<Arguments> selections() {
        return Stream.of(
                Arguments.of("closest to the target day", List.of(at(25, Response.SD), at(36, Response.PR)), 25),
                Arguments.of("tie goes to the earlier", List.of(at(33, Response.PR), at(27, Response.SD)), 27),
                Arguments.of("first day of the window included", List.of(at(23, Response.SD)), 23),
                Arguments.of("last day of the window included", List.of(at(37, Response.SD)), 37),
                Arguments.of("outside the window ignored", List.of(at(22, Response.SD), at(38, Response.PR), at(90, Response.PD)), null),
                Arguments.of("nearer one outside, farther one inside", List.of(at(38, Response.PR), at(24, Response.SD)), 24));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selections")
    void picksTheAssessmentInTheWindowClosestToTheTarget(String name, List<RecordedResponse> points, Integer expectedDay) {
        ScheduledResponse s = MONTH_1.responseAt(ANCHOR, points);
        assertThat(s.targetDate()).isEqualTo(ANCHOR.plusDays(30));
        if (expectedDay == null) {
            assertThat(s.available()).isFalse();
            assertThat(s.response()).isEmpty();
        } else {
            assertThat(s.assessment().date()).isEqualTo(ANCHOR.plusDays(expectedDay));
        }
    }

    @Test
    void scheduleOfTimePoints() {
        List<ProtocolTimePoint> schedule = List.of(MONTH_1, new ProtocolTimePoint("Month 3", 90, 14, 14),
                new ProtocolTimePoint("Month 6", 180, 14, 14));
        List<ScheduledResponse> out = ProtocolTimePoint.responsesAt(schedule, ANCHOR,
                List.of(at(31, Response.PR), at(95, Response.SD)));
        assertThat(out).extracting(s -> s.response().orElse(null))
                .containsExactly(Response.PR, Response.SD, null);
    }

    @Test
    void genericSelectionServesOtherDatedRecords() {
        record Lab(LocalDate date, double afp) {
        }
        List<Lab> labs = List.of(new Lab(ANCHOR.plusDays(20), 120), new Lab(ANCHOR.plusDays(29), 80));
        assertThat(MONTH_1.select(ANCHOR, labs, Lab::date)).map(Lab::afp).contains(80.0);
    }
}
