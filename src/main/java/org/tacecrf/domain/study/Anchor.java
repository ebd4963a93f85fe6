package org.tacecrf.domain.study;

/**
 * The date a visit's target day is counted from. The protocol must fix it because calendar-fixed
 * and post-TACE schedules drift apart when TACE is repeated on demand (clinical rules §7.1).
 */
public enum Anchor {
    /** The enrolment date. */
    ENROLMENT,
    /** The date of the first TACE session. */
    FIRST_TACE,
    /** The date of every TACE session: the visit recurs after each session. */
    EACH_TACE,
    /** The date of the most recent TACE session. */
    LAST_TACE,
    /** The date of the previous visit in the schedule, or of the visit's own previous occurrence. */
    PREVIOUS_VISIT,
    /** The date of a named visit ({@link VisitTiming#anchorVisitId()}). */
    VISIT;

    public boolean needsTreatmentVisit() {
        return this == FIRST_TACE || this == EACH_TACE || this == LAST_TACE;
    }
}
