package org.tacecrf.application.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tacecrf.application.casebook.CasebookService;
import org.tacecrf.application.casebook.EnrolmentService;
import org.tacecrf.application.casebook.FormSave;
import org.tacecrf.application.casebook.FormSaveResult;
import org.tacecrf.application.casebook.FormService;
import org.tacecrf.application.casebook.RawEntry;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.domain.casebook.FormLogic;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.ItemValueParser;
import org.tacecrf.domain.casebook.ParsedValue;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.exchange.ExchangeProblem;
import org.tacecrf.domain.exchange.FormLayout;
import org.tacecrf.domain.exchange.ImportRecord;
import org.tacecrf.domain.exchange.KeyColumn;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.domain.validation.CheckOutcome;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.FormState;
import org.tacecrf.model.casebook.ItemData;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.Visit;

/**
 * Applies one import record inside the caller's transaction, through the same services as data
 * entry: a new subject is registered by the enrolment service, a missing occurrence of a repeating
 * visit is added by the casebook service, and the form is saved by the form service (parsing,
 * conditions, derivations, edit checks, queries, audit). What the file leaves out stays as it is;
 * a value equal to the stored one keeps the unit it was entered in, so a re-import changes nothing.
 * <p>
 * Problems that need no write (unknown subject, locked casebook, wrong site) are returned as
 * errors; refusals of the services propagate as {@link ValidationFailure} for the caller to place.
 */
@ApplicationScoped
public class ImportApplier {

    @Inject
    private CasebookRepository casebook;
    @Inject
    private FormService forms;
    @Inject
    private EnrolmentService enrolment;
    @Inject
    private CasebookService casebookService;

    /** What every record of one import shares. */
    public record Context(StudyDefinition study, long jobId, String sourceDetail, String reason, LocalDate today) {
    }

    public RecordOutcome apply(Context ctx, ImportRecord record) {
        StudyDefinition study = ctx.study();
        FormDef form = study.form(record.formId()).orElseThrow();
        List<ExchangeProblem> problems = new ArrayList<>();
        Subject subject = record.newSubject() ? null : casebook.subjectByNumber(study.id(), record.subjectNumber()).orElse(null);
        boolean subjectCreated = false;
        if (subject != null && record.siteId() != null && !record.siteId().equals(subject.getSiteId())) {
            return refused(record, KeyColumn.SITE, record.siteId(), "exchange.row.siteMismatch", subject.getSubjectNumber(), subject.getSiteId());
        }
        if (subject == null) {
            if (!form.id().equals(FormLayout.ENROLMENT_FORM)) {
                return refused(record, KeyColumn.SUBJECT_NUMBER, record.subjectNumber(), "exchange.row.unknownSubject", record.subjectNumber());
            }
            if (record.siteId() == null) {
                return refused(record, KeyColumn.SITE, "", "exchange.row.siteRequired");
            }
            subject = register(ctx, form, record);
            subjectCreated = true;
        }
        if (subject.isLocked()) {
            return refused(record, KeyColumn.SUBJECT_NUMBER, subject.getSubjectNumber(), "exchange.row.subjectLocked", subject.getSubjectNumber());
        }
        Optional<Visit> visit = visit(ctx, subject, record, problems);
        if (visit.isEmpty()) {
            return RecordOutcome.refused(record, problems);
        }
        FormData existing = casebook.form(visit.get().getId(), form.id(), record.formRepeat()).orElse(null);
        if (existing != null && existing.isLocked()) {
            return refused(record, KeyColumn.SUBJECT_NUMBER, subject.getSubjectNumber(), "exchange.row.formLocked", record.target());
        }
        Map<ItemKey, ItemData> stored = new LinkedHashMap<>();
        if (existing != null) {
            casebook.items(existing.getId()).forEach(i -> stored.put(new ItemKey(i.getGroupId(), i.getGroupRepeat(), i.getItemId()), i));
        }

        // What the form holds after this record: the stored entries, overlaid with the file's cells.
        Map<ItemKey, StoredValue> current = new LinkedHashMap<>();
        Map<ItemKey, RawEntry> entries = new LinkedHashMap<>();
        stored.forEach((key, item) -> {
            if (form.group(key.groupId()).flatMap(g -> g.item(key.itemId())).isPresent() && !calculated(form, key)) {
                StoredValue value = item.value();
                current.put(key, value);
                entries.put(key, new RawEntry(value.enteredUnit() != null ? value.enteredValue() : value.display(), value.enteredUnit()));
            }
        });
        Map<ItemKey, StoredValue> proposed = new LinkedHashMap<>(current);
        ItemValueParser parser = new ItemValueParser(ctx.today());
        for (Map.Entry<ItemKey, ImportRecord.Cell> cell : record.values().entrySet()) {
            ItemKey key = cell.getKey();
            ItemDef item = item(form, key);
            if (item.calculated()) {
                continue;
            }
            if (cell.getValue().blank()) {
                entries.remove(key);
                proposed.remove(key);
                continue;
            }
            ParsedValue parsed = parser.parse(item, study.codeListOf(item).orElse(null), cell.getValue().text(), cell.getValue().unit());
            if (parsed.hasError()) {
                // Already reported when the file was read; refused here too should the date have moved on.
                parsed.firstError().ifPresent(p -> problems.add(ExchangeProblem.of(record.row(), cell.getValue().column(),
                        cell.getValue().text(), p)));
                continue;
            }
            StoredValue value = StoredValue.of(parsed);
            StoredValue before = current.get(key);
            boolean same = before != null && before.sameAs(value)
                    && (cell.getValue().unit() == null || Objects.equals(cell.getValue().unit(), before.enteredUnit()));
            if (!same) {
                entries.put(key, new RawEntry(cell.getValue().text(), cell.getValue().unit()));
                proposed.put(key, value);
            }
        }
        if (!problems.isEmpty()) {
            return RecordOutcome.refused(record, problems);
        }
        for (ItemKey hidden : new FormLogic(study, form).hidden(proposed)) {
            ImportRecord.Cell cell = record.values().get(hidden);
            if (cell != null && !cell.blank()) {
                problems.add(ExchangeProblem.warning(record.row(), cell.column(), cell.text(), "exchange.value.hidden",
                        item(form, hidden).visibleWhen().text()));
            }
            entries.remove(hidden);
            proposed.remove(hidden);
        }
        boolean complete = Boolean.TRUE.equals(record.complete()) && (existing == null || existing.getState() != FormState.COMPLETE);
        if (!complete && sameValues(current, proposed) && (existing != null || proposed.isEmpty())) {
            return new RecordOutcome(record, subject.getSubjectNumber(), subjectCreated, false, false, List.of(), problems, 0);
        }

        Map<ItemKey, String> before = new LinkedHashMap<>();
        if (!subjectCreated) {
            stored.forEach((key, item) -> before.put(key, item.display()));
        }
        FormSaveResult result = forms.save(new FormSave(subject.getId(), visit.get().getId(), form.id(), record.formRepeat(),
                existing == null ? null : existing.getVersion(), entries, complete, ctx.reason(), AuditSource.IMPORT, ctx.sourceDetail()));
        Map<ItemKey, String> after = new LinkedHashMap<>();
        casebook.items(result.formDataId()).forEach(i -> after.put(new ItemKey(i.getGroupId(), i.getGroupRepeat(), i.getItemId()), i.display()));
        List<ImportReport.ValueChange> changes = new ArrayList<>();
        Set<ItemKey> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (ItemKey key : keys) {
            String was = before.get(key);
            String now = after.get(key);
            if (!Objects.equals(was, now)) {
                changes.add(new ImportReport.ValueChange(record.row(), subject.getSubjectNumber(), visit.get().key(),
                        form.id() + "[" + record.formRepeat() + "]", key.toString(), column(record, form, key), was, now, calculated(form, key)));
            }
        }
        int queries = 0;
        for (CheckOutcome check : result.failedChecks()) {
            ItemKey target = check.target().item();
            problems.add(ExchangeProblem.warning(record.row(), target == null ? null : column(record, form, target), null,
                    check.raisesQuery() ? "exchange.check.query" : check.recordsDeviation() ? "exchange.check.deviation" : "exchange.check.failed",
                    check.checkId(), check.messageEnglish()));
            if (check.raisesQuery()) {
                queries++;
            }
        }
        return new RecordOutcome(record, subject.getSubjectNumber(), subjectCreated, existing == null, true, changes, problems, queries);
    }

    /** Registers the subject of an enrolment record with the dates and arm the record gives. */
    private Subject register(Context ctx, FormDef form, ImportRecord record) {
        ItemValueParser parser = new ItemValueParser(ctx.today());
        LocalDate consent = dateValue(ctx, form, record, "consent_date", parser);
        LocalDate enrolled = dateValue(ctx, form, record, "enrolment_date", parser);
        String arm = form.groupOf("arm").map(g -> record.values().get(new ItemKey(g.id(), 1, "arm")))
                .filter(c -> !c.blank())
                .map(c -> parser.parse(form.item("arm").orElseThrow(), ctx.study().codeListOf(form.item("arm").orElseThrow()).orElse(null),
                        c.text(), null).text())
                .orElse(null);
        try {
            return enrolment.register(new EnrolmentService.Registration(ctx.study().id(), record.siteId(), record.subjectNumber(), consent,
                    enrolled, arm), AuditSource.IMPORT, ctx.sourceDetail());
        } catch (ValidationFailure failure) {
            // Name the columns of the enrolment template rather than the enrolment page's fields.
            throw new ValidationFailure(failure.errors().stream().map(e -> new FieldError(registrationColumn(form, e.field()), e.messageKey(),
                    e.arguments())).toList());
        }
    }

    private static String registrationColumn(FormDef form, String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "consentDate" -> "enrolment[1].consent_date";
            case "enrolmentDate" -> "enrolment[1].enrolment_date";
            case "arm" -> "enrolment[1].arm";
            case "site" -> KeyColumn.SITE.columnName();
            case "subjectNumber" -> KeyColumn.SUBJECT_NUMBER.columnName();
            default -> field;
        };
    }

    private static LocalDate dateValue(Context ctx, FormDef form, ImportRecord record, String itemId, ItemValueParser parser) {
        Optional<ItemGroupDef> group = form.groupOf(itemId);
        ImportRecord.Cell cell = group.map(g -> record.values().get(new ItemKey(g.id(), 1, itemId))).orElse(null);
        if (cell == null || cell.blank()) {
            return null;
        }
        return parser.parse(form.item(itemId).orElseThrow(), null, cell.text(), null).date();
    }

    /** The visit occurrence of the record, adding missing occurrences of a repeating visit. */
    private Optional<Visit> visit(Context ctx, Subject subject, ImportRecord record, List<ExchangeProblem> problems) {
        List<Visit> visits = casebook.visits(subject.getId()).stream().filter(v -> v.getVisitId().equals(record.visitId())).toList();
        Optional<Visit> found = visits.stream().filter(v -> v.getRepeatKey() == record.visitRepeat()).findFirst();
        if (found.isPresent()) {
            return found;
        }
        VisitDef visitDef = ctx.study().visit(record.visitId()).orElseThrow();
        if (!visitDef.repeating()) {
            problems.add(ExchangeProblem.error(record.row(), KeyColumn.VISIT.columnName(), record.visitId(), "exchange.row.visitMissing",
                    record.visitId(), subject.getSubjectNumber()));
            return Optional.empty();
        }
        int last = visits.stream().mapToInt(Visit::getRepeatKey).max().orElse(0);
        if (record.visitRepeat() > last + 1) {
            problems.add(ExchangeProblem.warning(record.row(), KeyColumn.VISIT_REPEAT.columnName(), String.valueOf(record.visitRepeat()),
                    "exchange.row.visitsAdded", record.visitId(), last + 1, record.visitRepeat() - 1));
        }
        Visit added = null;
        for (int repeat = last + 1; repeat <= record.visitRepeat(); repeat++) {
            added = casebookService.addVisit(subject.getId(), record.visitId(), AuditSource.IMPORT, ctx.sourceDetail());
        }
        return Optional.ofNullable(added);
    }

    /** The file column (or ODM item) of an item key, to place a problem the services found. */
    static String column(ImportRecord record, FormDef form, ItemKey key) {
        ImportRecord.Cell cell = record.values().get(key);
        if (cell != null) {
            return cell.column();
        }
        Optional<ItemGroupDef> group = form.group(key.groupId());
        Optional<ItemDef> item = group.flatMap(g -> g.item(key.itemId()));
        return item.isPresent() ? FormLayout.columnName(group.get(), item.get(), key.groupRepeat()) : key.toString();
    }

    /** A service's field errors as problems at the record's row and the columns they concern. */
    static List<ExchangeProblem> problems(StudyDefinition study, ImportRecord record, List<FieldError> errors) {
        FormDef form = study.form(record.formId()).orElseThrow();
        List<ExchangeProblem> problems = new ArrayList<>();
        for (FieldError error : errors) {
            String column = error.field();
            String value = null;
            if (column != null && column.contains("[")) {
                try {
                    ItemKey key = ItemKey.parse(column);
                    column = column(record, form, key);
                    ImportRecord.Cell cell = record.values().get(key);
                    value = cell == null ? null : cell.text();
                } catch (IllegalArgumentException notAnItem) {
                    // keep the field name as given
                }
            }
            problems.add(ExchangeProblem.error(record.row(), column, value, error.messageKey(), error.arguments().toArray()));
        }
        return problems;
    }

    private static RecordOutcome refused(ImportRecord record, KeyColumn column, String value, String key, Object... arguments) {
        return RecordOutcome.refused(record, List.of(ExchangeProblem.error(record.row(), column.columnName(), value, key, arguments)));
    }

    private static boolean sameValues(Map<ItemKey, StoredValue> a, Map<ItemKey, StoredValue> b) {
        Map<ItemKey, StoredValue> left = nonEmpty(a);
        Map<ItemKey, StoredValue> right = nonEmpty(b);
        if (!left.keySet().equals(right.keySet())) {
            return false;
        }
        for (Map.Entry<ItemKey, StoredValue> e : left.entrySet()) {
            StoredValue other = right.get(e.getKey());
            if (!e.getValue().sameAs(other) || !Objects.equals(e.getValue().enteredUnit(), other.enteredUnit())) {
                return false;
            }
        }
        return true;
    }

    private static Map<ItemKey, StoredValue> nonEmpty(Map<ItemKey, StoredValue> values) {
        Map<ItemKey, StoredValue> map = new HashMap<>();
        values.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                map.put(k, v);
            }
        });
        return map;
    }

    private static ItemDef item(FormDef form, ItemKey key) {
        return form.group(key.groupId()).flatMap(g -> g.item(key.itemId())).orElseThrow();
    }

    private static boolean calculated(FormDef form, ItemKey key) {
        return form.group(key.groupId()).flatMap(g -> g.item(key.itemId())).map(ItemDef::calculated).orElse(false);
    }
}
