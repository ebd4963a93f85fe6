package org.tacecrf.domain.response;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A time-point overall response given as a category, e.g. the analysed result of a double reading.
 *
 * @param date            assessment date
 * @param overall         overall response
 * @param progressionDate date progression is dated to when PD (the assessment date if null)
 * @param targetDisease   false for non-target-only disease
 */
public record RecordedResponse(LocalDate date, Response overall, LocalDate progressionDate, boolean targetDisease)
        implements DatedResponse {

    public RecordedResponse {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(overall, "overall");
        if (overall != Response.PD) {
            progressionDate = null;
        } else if (progressionDate == null) {
            progressionDate = date;
        }
    }

    /** A response of a subject with target disease, PD dated to the assessment itself. */
    public static RecordedResponse of(LocalDate date, Response overall) {
        return new RecordedResponse(date, overall, null, true);
    }
}
