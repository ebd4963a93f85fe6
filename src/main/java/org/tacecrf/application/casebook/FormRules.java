package org.tacecrf.application.casebook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.domain.casebook.FormLogic;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.ValueProblem;
import org.tacecrf.domain.casebook.derive.DerivationEngine;
import org.tacecrf.domain.casebook.derive.DerivedValue;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.ItemData;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.SubjectStatus;
import org.tacecrf.model.casebook.Visit;

/**
 * The study's logic around a save, beyond single values: which conditional items are shown,
 * the calculated items of the form (BMI, Child-Pugh, ALBI, BCLC, session number, responses...),
 * the calculated items of the subject's other forms that depend on this one (a new session
 * renumbers later ones; a new scan changes later responses), and what follows from the enrolment
 * form (its dates and arm are the subject's) and from the end-of-study form (the subject's status).
 */
@ApplicationScoped
public class FormRules {

    @Inject
    private CasebookRepository casebook;
    @Inject
    private jakarta.enterprise.event.Event<ItemsChanged> itemsChanged;

    private final Map<String, DerivationEngine> engines = new ConcurrentHashMap<>();

    /** The values to store after the rules, with what the rules found. */
    public record Outcome(Map<ItemKey, StoredValue> values, Predicate<ItemKey> visible, Map<ItemKey, String> derivedBy,
                          Map<ItemKey, List<ValueProblem>> warnings, List<FieldError> errors) {
    }

    public DerivationEngine engine(StudyDefinition study) {
        return engines.compute(study.id(), (id, engine) -> engine != null && engine.study() == study ? engine : new DerivationEngine(study));
    }

    public Outcome apply(StudyDefinition study, Subject subject, Visit visit, FormDef form, FormData formData, int repeatKey,
                         Map<ItemKey, StoredValue> proposed) {
        Set<ItemKey> hidden = new HashSet<>(new FormLogic(study, form).hidden(proposed));
        Map<ItemKey, StoredValue> values = new LinkedHashMap<>(proposed);
        // A value entered for an item its condition hides is not stored ("specify other" after "other" was unticked).
        hidden.forEach(values::remove);
        Map<ItemKey, String> derivedBy = new HashMap<>();
        SubjectData data = casebook.subjectData(subject.getId());
        SubjectData.FormInstance instance = instance(formData, visit, form, repeatKey, values);
        for (Map.Entry<ItemKey, DerivedValue> derived : engine(study).derive(data, instance).entrySet()) {
            if (hidden.contains(derived.getKey())) {
                continue;
            }
            derivedBy.put(derived.getKey(), derived.getValue().algorithm());
            if (!derived.getValue().isEmpty()) {
                values.put(derived.getKey(), derived.getValue().value());
            } else {
                values.remove(derived.getKey());
            }
        }
        return new Outcome(values, key -> !hidden.contains(key), derivedBy, Map.of(), List.of());
    }

    /** A form instance with unsaved values, for derivations and checks before anything is written. */
    static SubjectData.FormInstance instance(FormData formData, Visit visit, FormDef form, int repeatKey, Map<ItemKey, StoredValue> values) {
        var visitInstance = new SubjectData.VisitInstance(visit.getId(), visit.getVisitId(), visit.getRepeatKey(), visit.getVisitDate());
        return new SubjectData.FormInstance(formData == null ? -1 : formData.getId(), visitInstance, form.id(), repeatKey,
                false, values);
    }

    /** The preview the form page shows before saving: the same derivations as a save. */
    public Map<ItemKey, DerivedValue> preview(StudyDefinition study, Subject subject, Visit visit, FormDef form, FormData formData,
                                              int repeatKey, Map<ItemKey, StoredValue> values) {
        SubjectData data = casebook.subjectData(subject.getId());
        return engine(study).derivePreview(data, instance(formData, visit, form, repeatKey, values));
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
        if ("end_of_study".equals(form.id())) {
            // The end-of-study form says how the subject left the study; the subject's status follows it.
            String code = values.entrySet().stream().filter(e -> e.getKey().itemId().equals("eos_status"))
                    .map(e -> e.getValue().text()).findFirst().orElse(null);
            subject.setStatus(code == null ? SubjectStatus.ON_STUDY : switch (code) {
                case "COMPLETED" -> SubjectStatus.COMPLETED;
                case "WITHDRAWN" -> SubjectStatus.WITHDRAWN;
                case "LOST" -> SubjectStatus.LOST_TO_FOLLOW_UP;
                case "DIED" -> SubjectStatus.DIED;
                default -> SubjectStatus.ON_STUDY;
            });
        }
        casebook.flush();
        refreshDependentDerivations(study, subject, formData, changes, command.source());
    }

    /**
     * Re-derives the subject's other forms after a save and writes what changed, with audit
     * records naming the algorithm. Locked forms are never touched: locked data changes by no path.
     */
    private void refreshDependentDerivations(StudyDefinition study, Subject subject, FormData saved, List<AuditEntry> changes,
                                             AuditSource source) {
        SubjectData data = casebook.subjectData(subject.getId());
        Map<Long, Map<ItemKey, DerivedValue>> all = engine(study).deriveAll(data);
        Instant now = Instant.now();
        for (Map.Entry<Long, Map<ItemKey, DerivedValue>> formEntry : all.entrySet()) {
            if (formEntry.getKey() == saved.getId()) {
                continue;
            }
            FormData form = casebook.form(formEntry.getKey()).orElse(null);
            if (form == null || form.isLocked()) {
                continue;
            }
            Map<ItemKey, ItemData> stored = new HashMap<>();
            casebook.items(form.getId()).forEach(i -> stored.put(new ItemKey(i.getGroupId(), i.getGroupRepeat(), i.getItemId()), i));
            Visit visit = casebook.visit(form.getVisitRef()).orElseThrow();
            Set<ItemKey> changedHere = new java.util.TreeSet<>();
            for (Map.Entry<ItemKey, DerivedValue> derived : formEntry.getValue().entrySet()) {
                ItemKey key = derived.getKey();
                ItemData current = stored.get(key);
                StoredValue next = !derived.getValue().isEmpty() ? derived.getValue().value() : null;
                StoredValue before = current == null ? null : current.value();
                boolean same = before == null ? next == null : before.sameAs(next);
                if (same) {
                    continue;
                }
                if (next == null) {
                    casebook.remove(current);
                } else {
                    boolean isNew = current == null;
                    if (isNew) {
                        current = new ItemData(form.getId(), subject.getId(), key.groupId(), key.groupRepeat(), key.itemId());
                    }
                    current.set(new StoredValue(next.text(), next.number(), next.date(), null, null, next.dateTime()),
                            derived.getValue().algorithm(), now, "system");
                    if (isNew) {
                        casebook.add(current);
                    }
                }
                changes.add(AuditEntry.of("DERIVE", "ITEM", form.getId() + ":" + key)
                        .study(subject.getStudyId(), subject.getSiteId()).subject(subject.getId(), subject.getSubjectNumber())
                        .location(visit.key(), form.key(), key.toString())
                        .values(before == null ? null : before.display(), next == null ? null : next.display())
                        .reason("recalculated after a change to " + saved.key())
                        .source(AuditSource.SYSTEM, derived.getValue().algorithm()));
                changedHere.add(key);
            }
            if (!changedHere.isEmpty()) {
                casebook.flush();
                itemsChanged.fire(new ItemsChanged(subject, visit, form, changedHere,
                        org.tacecrf.application.audit.Actor.system(), AuditSource.SYSTEM));
            }
        }
    }

    static List<ItemKey> keys(Map<ItemKey, ?> map) {
        return new ArrayList<>(map.keySet());
    }
}
