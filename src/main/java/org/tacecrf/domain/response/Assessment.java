package org.tacecrf.domain.response;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One follow-up tumour assessment (time point): the scan date and what was recorded for each
 * baseline lesion and each new lesion. The same record feeds RECIST 1.1 and mRECIST.
 *
 * @param date                scan date (when images of one time point were taken on different days,
 *                            the earliest, per the rule the statistical analysis plan states)
 * @param modality            imaging technique used; null when not recorded
 * @param targets             one measurement per target lesion; a missing entry counts as not assessed
 * @param nonTargets          one observation per non-target lesion; a missing entry counts as not evaluated
 * @param newLesions          new lesions seen on this scan
 * @param tumourMarkersNormal RECIST non-target CR may need normal markers (study parameter); null when not recorded
 */
public record Assessment(
        LocalDate date,
        Modality modality,
        List<TargetMeasurement> targets,
        List<NonTargetObservation> nonTargets,
        List<NewLesion> newLesions,
        Boolean tumourMarkersNormal) {

    public Assessment {
        Objects.requireNonNull(date, "date");
        targets = List.copyOf(targets);
        nonTargets = List.copyOf(nonTargets);
        newLesions = List.copyOf(newLesions);
    }

    /** An assessment with modality and tumour markers not recorded. */
    public static Assessment of(LocalDate date, List<TargetMeasurement> targets,
                                List<NonTargetObservation> nonTargets, List<NewLesion> newLesions) {
        return new Assessment(date, null, targets, nonTargets, newLesions, null);
    }

    public Optional<TargetMeasurement> target(String lesionId) {
        return targets.stream().filter(t -> t.lesionId().equals(lesionId)).findFirst();
    }

    public Optional<NonTargetObservation> nonTarget(String lesionId) {
        return nonTargets.stream().filter(t -> t.lesionId().equals(lesionId)).findFirst();
    }

    public Optional<NewLesion> newLesion(String id) {
        return newLesions.stream().filter(n -> n.id().equals(id)).findFirst();
    }
}
