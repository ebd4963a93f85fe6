package org.tacecrf.model.casebook;

/** The screening log's outcome for a patient (the CONSORT flow's first boxes). */
public enum ScreeningOutcome {
    /** Meets every criterion; not yet enrolled. */
    ELIGIBLE,
    /** Fails a criterion; the reason is recorded. */
    NOT_ELIGIBLE,
    /** Eligible but declined or was not enrolled for another reason. */
    NOT_ENROLLED,
    /** Enrolled as a subject (with a waiver when not eligible). */
    ENROLLED
}
