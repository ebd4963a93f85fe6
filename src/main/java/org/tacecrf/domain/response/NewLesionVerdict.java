package org.tacecrf.domain.response;

import java.time.LocalDate;

/**
 * How one new lesion was judged at a time point.
 *
 * @param lesionId  new-lesion ID
 * @param outcome   counts as progression, equivocal, or does not count
 * @param reason    rule that decided
 * @param firstSeen date progression is dated back to when the lesion counts: the first scan where
 *                  it was seen (as equivocal or unequivocal)
 */
public record NewLesionVerdict(String lesionId, Outcome outcome, NewLesionReason reason, LocalDate firstSeen) {

    /** Outcome of the judgement. */
    public enum Outcome {
        COUNTS, EQUIVOCAL, NOT_COUNTED
    }

    public boolean counts() {
        return outcome == Outcome.COUNTS;
    }
}
