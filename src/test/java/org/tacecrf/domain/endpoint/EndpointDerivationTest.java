package org.tacecrf.domain.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.response.Assessment;
import org.tacecrf.domain.response.Baseline;
import org.tacecrf.domain.response.BaselineLesion;
import org.tacecrf.domain.response.ContrastPhase;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.LesionLocation;
import org.tacecrf.domain.response.LiverSegment;
import org.tacecrf.domain.response.NewLesion;
import org.tacecrf.domain.response.Organ;
import org.tacecrf.domain.response.ResponseEngine;
import org.tacecrf.domain.response.ResponseParameters;
import org.tacecrf.domain.response.TargetMeasurement;
import org.tacecrf.domain.response.TimePointResponse;

class EndpointDerivationTest {

    private static final LocalDate TACE = LocalDate.of(2024, 1, 10);
    private static final EndpointParameters PARAMS = EndpointParameters.defaults();

    private static LocalDate day(int n) {
        return TACE.plusDays(n);
    }

    private static EndpointInputs.Builder subject() {
        return EndpointInputs.builder().enrolment(TACE.minusDays(14)).firstTace(TACE);
    }

    private static void assertTime(TimeToEvent t, LocalDate date, boolean event, EndpointRule rule) {
        assertThat(t.date()).as(t.endpoint() + " date").isEqualTo(date);
        assertThat(t.event()).as(t.endpoint() + " event").isEqualTo(event);
        assertThat(t.rule()).as(t.endpoint() + " rule").isEqualTo(rule);
        assertThat(t.days()).isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(TACE, date));
    }

    @Test
    void progressionIsAnEventForPfsAndTtp() {
        Endpoints e = EndpointDerivation.derive(subject().adequateAssessments(day(30), day(90), day(150))
                .firstProgression(day(150)).lastKnownAlive(day(300)).build(), PARAMS);
        assertTime(e.pfs(), day(150), true, EndpointRule.PROGRESSION);
        assertTime(e.ttp(), day(150), true, EndpointRule.PROGRESSION);
        assertTime(e.os(), day(300), false, EndpointRule.ALIVE_AT_LAST_CONTACT);
        assertThat(e.originDate()).isEqualTo(TACE);
    }

    @Test
    void deathWithoutProgressionIsAPfsEventButCensoredForTtp() {
        Endpoints e = EndpointDerivation.derive(subject().adequateAssessments(day(30), day(90))
                .death(day(120)).build(), PARAMS);
        assertTime(e.os(), day(120), true, EndpointRule.DEATH);
        assertTime(e.pfs(), day(120), true, EndpointRule.DEATH_BETWEEN_ASSESSMENTS);
        assertTime(e.ttp(), day(90), false, EndpointRule.DEATH_NOT_A_TTP_EVENT);
    }

    @Test
    void lostToFollowUp() {
        Endpoints e = EndpointDerivation.derive(subject().adequateAssessments(day(30), day(90))
                .lastKnownAlive(day(100)).lostToFollowUp().build(), PARAMS);
        assertTime(e.os(), day(100), false, EndpointRule.LOST_TO_FOLLOW_UP);
        assertTime(e.pfs(), day(90), false, EndpointRule.LOST_TO_FOLLOW_UP);
        assertTime(e.ttp(), day(90), false, EndpointRule.LOST_TO_FOLLOW_UP);
    }

    @Test
    void progressionAfterNewTherapyIsCensoredWhenTheStudyCensorsAtIt() {
        EndpointInputs in = subject().adequateAssessments(day(30), day(90), day(150), day(210))
                .newAnticancerTherapy(day(160)).firstProgression(day(210)).lastKnownAlive(day(250)).build();
        Endpoints censored = EndpointDerivation.derive(in, PARAMS);
        assertTime(censored.pfs(), day(150), false, EndpointRule.NEW_THERAPY_BEFORE_PROGRESSION);
        assertTime(censored.ttp(), day(150), false, EndpointRule.NEW_THERAPY_BEFORE_PROGRESSION);
        assertThat(censored.pfs().rule().message()).isEqualTo("censored: new anticancer therapy before progression");

        Endpoints counted = EndpointDerivation.derive(in, PARAMS.withCensorAtNewAnticancerTherapy(false));
        assertTime(counted.pfs(), day(210), true, EndpointRule.PROGRESSION);
    }

    @Test
    void newTherapyOnTheDayOfProgressionDoesNotCensor() {
        Endpoints e = EndpointDerivation.derive(subject().adequateAssessments(day(30), day(90))
                .firstProgression(day(90)).newAnticancerTherapy(day(90)).build(), PARAMS);
        assertTime(e.pfs(), day(90), true, EndpointRule.PROGRESSION);
    }

    @Test
    void newTherapyWithoutProgressionCensorsAtTheLastAssessmentBeforeIt() {
        Endpoints e = EndpointDerivation.derive(subject().adequateAssessments(day(30), day(90), day(150))
                .newAnticancerTherapy(day(120)).build(), PARAMS);
        assertTime(e.pfs(), day(90), false, EndpointRule.NEW_THERAPY_BEFORE_PROGRESSION);
    }

    @Test
    void noPostBaselineAssessment() {
        Endpoints e = EndpointDerivation.derive(subject().lastKnownAlive(day(40)).build(), PARAMS);
        assertTime(e.pfs(), TACE, false, EndpointRule.NO_ADEQUATE_POST_BASELINE_ASSESSMENT);
        assertThat(e.pfs().days()).isZero();
        assertTime(e.os(), day(40), false, EndpointRule.ALIVE_AT_LAST_CONTACT);
    }

    @Test
    void deathBeforeFirstAssessment() {
        Endpoints e = EndpointDerivation.derive(subject().death(day(20)).build(), PARAMS);
        assertTime(e.pfs(), day(20), true, EndpointRule.DEATH_BEFORE_FIRST_ASSESSMENT);
        assertTime(e.ttp(), TACE, false, EndpointRule.DEATH_NOT_A_TTP_EVENT);
        assertTime(e.os(), day(20), true, EndpointRule.DEATH);
    }

    @Test
    void progressionAfterTwoMissedAssessmentsIsCensoredAtTheLastBeforeTheGap() {
        EndpointParameters p = PARAMS.withMissedAssessmentRule(60, 2, 0);
        Endpoints twoMissed = EndpointDerivation.derive(subject().adequateAssessments(day(60), day(200))
                .firstProgression(day(200)).build(), p);
        assertTime(twoMissed.pfs(), day(60), false, EndpointRule.EVENT_AFTER_MISSED_ASSESSMENTS);
        assertTime(twoMissed.ttp(), day(60), false, EndpointRule.EVENT_AFTER_MISSED_ASSESSMENTS);

        // Exactly two intervals later: the second scheduled assessment found it, nothing was missed twice.
        Endpoints oneMissed = EndpointDerivation.derive(subject().adequateAssessments(day(60), day(180))
                .firstProgression(day(180)).build(), p);
        assertTime(oneMissed.pfs(), day(180), true, EndpointRule.PROGRESSION);

        // The visit window extends the allowance.
        Endpoints inWindow = EndpointDerivation.derive(subject().adequateAssessments(day(60), day(185))
                .firstProgression(day(185)).build(), PARAMS.withMissedAssessmentRule(60, 2, 7));
        assertTime(inWindow.pfs(), day(185), true, EndpointRule.PROGRESSION);

        // Rule off by default.
        Endpoints off = EndpointDerivation.derive(subject().adequateAssessments(day(60), day(200))
                .firstProgression(day(200)).build(), PARAMS);
        assertTime(off.pfs(), day(200), true, EndpointRule.PROGRESSION);
    }

    @Test
    void deathAfterTwoMissedAssessmentsIsCensoredForPfs() {
        Endpoints e = EndpointDerivation.derive(subject().adequateAssessments(day(60)).death(day(200)).build(),
                PARAMS.withMissedAssessmentRule(60, 2, 0));
        assertTime(e.pfs(), day(60), false, EndpointRule.EVENT_AFTER_MISSED_ASSESSMENTS);
        assertTime(e.os(), day(200), true, EndpointRule.DEATH);
    }

    @Test
    void aliveWithoutProgression() {
        Endpoints e = EndpointDerivation.derive(subject().adequateAssessments(day(30), day(90), day(180))
                .lastKnownAlive(day(270)).build(), PARAMS);
        assertTime(e.pfs(), day(180), false, EndpointRule.NO_PROGRESSION);
        assertTime(e.ttp(), day(180), false, EndpointRule.NO_PROGRESSION);
        assertTime(e.os(), day(270), false, EndpointRule.ALIVE_AT_LAST_CONTACT);
    }

    @Test
    void noBaselineTumourAssessmentIsCensoredAtOrigin() {
        Endpoints e = EndpointDerivation.derive(subject().noBaselineTumourAssessment().adequateAssessments(day(30))
                .firstProgression(day(30)).build(), PARAMS);
        assertTime(e.pfs(), TACE, false, EndpointRule.NO_BASELINE_ASSESSMENT);
        assertTime(e.ttp(), TACE, false, EndpointRule.NO_BASELINE_ASSESSMENT);
    }

    @Test
    void progressionAndDeathOnTheSameDayIsProgression() {
        Endpoints e = EndpointDerivation.derive(subject().adequateAssessments(day(30), day(90))
                .firstProgression(day(90)).death(day(90)).build(), PARAMS);
        assertTime(e.pfs(), day(90), true, EndpointRule.PROGRESSION);
    }

    @Test
    void lastKnownAliveIsTheLatestObservationOfTheLivingSubject() {
        Endpoints e = EndpointDerivation.derive(subject().adequateAssessments(day(30), day(120))
                .lastKnownAlive(day(100)).build(), PARAMS);
        assertTime(e.os(), day(120), false, EndpointRule.ALIVE_AT_LAST_CONTACT);
    }

    @Test
    void originAndDayCountConventions() {
        EndpointInputs in = subject().randomisation(TACE.minusDays(5)).adequateAssessments(day(30))
                .firstProgression(day(360)).build();
        Endpoints fromRandomisation = EndpointDerivation.derive(in, PARAMS.withOrigin(Origin.RANDOMISATION));
        assertThat(fromRandomisation.pfs().days()).isEqualTo(365);
        assertThat(fromRandomisation.pfs().months()).isCloseTo(365 / 30.4375, within(1e-12));
        assertThat(fromRandomisation.pfs().months()).isCloseTo(11.992, within(1e-3));
        Endpoints inclusive = EndpointDerivation.derive(in,
                PARAMS.withOrigin(Origin.RANDOMISATION).withDayCount(DayCount.INCLUSIVE));
        assertThat(inclusive.pfs().days()).isEqualTo(366);
        assertThat(EndpointDerivation.derive(in, PARAMS.withOrigin(Origin.ENROLMENT)).pfs().days()).isEqualTo(374);
    }

    @Test
    void assessmentsNotAfterOriginDoNotCount() {
        Endpoints e = EndpointDerivation.derive(subject().adequateAssessments(TACE.minusDays(3), TACE).build(), PARAMS);
        assertTime(e.pfs(), TACE, false, EndpointRule.NO_ADEQUATE_POST_BASELINE_ASSESSMENT);
    }

    @Test
    void inconsistentDatesAreRejected() {
        assertThatThrownBy(() -> EndpointDerivation.derive(subject().death(TACE.minusDays(1)).build(), PARAMS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Death");
        assertThatThrownBy(() -> EndpointDerivation.derive(subject().firstProgression(day(50)).death(day(40)).build(), PARAMS))
                .hasMessageContaining("after death");
        assertThatThrownBy(() -> EndpointDerivation.derive(subject().build(), PARAMS.withOrigin(Origin.RANDOMISATION)))
                .hasMessageContaining("origin date (RANDOMISATION) is missing");
    }

    @Test
    void fromComputedResponsesWithABackdatedNewLesion() {
        ResponseParameters rp = ResponseParameters.defaults();
        Baseline baseline = Baseline.of(TACE.minusDays(7), BaselineLesion.target("T01", LesionLocation.liver(LiverSegment.VIII))
                .longestDiameter(40).viableDiameter(40).phase(ContrastPhase.ARTERIAL).build());
        NewLesion lung = NewLesion.unequivocal("NEW01", LesionLocation.of(Organ.LUNG, null), 7.0).asEquivocal();
        List<Assessment> course = List.of(
                Assessment.of(day(30), List.of(TargetMeasurement.of("T01", 30, 20)), List.of(), List.of()),
                Assessment.of(day(90), List.of(TargetMeasurement.of("T01", 30, 15)), List.of(), List.of(lung)),
                Assessment.of(day(150), List.of(TargetMeasurement.notAssessed("T01", "MRI not done")), List.of(), List.of()),
                Assessment.of(day(210), List.of(TargetMeasurement.of("T01", 30, 15)), List.of(),
                        List.of(lung.confirmed(day(90)).withSize(14))));
        List<TimePointResponse> mrecist = ResponseEngine.evaluateAll(Criteria.MRECIST, rp, baseline, course);

        Endpoints e = EndpointDerivation.derive(subject().tumourAssessments(mrecist).lastKnownAlive(day(240)).build(), PARAMS);
        assertTime(e.pfs(), day(90), true, EndpointRule.PROGRESSION);
        EndpointInputs in = subject().tumourAssessments(mrecist).build();
        assertThat(in.adequateAssessmentDates()).containsExactly(day(30), day(90), day(210));
    }
}
