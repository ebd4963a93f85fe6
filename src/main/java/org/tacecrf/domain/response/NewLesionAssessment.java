package org.tacecrf.domain.response;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * New-lesion assessment at one time point: the overall status and the verdict on every new lesion.
 *
 * @param status   PRESENT when at least one lesion counts, EQUIVOCAL when some are equivocal only
 * @param verdicts one per new lesion recorded at this time point
 */
public record NewLesionAssessment(NewLesionStatus status, List<NewLesionVerdict> verdicts) {

    public NewLesionAssessment {
        verdicts = List.copyOf(verdicts);
    }

    static NewLesionAssessment of(List<NewLesionVerdict> verdicts) {
        NewLesionStatus status = verdicts.stream().anyMatch(NewLesionVerdict::counts) ? NewLesionStatus.PRESENT
                : verdicts.stream().anyMatch(v -> v.outcome() == NewLesionVerdict.Outcome.EQUIVOCAL)
                ? NewLesionStatus.EQUIVOCAL : NewLesionStatus.NONE;
        return new NewLesionAssessment(status, verdicts);
    }

    /** True when a new lesion counts towards progression. */
    public boolean progression() {
        return status == NewLesionStatus.PRESENT;
    }

    /** Earliest first-sighting date of the lesions that count. */
    public Optional<LocalDate> earliestFirstSeen() {
        return verdicts.stream().filter(NewLesionVerdict::counts).map(NewLesionVerdict::firstSeen)
                .min(Comparator.naturalOrder());
    }
}
