package org.tacecrf.domain.tables;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One patient of the screening log, for the CONSORT counts.
 *
 * @param siteId         site
 * @param screenedOn     date of screening
 * @param outcome        what became of the patient
 * @param reason         the reason recorded for not being eligible or not enrolled, or null
 * @param failedCriteria ids of the criteria the patient failed (an inclusion criterion answered no,
 *                       an exclusion criterion answered yes)
 */
public record ScreeningEntry(String siteId, LocalDate screenedOn, Outcome outcome, String reason,
                             List<String> failedCriteria) {

    /** The screening log's outcome (the first boxes of the CONSORT flow). */
    public enum Outcome { ELIGIBLE, NOT_ELIGIBLE, NOT_ENROLLED, ENROLLED }

    public ScreeningEntry {
        Objects.requireNonNull(siteId);
        Objects.requireNonNull(screenedOn);
        Objects.requireNonNull(outcome);
        failedCriteria = List.copyOf(failedCriteria);
    }
}
