package org.tacecrf.domain.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.tacecrf.domain.response.Fixtures.day;

import java.util.List;

import org.junit.jupiter.api.Test;

class AssessmentChecksTest {

    private final Baseline baseline = Fixtures.plus(Fixtures.targets(30, 20),
            Fixtures.nodalTarget("T03", NodalStation.CELIAC, 18), Fixtures.liverNonTarget("NT01", LiverSegment.II));

    @Test
    void completeAssessmentHasNoFindings() {
        Assessment a = Fixtures.withNonTargets(Fixtures.assessment(day(30), TargetMeasurement.of("T01", 20, 10),
                TargetMeasurement.gone("T02"), TargetMeasurement.node("T03", 9)),
                NonTargetObservation.present("NT01", false));
        assertThat(AssessmentChecks.validate(baseline, a)).isEmpty();
    }

    @Test
    void reportsInconsistentRecords() {
        Assessment a = new Assessment(day(30), Modality.MRI,
                List.of(TargetMeasurement.of("T01", Diameter.of(20), null),
                        TargetMeasurement.of("T09", 10, 10),
                        TargetMeasurement.node("T03", 12), TargetMeasurement.node("T03", 12),
                        TargetMeasurement.of("T02", 15, 17)),
                List.of(),
                List.of(NewLesion.unequivocal("T01", LesionLocation.of(Organ.LUNG, null), 12.0),
                        NewLesion.unequivocal("NEW01", LesionLocation.of(Organ.BONE, null), 12.0).confirmed(day(45))),
                null);
        assertThat(AssessmentChecks.validate(baseline, a)).extracting(RuleViolation::lesionId, RuleViolation::code)
                .containsExactlyInAnyOrder(
                        tuple("T01", ViolationCode.MEASUREMENT_MISSING),
                        tuple("T01", ViolationCode.MODALITY_CHANGED),
                        tuple("T09", ViolationCode.UNKNOWN_LESION_ID),
                        tuple("T03", ViolationCode.MODALITY_CHANGED),
                        tuple("T03", ViolationCode.DUPLICATE_ENTRY),
                        tuple("T02", ViolationCode.VIABLE_EXCEEDS_LONGEST),
                        tuple("T02", ViolationCode.MODALITY_CHANGED),
                        tuple("NT01", ViolationCode.NON_TARGET_NOT_RECORDED),
                        tuple("T01", ViolationCode.NEW_LESION_REUSES_BASELINE_ID),
                        tuple("NEW01", ViolationCode.NEW_LESION_SEEN_AFTER_SCAN));
    }

    @Test
    void missingTargetAndBlankReason() {
        Assessment a = Fixtures.withNonTargets(Fixtures.assessment(day(30), TargetMeasurement.of("T01", 20, 10),
                new TargetMeasurement("T02", null, null, null, " ")),
                NonTargetObservation.present("NT01", true));
        assertThat(AssessmentChecks.validate(baseline, a)).extracting(RuleViolation::lesionId, RuleViolation::code)
                .containsExactlyInAnyOrder(tuple("T02", ViolationCode.NOT_ASSESSED_WITHOUT_REASON),
                        tuple("T03", ViolationCode.TARGET_NOT_RECORDED));
    }

    @Test
    void unrecordedModalityRaisesNoModalityWarning() {
        Assessment a = Fixtures.withNonTargets(Fixtures.assessment(day(30), TargetMeasurement.of("T01", 20, 10),
                TargetMeasurement.gone("T02"), TargetMeasurement.gone("T03")), NonTargetObservation.present("NT01", false));
        assertThat(a.modality()).isNull();
        assertThat(AssessmentChecks.validate(baseline, a)).isEmpty();
    }

    @Test
    void assessmentMustFollowBaseline() {
        Assessment a = Fixtures.assessment(Fixtures.BASELINE, TargetMeasurement.of("T01", 20, 10));
        assertThat(AssessmentChecks.validate(baseline, a)).extracting(RuleViolation::code)
                .contains(ViolationCode.ASSESSMENT_NOT_AFTER_BASELINE);
    }
}
