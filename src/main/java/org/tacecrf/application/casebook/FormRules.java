package org.tacecrf.application.casebook;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.domain.casebook.FormLogic;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.ValueProblem;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.Visit;

/**
 * The study's logic around a save, beyond single values: which conditional items are shown,
 * and what follows from a saved form (the enrolment form's dates and arm are the subject's).
 */
@ApplicationScoped
public class FormRules {

    @Inject
    private CasebookRepository casebook;

    /** The values to store after the rules, with what the rules found. */
    public record Outcome(Map<ItemKey, StoredValue> values, Predicate<ItemKey> visible, Map<ItemKey, String> derivedBy,
                          Map<ItemKey, List<ValueProblem>> warnings, List<FieldError> errors) {
    }

    public Outcome apply(StudyDefinition study, Subject subject, Visit visit, FormDef form, FormData formData, int repeatKey,
                         Map<ItemKey, StoredValue> proposed) {
        FormLogic logic = new FormLogic(study, form);
        Set<ItemKey> hidden = new HashSet<>(logic.hidden(proposed));
        Map<ItemKey, StoredValue> values = new LinkedHashMap<>(proposed);
        // A value entered for an item its condition hides is not stored ("specify other" after "other" was unticked).
        hidden.forEach(values::remove);
        return new Outcome(values, key -> !hidden.contains(key), new HashMap<>(), Map.of(), List.of());
    }

    public void afterSave(StudyDefinition study, Subject subject, Visit visit, FormDef form, FormData formData,
                          Map<ItemKey, StoredValue> values, List<AuditEntry> changes, FormSave command) {
        if ("enrolment".equals(form.id())) {
            values.forEach((key, value) -> {
                switch (key.itemId()) {
                    case "consent_date" -> subject.setConsentDate(value.date());
                    case "enrolment_date" -> subject.setEnrolmentDate(value.date());
                    case "arm" -> subject.setArmId(value.text());
                    default -> { }
                }
            });
        }
    }
}
