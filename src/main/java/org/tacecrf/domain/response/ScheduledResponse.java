package org.tacecrf.domain.response;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Response at a protocol time point.
 *
 * @param timePoint  the protocol time point
 * @param targetDate its target date for this subject
 * @param assessment the assessment chosen from the window; null when none was in it
 */
public record ScheduledResponse(ProtocolTimePoint timePoint, LocalDate targetDate, DatedResponse assessment) {

    /** False when no assessment fell inside the window ("not available"). */
    public boolean available() {
        return assessment != null;
    }

    /** Overall response of the chosen assessment, if any. */
    public Optional<Response> response() {
        return Optional.ofNullable(assessment).map(DatedResponse::overall);
    }
}
