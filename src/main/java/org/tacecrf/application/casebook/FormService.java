package org.tacecrf.application.casebook;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.tacecrf.application.audit.Actor;
import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.application.common.AccessDeniedException;
import org.tacecrf.application.common.ConcurrentEditException;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.ItemValueParser;
import org.tacecrf.domain.casebook.ParsedValue;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.ValueProblem;
import org.tacecrf.domain.casebook.reading.ReadingBlinding;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.ItemType;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.FormState;
import org.tacecrf.model.casebook.ItemData;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.Visit;

/**
 * Opens and saves forms. A save is one transaction: every entry is parsed by its item definition
 * (type, precision, code list, unit, hard range), required items are enforced when the form is
 * marked complete, calculated items are derived, and only then are the changed values written,
 * each with an audit record. Any refusal rolls everything back, so nothing is half-saved.
 */
@Stateless
public class FormService {

    @Inject
    private CasebookRepository casebook;
    @Inject
    private StudyAccess access;
    @Inject
    private AuditTrail audit;
    @Inject
    private FormRules rules;
    @Inject
    private jakarta.enterprise.event.Event<ItemsChanged> itemsChanged;
    @Inject
    private org.tacecrf.application.quality.CheckService checks;
    @Inject
    private FormConstraints constraints;

    /**
     * A form as stored, for display.
     *
     * @param presets entries a new form starts with (a blinded reader's own slot in the reader item)
     */
    public record FormView(StudyDefinition study, Subject subject, Visit visit, FormDef form, FormData data,
                           Map<ItemKey, ItemData> values, boolean editable, Map<ItemKey, String> presets) {

        public long version() {
            return data == null ? -1 : data.getVersion();
        }

        public Optional<StoredValue> value(ItemKey key) {
            ItemData item = values.get(key);
            return item == null ? Optional.empty() : Optional.of(item.value());
        }

        /** The repeats present for a group, at least one row for a non-repeating group. */
        public List<Integer> repeats(String groupId) {
            TreeSet<Integer> repeats = new TreeSet<>();
            values.keySet().stream().filter(k -> k.groupId().equals(groupId)).forEach(k -> repeats.add(k.groupRepeat()));
            return new ArrayList<>(repeats);
        }
    }

    public FormView open(long subjectId, long visitRef, String formId, int repeatKey) {
        Subject subject = casebook.subject(subjectId).orElseThrow(() -> notFound("subject"));
        StudyDefinition study = access.readable(subject);
        Visit visit = casebook.visit(visitRef).filter(v -> v.getSubjectId().equals(subjectId)).orElseThrow(() -> notFound("visit"));
        VisitDef visitDef = study.visit(visit.getVisitId()).orElseThrow(() -> notFound("visit"));
        if (!visitDef.collects(formId)) {
            throw notFound("form");
        }
        FormDef form = study.form(formId).orElseThrow(() -> notFound("form"));
        Optional<FormData> data = casebook.form(visitRef, formId, repeatKey);
        Map<ItemKey, ItemData> values = new LinkedHashMap<>();
        data.ifPresent(d -> casebook.items(d.getId()).forEach(i -> values.put(new ItemKey(i.getGroupId(), i.getGroupRepeat(), i.getItemId()), i)));
        boolean writable = requireBlindedAccess(subject, visit, formId, data.orElse(null));
        boolean editable = writable && access.canEnterData() && !subject.isLocked() && data.map(d -> !d.isLocked()).orElse(true)
                && access.user().canSee(subject.getStudyId(), subject.getSiteId())
                && access.isActive(subject.getStudyId(), subject.getSiteId());
        Map<ItemKey, String> presets = data.isEmpty() && ReadingBlinding.ASSESSMENT_FORM.equals(formId)
                ? access.blinding(subject.getStudyId()).slot().map(slot -> Map.of(ReadingBlinding.READER_ITEM, slot.code())).orElse(Map.of())
                : Map.of();
        return new FormView(study, subject, visit, form, data.orElse(null), values, editable, presets);
    }

    /**
     * Under blinded double reading ({@link ReadingBlinding}), refuses an imaging assessment the user's
     * reader slot may not see, or a new one the slot may not start yet (the adjudicator before both
     * readers saved theirs). Returns whether the user may write the form; always true without a slot.
     */
    private boolean requireBlindedAccess(Subject subject, Visit visit, String formId, FormData data) {
        ReadingBlinding blinding = access.blinding(subject.getStudyId());
        if (!blinding.blinded() || !ReadingBlinding.ASSESSMENT_FORM.equals(formId)) {
            return true;
        }
        SubjectData all = casebook.subjectData(subject.getId());
        if (data == null) {
            if (!blinding.canStart(formId, visit.getId(), all)) {
                throw new AccessDeniedException("the adjudicator reads a scan once both readers have saved theirs");
            }
            return true;
        }
        SubjectData.FormInstance instance = all.form(data.getId()).orElseThrow(() -> notFound("form"));
        if (!blinding.canSee(instance, all)) {
            throw new AccessDeniedException("another reader's assessment is blinded to this reader");
        }
        return blinding.canWrite(instance, all);
    }

    /**
     * The calculated items for values not yet saved, by the same derivations a save runs, so the
     * form shows BMI, Child-Pugh or the computed response while the nurse types.
     */
    public Map<ItemKey, org.tacecrf.domain.casebook.derive.DerivedValue> preview(long subjectId, long visitRef, String formId,
                                                                                int repeatKey, Map<ItemKey, StoredValue> values) {
        Subject subject = casebook.subject(subjectId).orElseThrow(() -> notFound("subject"));
        StudyDefinition study = access.readable(subject);
        Visit visit = casebook.visit(visitRef).filter(v -> v.getSubjectId().equals(subjectId)).orElseThrow(() -> notFound("visit"));
        FormDef form = study.form(formId).orElseThrow(() -> notFound("form"));
        FormData data = casebook.form(visitRef, formId, repeatKey).orElse(null);
        requireBlindedAccess(subject, visit, formId, data);
        return rules.preview(study, subject, visit, form, data, repeatKey, values);
    }

    public FormSaveResult save(FormSave command) {
        Subject subject = casebook.subject(command.subjectId()).orElseThrow(() -> notFound("subject"));
        StudyDefinition study = access.readable(subject);
        Visit visit = casebook.visit(command.visitRef()).filter(v -> v.getSubjectId().equals(subject.getId()))
                .orElseThrow(() -> notFound("visit"));
        VisitDef visitDef = study.visit(visit.getVisitId()).orElseThrow(() -> notFound("visit"));
        FormDef form = study.form(command.formId()).filter(f -> visitDef.collects(f.id())).orElseThrow(() -> notFound("form"));
        Optional<FormData> existing = casebook.form(visit.getId(), form.id(), command.repeatKey());
        access.requireEditable(subject, existing.orElse(null));
        if (!requireBlindedAccess(subject, visit, form.id(), existing.orElse(null))) {
            throw new AccessDeniedException("a reader's assessment is written by that reader only");
        }
        if (existing.isPresent() && !Objects.equals(command.expectedVersion(), existing.get().getVersion())) {
            throw new ConcurrentEditException("Form " + form.id());
        }
        if (existing.isEmpty() && command.expectedVersion() != null && command.expectedVersion() >= 0) {
            throw new ConcurrentEditException("Form " + form.id());
        }

        // 1. Parse every entry by its definition; collect every problem before refusing.
        ItemValueParser parser = new ItemValueParser(LocalDateTime.now());
        List<FieldError> errors = new ArrayList<>();
        Map<ItemKey, List<ValueProblem>> warnings = new LinkedHashMap<>();
        Map<ItemKey, StoredValue> proposed = new LinkedHashMap<>();
        Map<ItemKey, RawEntry> entries = readerEntry(subject, form, command.entries(), errors);
        for (Map.Entry<ItemKey, RawEntry> entry : entries.entrySet()) {
            ItemKey key = entry.getKey();
            Optional<ItemGroupDef> group = form.group(key.groupId());
            Optional<ItemDef> item = group.flatMap(g -> g.item(key.itemId()));
            if (item.isEmpty() || key.groupRepeat() < 1 || (!group.get().repeating() && key.groupRepeat() != 1)) {
                errors.add(FieldError.of(key.toString(), "form.error.unknownItem", key.toString()));
                continue;
            }
            if (group.get().maxRepeats() != null && key.groupRepeat() > group.get().maxRepeats() + 1000) {
                errors.add(FieldError.of(key.toString(), "form.error.tooManyRows", group.get().maxRepeats()));
                continue;
            }
            if (item.get().type() == ItemType.CALCULATED || entry.getValue().isBlank()) {
                continue;
            }
            ParsedValue parsed = parser.parse(item.get(), item.get().codeList().flatMap(study::codeList).orElse(null),
                    entry.getValue().text(), entry.getValue().unit());
            parsed.firstError().ifPresent(p -> errors.add(FieldError.of(key.toString(), p.messageKey(), p.arguments().toArray())));
            if (!parsed.hasError()) {
                proposed.put(key, StoredValue.of(parsed));
                if (!parsed.warnings().isEmpty()) {
                    warnings.put(key, parsed.warnings());
                }
            }
        }
        checkRowLimits(form, proposed, errors);

        // 2. Conditional items that are hidden hold no value; calculated items are derived.
        FormData formData = existing.orElse(null);
        FormRules.Outcome outcome = rules.apply(study, subject, visit, form, formData, command.repeatKey(), proposed);
        proposed = outcome.values();
        outcome.warnings().forEach((k, list) -> warnings.computeIfAbsent(k, x -> new ArrayList<>()).addAll(list));

        // 3. Required items and hard edit checks when the form is (marked) complete.
        boolean wasComplete = formData != null && formData.getState() == FormState.COMPLETE;
        boolean complete = command.complete() || wasComplete;
        if (complete) {
            requireFilled(form, proposed, outcome.visible(), errors);
        }
        errors.addAll(outcome.errors());
        errors.addAll(constraints.check(study, subject, visit, form, formData, command.repeatKey(), proposed, complete));
        if (!errors.isEmpty()) {
            throw new ValidationFailure(errors);
        }
        Map<ItemKey, StoredValue> storedBefore = new HashMap<>();
        if (formData != null) {
            casebook.items(formData.getId()).forEach(i -> storedBefore.put(new ItemKey(i.getGroupId(), i.getGroupRepeat(), i.getItemId()),
                    i.value()));
        }
        java.util.Set<ItemKey> changing = new TreeSet<>();
        TreeSet<ItemKey> allKeys = new TreeSet<>(storedBefore.keySet());
        allKeys.addAll(proposed.keySet());
        for (ItemKey key : allKeys) {
            StoredValue before = storedBefore.get(key);
            StoredValue next = proposed.get(key);
            if (before == null ? next != null && !next.isEmpty() : !before.sameAs(next)) {
                changing.add(key);
            }
        }
        var unsaved = new org.tacecrf.domain.casebook.SubjectData.FormInstance(
                formData == null ? org.tacecrf.application.quality.CheckService.UNSAVED_FORM : formData.getId(),
                new org.tacecrf.domain.casebook.SubjectData.VisitInstance(visit.getId(), visit.getVisitId(), visit.getRepeatKey(),
                        visitDateAfter(study, visitDef, form, visit, proposed)),
                form.id(), command.repeatKey(), complete, proposed);
        List<org.tacecrf.domain.validation.CheckOutcome> outcomes = checks.evaluate(study, subject, unsaved, changing);
        if (complete) {
            for (var failed : outcomes) {
                if (failed.blocksCompletion()) {
                    errors.add(FieldError.of(failed.target().item() == null ? null : failed.target().item().toString(),
                            "check.failed", failed.messageEnglish()));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationFailure(errors);
            }
        }

        // 4. Write what changed.
        Instant now = Instant.now();
        Actor actor = access.user().actor();
        boolean created = false;
        if (formData == null) {
            formData = new FormData(visit.getId(), subject.getId(), form.id(), command.repeatKey(), now, actor.username());
            casebook.add(formData);
            casebook.flush();
            created = true;
        }
        Map<ItemKey, ItemData> stored = new HashMap<>();
        for (ItemData item : casebook.items(formData.getId())) {
            stored.put(new ItemKey(item.getGroupId(), item.getGroupRepeat(), item.getItemId()), item);
        }
        List<AuditEntry> changes = new ArrayList<>();
        java.util.Set<ItemKey> changedKeys = new TreeSet<>();
        TreeSet<ItemKey> keys = new TreeSet<>(stored.keySet());
        keys.addAll(proposed.keySet());
        for (ItemKey key : keys) {
            ItemData current = stored.get(key);
            StoredValue next = proposed.get(key);
            StoredValue before = current == null ? null : current.value();
            if (before == null ? next == null || next.isEmpty() : before.sameAs(next) && sameEntry(before, next)) {
                continue;
            }
            String derivedBy = outcome.derivedBy().get(key);
            if (next == null || next.isEmpty()) {
                casebook.remove(current);
            } else {
                boolean isNew = current == null;
                if (isNew) {
                    current = new ItemData(formData.getId(), subject.getId(), key.groupId(), key.groupRepeat(), key.itemId());
                }
                current.set(next, derivedBy, now, actor.username());
                if (isNew) {
                    // Identity ids insert at persist, so the row must be complete first.
                    casebook.add(current);
                }
            }
            changes.add(itemAudit(subject, visit, formData, key, before, next, derivedBy, command));
            changedKeys.add(key);
        }
        if (wasComplete && !changes.isEmpty() && (command.reason() == null || command.reason().isBlank())) {
            throw new ValidationFailure(FieldError.of("reason", "form.error.reasonRequired"));
        }
        if (created) {
            changes.add(0, formAudit("CREATE", subject, visit, formData, null, FormState.IN_PROGRESS.name(), command));
        }
        if (command.complete() && !wasComplete) {
            formData.complete(now, actor.username());
            changes.add(formAudit("COMPLETE", subject, visit, formData, FormState.IN_PROGRESS.name(), FormState.COMPLETE.name(), command));
        }
        formData.touched(now, actor.username());
        LocalDate newDate = visitDateAfter(study, visitDef, form, visit, proposed);
        if (newDate != null && !newDate.equals(visit.getVisitDate())) {
            visit.setVisitDate(newDate);
        }
        rules.afterSave(study, subject, visit, form, formData, proposed, changes, command);
        audit.record(actor, changes);
        casebook.flush();
        if (!changedKeys.isEmpty() || created || command.complete()) {
            itemsChanged.fire(new ItemsChanged(subject, visit, formData, changedKeys, actor, command.source()));
        }
        checks.record(subject, formData, outcomes, command.confirmations(), actor);
        casebook.flush();
        return new FormSaveResult(formData.getId(), formData.getVersion(), (int) changes.stream()
                .filter(c -> c.action().equals("UPDATE") || c.action().equals("ENTER") || c.action().equals("REMOVE")).count(),
                warnings, formData.getState() == FormState.COMPLETE,
                // The disagreement checks still raise their queries; an independent reader is not told of them.
                outcomes.stream().filter(o -> access.blinding(subject.getStudyId()).seesCheck(o.checkId())).toList());
    }

    private static boolean sameEntry(StoredValue before, StoredValue next) {
        return next != null && Objects.equals(before.enteredUnit(), next.enteredUnit())
                && Objects.equals(before.enteredValue(), next.enteredValue());
    }

    /**
     * The entries with the reader item as a blinded reader may save it: their own slot, set when left
     * empty; another slot's code is refused at the item.
     */
    private Map<ItemKey, RawEntry> readerEntry(Subject subject, FormDef form, Map<ItemKey, RawEntry> entries, List<FieldError> errors) {
        ReadingBlinding blinding = access.blinding(subject.getStudyId());
        if (!blinding.blinded() || !ReadingBlinding.ASSESSMENT_FORM.equals(form.id())) {
            return entries;
        }
        RawEntry submitted = entries.get(ReadingBlinding.READER_ITEM);
        String slot = blinding.slot().orElseThrow().code();
        switch (blinding.readerEntry(submitted == null ? null : submitted.text())) {
            case FORCED -> {
                Map<ItemKey, RawEntry> forced = new LinkedHashMap<>(entries);
                forced.put(ReadingBlinding.READER_ITEM, RawEntry.of(slot));
                return forced;
            }
            case REFUSED -> errors.add(FieldError.of(ReadingBlinding.READER_ITEM.toString(), "reading.error.otherSlot", slot));
            case KEPT -> {
            }
        }
        return entries;
    }

    private static void checkRowLimits(FormDef form, Map<ItemKey, StoredValue> proposed, List<FieldError> errors) {
        for (ItemGroupDef group : form.groups()) {
            if (group.repeating() && group.maxRepeats() != null) {
                long rows = proposed.keySet().stream().filter(k -> k.groupId().equals(group.id())).map(ItemKey::groupRepeat).distinct().count();
                if (rows > group.maxRepeats()) {
                    errors.add(FieldError.of(group.id(), "form.error.tooManyRows", group.maxRepeats()));
                }
            }
        }
    }

    private static void requireFilled(FormDef form, Map<ItemKey, StoredValue> values, java.util.function.Predicate<ItemKey> visible,
                                      List<FieldError> errors) {
        for (ItemGroupDef group : form.groups()) {
            List<Integer> repeats = group.repeating()
                    ? values.keySet().stream().filter(k -> k.groupId().equals(group.id())).map(ItemKey::groupRepeat).distinct().sorted().toList()
                    : List.of(1);
            for (int repeat : repeats) {
                for (ItemDef item : group.items()) {
                    ItemKey key = new ItemKey(group.id(), repeat, item.id());
                    if (item.required() && item.type() != ItemType.CALCULATED && visible.test(key)
                            && (values.get(key) == null || values.get(key).isEmpty())) {
                        errors.add(FieldError.of(key.toString(), "validation.required"));
                    }
                }
            }
        }
    }

    /** A form's main date: its first required date (procedure date, scan date, contact date...). */
    private static Optional<LocalDate> visitDate(FormDef form, Map<ItemKey, StoredValue> values) {
        return form.items().stream().filter(i -> i.type() == ItemType.DATE && i.required()).findFirst()
                .flatMap(item -> values.entrySet().stream().filter(e -> e.getKey().itemId().equals(item.id()))
                        .map(e -> e.getValue().date()).filter(Objects::nonNull).findFirst());
    }

    /**
     * The date the visit has after the save. The visit's own form (the first of the visit with a
     * required date: the TACE session, the scan, the contact) dates the visit; another form only
     * while the visit has no date yet, so post-procedure labs saved a day later never move the
     * session and the windows timed from it.
     */
    private static LocalDate visitDateAfter(StudyDefinition study, VisitDef visitDef, FormDef form, Visit visit,
                                            Map<ItemKey, StoredValue> values) {
        boolean main = visitDef.forms().stream().map(f -> study.form(f.formId()).orElse(null)).filter(Objects::nonNull)
                .filter(f -> f.items().stream().anyMatch(i -> i.type() == ItemType.DATE && i.required()))
                .findFirst().map(f -> f.id().equals(form.id())).orElse(true);
        if (!main && visit.getVisitDate() != null) {
            return visit.getVisitDate();
        }
        return visitDate(form, values).orElse(visit.getVisitDate());
    }

    private static AuditEntry itemAudit(Subject subject, Visit visit, FormData form, ItemKey key, StoredValue before,
                                        StoredValue next, String derivedBy, FormSave command) {
        String action = before == null ? "ENTER" : (next == null || next.isEmpty()) ? "REMOVE" : "UPDATE";
        AuditEntry entry = AuditEntry.of(action, "ITEM", form.getId() + ":" + key)
                .study(subject.getStudyId(), subject.getSiteId())
                .subject(subject.getId(), subject.getSubjectNumber())
                .location(visit.key(), form.key(), key.toString())
                .values(before == null ? null : describe(before), next == null || next.isEmpty() ? null : describe(next))
                .reason(command.reason());
        if (derivedBy != null) {
            entry.source(AuditSource.SYSTEM, derivedBy);
        } else {
            entry.source(command.source(), command.sourceDetail());
        }
        return entry;
    }

    private static String describe(StoredValue value) {
        String text = value.display();
        return value.enteredUnit() == null ? text : text + " (entered " + value.enteredValue() + " " + value.enteredUnit() + ")";
    }

    private static AuditEntry formAudit(String action, Subject subject, Visit visit, FormData form, String before, String after,
                                        FormSave command) {
        return AuditEntry.of(action, "FORM", form.getId())
                .study(subject.getStudyId(), subject.getSiteId())
                .subject(subject.getId(), subject.getSubjectNumber())
                .location(visit.key(), form.key(), null)
                .values(before, after).reason(command.reason())
                .source(command.source(), command.sourceDetail());
    }

    private static ValidationFailure notFound(String what) {
        return new ValidationFailure(FieldError.of(null, "casebook.notFound", what));
    }
}
