package org.tacecrf.domain.exchange;

import java.time.LocalDate;

import org.tacecrf.domain.casebook.SubjectData;

/**
 * A subject with all of its data, as the exports read it one subject at a time.
 *
 * @param status the subject's status name (ON_STUDY, COMPLETED, WITHDRAWN, LOST_TO_FOLLOW_UP, DIED)
 */
public record ExportSubject(long id, String subjectNumber, String siteId, String armId, LocalDate consentDate,
                            LocalDate enrolmentDate, String status, SubjectData data) {
}
