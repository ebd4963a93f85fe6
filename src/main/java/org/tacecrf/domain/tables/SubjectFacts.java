package org.tacecrf.domain.tables;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the casebook keeps about a subject outside its forms.
 *
 * @param id            subject id (the id of its {@code SubjectData})
 * @param number        pseudonymous subject number, e.g. ZJU-001
 * @param siteId        site
 * @param armId         treatment arm, or null when not assigned
 * @param status        study status (ON_STUDY, COMPLETED, WITHDRAWN, LOST_TO_FOLLOW_UP, DIED)
 * @param enrolmentDate date of enrolment
 * @param locked        whether the casebook is locked
 */
public record SubjectFacts(long id, String number, String siteId, String armId, String status, LocalDate enrolmentDate,
                           boolean locked) {

    public SubjectFacts {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(enrolmentDate, "enrolmentDate");
    }
}
