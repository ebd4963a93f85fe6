package org.tacecrf.domain.validation;

import java.time.LocalDate;
import java.util.Objects;

import org.tacecrf.domain.casebook.SubjectData;

/**
 * What the checks of one subject read: the casebook, and the facts of the subject record that are
 * not form values.
 *
 * @param data              the subject's visits, forms and values
 * @param enrolmentDate     the enrolment date of the subject record, the anchor of visits timed from
 *                          enrolment; may be null
 * @param eligibilityWaiver whether the subject was enrolled with a documented eligibility waiver
 */
public record CheckSubject(SubjectData data, LocalDate enrolmentDate, boolean eligibilityWaiver) {

    public CheckSubject {
        Objects.requireNonNull(data, "data");
    }

    /** The same subject with one form's values replaced by unsaved input (see {@link SubjectData#withForm}). */
    public CheckSubject withForm(SubjectData.FormInstance form) {
        return new CheckSubject(data.withForm(form), enrolmentDate, eligibilityWaiver);
    }
}
