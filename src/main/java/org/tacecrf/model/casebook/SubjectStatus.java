package org.tacecrf.model.casebook;

/** Where a subject is in the study; the end-of-study form moves it out of ON_STUDY. */
public enum SubjectStatus {
    ON_STUDY, COMPLETED, WITHDRAWN, LOST_TO_FOLLOW_UP, DIED
}
