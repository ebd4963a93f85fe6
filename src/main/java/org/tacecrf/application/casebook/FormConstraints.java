package org.tacecrf.application.casebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tacecrf.application.common.FieldError;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.derive.TargetSelection;
import org.tacecrf.domain.ctcae.CtcaeCodeList;
import org.tacecrf.domain.ctcae.CtcaeV5;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.Visit;

/**
 * Clinical rules a form must satisfy beyond its items' definitions and the study's edit checks,
 * refused at the field on save:
 * <ul>
 *   <li>{@code baseline_imaging} marked complete: the target-lesion selection rules of the
 *       study's primary response criteria ({@link TargetSelection#blocking()}); their warnings
 *       are shown on the form, not enforced.</li>
 *   <li>{@code adverse_event}, when the study grades with CTCAE v5.0: the grade must be one the
 *       term defines (nausea has no grade 4; a vasovagal reaction starts at grade 3).</li>
 * </ul>
 */
@ApplicationScoped
public class FormConstraints {

    static final String BASELINE_IMAGING = "baseline_imaging";
    static final String ADVERSE_EVENT = "adverse_event";
    static final String TERM = "ae_term";
    static final String GRADE = "ae_grade";

    @Inject
    private CasebookRepository casebook;

    /** Errors that refuse the save, each at its field when it has one. */
    public List<FieldError> check(StudyDefinition study, Subject subject, Visit visit, FormDef form, FormData formData,
                                  int repeatKey, Map<ItemKey, StoredValue> values, boolean complete) {
        List<FieldError> errors = new ArrayList<>();
        if (BASELINE_IMAGING.equals(form.id()) && complete) {
            TargetSelection selection = TargetSelection.of(study, casebook.subjectData(subject.getId()),
                    FormRules.instance(formData, visit, form, repeatKey, values));
            selection.blocking().forEach(f -> errors.add(FieldError.of(f.field() == null ? null : f.field().toString(),
                    "lesion.rule", f.violation().message())));
        }
        if (ADVERSE_EVENT.equals(form.id())) {
            gradeNotDefined(study, form, values).ifPresent(errors::add);
        }
        return errors;
    }

    /** Whether the study grades adverse events with the CTCAE version of the catalogue. */
    public static boolean catalogueApplies(StudyDefinition study) {
        return CtcaeV5.VERSION.equals(study.parameters().ctcae().version());
    }

    static Optional<FieldError> gradeNotDefined(StudyDefinition study, FormDef form, Map<ItemKey, StoredValue> values) {
        if (!catalogueApplies(study)) {
            return Optional.empty();
        }
        Optional<String> term = value(values, TERM);
        Optional<Map.Entry<ItemKey, StoredValue>> grade = values.entrySet().stream()
                .filter(e -> e.getKey().itemId().equals(GRADE) && !e.getValue().isEmpty()).findFirst();
        if (term.isEmpty() || grade.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> parsed = gradeOf(grade.get().getValue());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        int g = parsed.get();
        return CtcaeCodeList.term(term.get()).filter(t -> !t.allows(g))
                .map(t -> FieldError.of(grade.get().getKey().toString(), "ae.error.gradeNotDefined", g, t.name(),
                        t.allowedGrades().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")));
    }

    /** A CTCAE grade as stored: the code of the grade list ("1".."5"), or a number. */
    public static Optional<Integer> gradeOf(StoredValue value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.number() != null) {
            return Optional.of(value.number().intValue());
        }
        try {
            return Optional.of(Integer.parseInt(value.text().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> value(Map<ItemKey, StoredValue> values, String itemId) {
        return values.entrySet().stream().filter(e -> e.getKey().itemId().equals(itemId) && !e.getValue().isEmpty())
                .map(e -> e.getValue().text()).findFirst();
    }
}
