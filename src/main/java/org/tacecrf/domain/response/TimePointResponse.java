package org.tacecrf.domain.response;

import java.time.LocalDate;
import java.util.Set;

/**
 * Response at one time point under one criteria, with every intermediate number so the form can
 * show how it was reached (CDISC {@code RS}: {@code TRGRESP}, {@code NTRGRESP}, {@code NEWLPROG},
 * {@code OVRLRESP}).
 *
 * @param criteria          criteria applied; {@link #criteriaVersion()} is stored with the result
 * @param date              assessment date
 * @param targetSums        sums, nadir and changes
 * @param targetResponse    CR, PR, SD, PD, NE; NA without target lesions
 * @param nonTargetResponse CR, NON_CR_NON_PD, PD, NE; NA without non-target lesions
 * @param newLesions        new-lesion status and the verdict on each new lesion
 * @param overall           overall response from the table in clinical rules 1.8
 * @param progressionDate   when PD: the earliest date progression can be declared (the scan date,
 *                          or the first sighting of a new lesion confirmed later); null otherwise
 * @param progressionBasis  what made it PD; empty otherwise
 */
public record TimePointResponse(
        Criteria criteria,
        LocalDate date,
        TargetSums targetSums,
        Response targetResponse,
        Response nonTargetResponse,
        NewLesionAssessment newLesions,
        Response overall,
        LocalDate progressionDate,
        Set<ProgressionBasis> progressionBasis) implements DatedResponse {

    public TimePointResponse {
        progressionBasis = Set.copyOf(progressionBasis);
    }

    /** Name and version of the criteria, e.g. "mRECIST (Lencioni &amp; Llovet 2010)". */
    public String criteriaVersion() {
        return criteria.version();
    }

    @Override
    public boolean targetDisease() {
        return targetResponse != Response.NA;
    }
}
