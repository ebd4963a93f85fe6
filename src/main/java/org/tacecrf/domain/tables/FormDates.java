package org.tacecrf.domain.tables;

import java.time.LocalDate;
import java.util.Map;

import org.tacecrf.domain.casebook.SubjectData.FormInstance;

/**
 * The date of a form for the data cut-off: the form's own date item when it has one and it is
 * filled (procedure, sampling, onset, scan, start or contact date), else the date of its visit.
 */
final class FormDates {

    private static final Map<String, String> DATE_ITEMS = Map.ofEntries(
            Map.entry("tace_session", "procedure_date"),
            Map.entry("post_labs", "lab_date"),
            Map.entry("labs", "lab_date"),
            Map.entry("tumour_markers", "marker_date"),
            Map.entry("qlq_c30", "qlq_date"),
            Map.entry("adverse_event", "ae_onset_date"),
            Map.entry("other_treatment", "start_date"),
            Map.entry("imaging_assessment", "assessment_date"),
            Map.entry("baseline_imaging", "imaging_date"),
            Map.entry("survival_contact", "contact_date"),
            Map.entry("end_of_study", "eos_date"),
            Map.entry("baseline", "assessment_date"),
            Map.entry("enrolment", "enrolment_date"));

    private FormDates() {
    }

    /** The form's date, or null when neither the form nor its visit is dated. */
    static LocalDate of(FormInstance form) {
        String item = DATE_ITEMS.get(form.formId());
        if (item != null) {
            LocalDate own = form.date(item).orElse(null);
            if (own != null) {
                return own;
            }
        }
        return form.visit() == null ? null : form.visit().date();
    }
}
