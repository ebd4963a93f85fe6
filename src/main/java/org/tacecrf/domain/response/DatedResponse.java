package org.tacecrf.domain.response;

import java.time.LocalDate;

/**
 * An overall response at a dated time point: what best overall response, protocol time points and
 * endpoint derivations read. Implemented by computed {@link TimePointResponse}s and by
 * {@link RecordedResponse}s (e.g. an adjudicated central reading).
 */
public interface DatedResponse {

    /** Date of the assessment. */
    LocalDate date();

    /** Overall response at this time point. */
    Response overall();

    /**
     * Date progression is dated to; earlier than {@link #date()} when a new lesion first seen
     * earlier was confirmed here. Null unless {@link #overall()} is PD.
     */
    default LocalDate progressionDate() {
        return overall() == Response.PD ? date() : null;
    }

    /** False for a subject with non-target disease only at baseline. */
    default boolean targetDisease() {
        return true;
    }

    /** An adequate tumour assessment: the overall response is evaluable (not NE). */
    default boolean adequate() {
        return overall() != Response.NE && overall() != Response.NA;
    }
}
