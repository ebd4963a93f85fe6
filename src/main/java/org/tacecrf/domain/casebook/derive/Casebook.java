package org.tacecrf.domain.casebook.derive;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitType;

/**
 * One subject's data read against its study definition: what every derivation that looks beyond
 * its own form needs (TACE sessions, the baseline form, forms by visit, visit types).
 */
final class Casebook {

    static final String BASELINE_FORM = "baseline";

    private final StudyDefinition study;
    private final SubjectData data;
    private TaceSessions sessions;

    Casebook(StudyDefinition study, SubjectData data) {
        this.study = study;
        this.data = data;
    }

    StudyDefinition study() {
        return study;
    }

    SubjectData data() {
        return data;
    }

    TaceSessions sessions() {
        if (sessions == null) {
            sessions = TaceSessions.of(data);
        }
        return sessions;
    }

    Optional<LocalDate> firstTaceDate() {
        return sessions().first();
    }

    FormDef formDef(String formId) {
        return study.form(formId).orElseThrow(() -> new IllegalArgumentException(
                "form " + formId + " is not part of study " + study.id()));
    }

    /** Instances of a form that hold data, in visit order. */
    List<FormInstance> filled(String formId) {
        return data.forms(formId).stream().filter(Row::hasValues).toList();
    }

    /** The first filled instance of a form (e.g. the baseline form). */
    Optional<FormInstance> firstFilled(String formId) {
        return filled(formId).stream().findFirst();
    }

    /** The type of the visit a form was recorded at. */
    Optional<VisitType> visitType(FormInstance form) {
        return study.visit(form.visit().visitId()).map(v -> v.type());
    }

    /** Date of a form: its own date item when filled, else the date of its visit occurrence. */
    static Optional<LocalDate> dateOf(FormInstance form, String dateItem) {
        return form.date(dateItem).or(() -> Optional.ofNullable(form.visit().date()));
    }

    Row row(FormInstance form) {
        return Row.of(formDef(form.formId()), form);
    }
}
