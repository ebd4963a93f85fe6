package org.tacecrf.interfaces.web.casebook;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.tacecrf.application.casebook.CasebookService;
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
import org.tacecrf.domain.casebook.ValueProblem;
import org.tacecrf.domain.casebook.derive.DerivedValue;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.interfaces.web.UserSession;
import org.tacecrf.interfaces.web.support.Messages;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.FormState;

/**
 * The data-entry page of any form, built from its definition: groups, repeating rows, and one
 * {@link FieldModel} per input. Conditional items and calculated values follow the entries live;
 * type and range problems appear at the field as the nurse types.
 */
@Named
@ViewScoped
public class FormBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient FormService forms;
    @Inject
    private transient CasebookService casebook;
    @Inject
    private UserSession session;
    @Inject
    private transient org.tacecrf.application.quality.QueryService queries;

    private long subjectId;
    private Long formDataParam;
    private long visitRef;
    private String formId;
    private int repeatKey;

    private transient FormService.FormView view;
    private transient StudyDefinition study;
    private transient FormDef form;
    private List<GroupModel> groups = new ArrayList<>();
    private Long version;
    private String reason;
    private boolean complete;
    private boolean editable;
    private String title;
    private String subjectNumber;
    private Long formDataId;
    private int formQueries;
    private Long formQueryId;
    private List<CheckView> checks = new ArrayList<>();

    /** A failed edit check after a save, with the reason field for confirming a soft one. */
    public static class CheckView implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final String message;
        private final String kind;
        private String confirmation;

        CheckView(String key, String message, String kind) {
            this.key = key;
            this.message = message;
            this.kind = kind;
        }

        public String getKey() { return key; }
        public String getMessage() { return message; }
        public String getKind() { return kind; }
        public String getConfirmation() { return confirmation; }
        public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    }

    /** A group of items, with one row or (repeating) several. */
    public class GroupModel implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final String label;
        private final boolean repeating;
        private final Integer maxRepeats;
        private final List<RowModel> rows = new ArrayList<>();

        GroupModel(ItemGroupDef def, Locale locale) {
            this.id = def.id();
            this.label = def.label().get(locale);
            this.repeating = def.repeating();
            this.maxRepeats = def.maxRepeats();
        }

        public String getId() { return id; }
        public String getLabel() { return label; }
        public boolean isRepeating() { return repeating; }
        public List<RowModel> getRows() { return rows; }
        public boolean isCanAdd() { return editable && repeating && (maxRepeats == null || rows.size() < maxRepeats); }
    }

    /** One row of a group. */
    public static class RowModel implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int repeat;
        private final List<FieldModel> fields = new ArrayList<>();

        RowModel(int repeat) {
            this.repeat = repeat;
        }

        public int getRepeat() { return repeat; }
        public List<FieldModel> getFields() { return fields; }
    }

    /** Called by the page's view action with the view parameters. */
    public void load() {
        if (formDataParam != null) {
            var located = casebook.form(formDataParam);
            subjectId = located.getSubjectId();
            visitRef = located.getVisitRef();
            formId = located.getFormId();
            repeatKey = located.getRepeatKey();
            formDataParam = null;
        }
        if (repeatKey == 0) {
            repeatKey = casebook.nextFormRepeat(subjectId, visitRef, formId);
        }
        view = forms.open(subjectId, visitRef, formId, repeatKey);
        study = view.study();
        form = view.form();
        Locale locale = session.getLocale();
        title = form.label().get(locale);
        subjectNumber = view.subject().getSubjectNumber();
        version = view.data() == null ? null : view.data().getVersion();
        complete = view.data() != null && view.data().getState() == FormState.COMPLETE;
        editable = view.editable();
        formDataId = view.data() == null ? null : view.data().getId();
        groups = new ArrayList<>();
        for (ItemGroupDef group : form.groups()) {
            GroupModel model = new GroupModel(group, locale);
            List<Integer> repeats = group.repeating() ? view.repeats(group.id()) : List.of(1);
            if (repeats.isEmpty() && group.repeating()) {
                repeats = List.of(1);
            }
            for (int repeat : repeats) {
                model.rows.add(row(group, repeat, locale));
            }
            groups.add(model);
        }
        loadQueries();
        refreshLogic();
    }

    /** Query icons: open queries per item, and those on the form as a whole. */
    private void loadQueries() {
        formQueries = 0;
        formQueryId = null;
        if (formDataId == null) {
            return;
        }
        List<org.tacecrf.model.quality.DataQuery> list = queries.forForm(formDataId);
        for (FieldModel field : fields()) {
            List<org.tacecrf.model.quality.DataQuery> mine = list.stream().filter(q -> field.getPath().equals(q.getItemKey())).toList();
            field.setQueries((int) mine.stream().filter(org.tacecrf.model.quality.DataQuery::isOpen).count(), first(mine));
        }
        List<org.tacecrf.model.quality.DataQuery> formLevel = list.stream().filter(q -> q.getItemKey() == null
                || fields().stream().noneMatch(f -> f.getPath().equals(q.getItemKey()))).toList();
        formQueries = (int) formLevel.stream().filter(org.tacecrf.model.quality.DataQuery::isOpen).count();
        formQueryId = first(formLevel);
    }

    private static Long first(List<org.tacecrf.model.quality.DataQuery> list) {
        return list.stream().sorted(java.util.Comparator.comparing((org.tacecrf.model.quality.DataQuery q) -> !q.isOpen())
                .thenComparing(org.tacecrf.model.quality.DataQuery::getId)).map(org.tacecrf.model.quality.DataQuery::getId)
                .findFirst().orElse(null);
    }

    /** After a query dialog action: refresh the icons. */
    public void refreshQueries() {
        loadQueries();
    }

    private RowModel row(ItemGroupDef group, int repeat, Locale locale) {
        RowModel row = new RowModel(repeat);
        for (ItemDef item : group.items()) {
            ItemKey key = new ItemKey(group.id(), repeat, item.id());
            FieldModel field = new FieldModel(item, key, item.codeList().flatMap(study()::codeList).orElse(null), locale);
            if (view != null) {
                field.load(view.value(key).orElse(null));
                if (view.presets().containsKey(key)) {
                    field.setText(view.presets().get(key));
                }
                var stored = view.values().get(key);
                field.setDerivedBy(stored == null ? null : stored.getDerivedBy());
            }
            row.fields.add(field);
        }
        return row;
    }

    private StudyDefinition study() {
        if (study == null) {
            view = forms.open(subjectId, visitRef, formId, repeatKey);
            study = view.study();
            form = view.form();
        }
        return study;
    }

    private FormDef form() {
        study();
        return form;
    }

    /** After any change: re-parse entries for live messages, show or hide conditional items. */
    public void refresh() {
        ItemValueParser parser = new ItemValueParser(LocalDateTime.now());
        Locale locale = session.getLocale();
        for (FieldModel field : fields()) {
            field.clearMessages();
            if (field.isCalculated() || field.entryText() == null) {
                continue;
            }
            ParsedValue parsed = parser.parse(field.getItem(), field.getItem().codeList().flatMap(study()::codeList).orElse(null),
                    field.entryText(), field.getUnit());
            parsed.firstError().ifPresent(p -> field.setError(text(locale, p)));
            parsed.warnings().stream().findFirst().ifPresent(p -> field.setWarning(text(locale, p)));
        }
        refreshLogic();
    }

    private void refreshLogic() {
        Map<ItemKey, StoredValue> values = currentValues();
        Set<ItemKey> hidden = new FormLogic(study(), form()).hidden(values);
        Map<ItemKey, DerivedValue> derived = editable ? forms.preview(subjectId, visitRef, formId, repeatKey, values) : Map.of();
        for (FieldModel field : fields()) {
            field.setVisible(!hidden.contains(field.getKey()));
            DerivedValue value = derived.get(field.getKey());
            if (field.isCalculated() && value != null) {
                field.setText(value.isEmpty() ? null : value.value().display());
                field.setDerivedBy(value.isEmpty() ? value.algorithm() + ": " + value.reason() : value.algorithm());
            }
        }
    }

    /** The entries parsed as far as they parse, for conditions and previews (and a form's panel). */
    public Map<ItemKey, StoredValue> currentValues() {
        ItemValueParser parser = new ItemValueParser(LocalDateTime.now());
        Map<ItemKey, StoredValue> values = new LinkedHashMap<>();
        for (FieldModel field : fields()) {
            if (field.isCalculated()) {
                // Calculated items are derived afresh from the entries, never fed back in.
                continue;
            }
            String entry = field.entryText();
            if (entry == null) {
                continue;
            }
            ParsedValue parsed = parser.parse(field.getItem(), field.getItem().codeList().flatMap(study()::codeList).orElse(null),
                    entry, field.getUnit());
            if (!parsed.hasError() && !parsed.isEmpty()) {
                values.put(field.getKey(), StoredValue.of(parsed));
            }
        }
        return values;
    }

    public void addRow(GroupModel group) {
        ItemGroupDef def = form().group(group.getId()).orElseThrow();
        int next = group.rows.stream().mapToInt(RowModel::getRepeat).max().orElse(0) + 1;
        group.rows.add(row(def, next, session.getLocale()));
        FieldModelClear.clear(group.rows.get(group.rows.size() - 1));
        refreshLogic();
    }

    public void removeRow(GroupModel group, RowModel row) {
        group.rows.remove(row);
        refreshLogic();
    }

    public void save(boolean markComplete) {
        Map<ItemKey, RawEntry> entries = new LinkedHashMap<>();
        for (FieldModel field : fields()) {
            field.clearMessages();
            if (!field.isCalculated() && field.entryText() != null) {
                entries.put(field.getKey(), new RawEntry(field.entryText(), field.getUnit()));
            }
        }
        Map<String, String> confirmations = new LinkedHashMap<>();
        checks.stream().filter(c -> c.getConfirmation() != null && !c.getConfirmation().isBlank())
                .forEach(c -> confirmations.put(c.getKey(), c.getConfirmation()));
        try {
            FormSaveResult result = forms.save(new FormSave(subjectId, visitRef, formId, repeatKey, version, entries, markComplete,
                    reason, AuditSource.FORM, null, confirmations));
            reason = null;
            Map<ItemKey, List<ValueProblem>> warnings = result.warnings();
            load();
            showChecks(result);
            Locale locale = session.getLocale();
            for (FieldModel field : fields()) {
                List<ValueProblem> list = warnings.get(field.getKey());
                if (list != null && !list.isEmpty()) {
                    field.setWarning(text(locale, list.get(0)));
                }
            }
            Messages.info(result.complete() ? "form.savedComplete" : "form.saved", result.changedValues());
        } catch (ValidationFailure failure) {
            showErrors(failure);
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    private void showChecks(FormSaveResult result) {
        checks = new ArrayList<>();
        Locale locale = session.getLocale();
        Map<String, FieldModel> byPath = new LinkedHashMap<>();
        fields().forEach(f -> byPath.put(f.getPath(), f));
        for (var outcome : result.failedChecks()) {
            String kind = outcome.blocksCompletion() ? "hard" : outcome.raisesQuery() ? "soft" : "deviation";
            String key = outcome.key().replace("/f" + org.tacecrf.application.quality.CheckService.UNSAVED_FORM, "/f" + result.formDataId());
            checks.add(new CheckView(key, outcome.message(locale), kind));
            FieldModel field = outcome.target().item() == null ? null : byPath.get(outcome.target().item().toString());
            if (field != null && "hard".equals(kind)) {
                field.setError(outcome.message(locale));
            } else if (field != null && field.getWarning() == null) {
                field.setWarning(outcome.message(locale));
            }
        }
    }

    private void showErrors(ValidationFailure failure) {
        Map<String, FieldModel> byPath = new LinkedHashMap<>();
        fields().forEach(f -> byPath.put(f.getPath(), f));
        int atFields = 0;
        for (FieldError error : failure.errors()) {
            FieldModel field = error.field() == null ? null : byPath.get(error.field());
            String message = Messages.text(error.messageKey(), error.arguments().toArray());
            if (field != null) {
                field.setError(message);
                atFields++;
            } else {
                Messages.error("reason".equals(error.field()) ? "entry:reason" : null, error.messageKey(), error.arguments().toArray());
            }
        }
        if (atFields > 0) {
            Messages.error(null, "form.notSaved", atFields);
        }
    }

    private static String text(Locale locale, ValueProblem problem) {
        return Messages.text(locale, problem.messageKey(), problem.arguments().toArray());
    }

    private List<FieldModel> fields() {
        List<FieldModel> all = new ArrayList<>();
        groups.forEach(g -> g.rows.forEach(r -> all.addAll(r.fields)));
        return all;
    }

    /**
     * The form's own panel, for the few forms that need more than items: the lesion table and the
     * RECIST/mRECIST response of an imaging assessment, CTCAE grade definitions beside an adverse
     * event, lab-based AE suggestions after a session. {@code /WEB-INF/forms/<form id>.xhtml}.
     */
    public String getPanel() {
        String path = "/WEB-INF/forms/" + formId + ".xhtml";
        try {
            return formId != null && FacesContext.getCurrentInstance().getExternalContext().getResource(path) != null
                    ? path : "/WEB-INF/forms/none.xhtml";
        } catch (java.net.MalformedURLException e) {
            return "/WEB-INF/forms/none.xhtml";
        }
    }

    public boolean isReasonNeeded() {
        return complete;
    }

    public List<CheckView> getChecks() { return checks; }
    public Long getFormDataId() { return formDataId; }
    public int getFormQueries() { return formQueries; }
    public Long getFormQueryId() { return formQueryId; }
    public Long getFormDataParam() { return formDataParam; }
    public void setFormDataParam(Long formDataParam) { this.formDataParam = formDataParam; }
    public long getSubjectId() { return subjectId; }
    public void setSubjectId(long subjectId) { this.subjectId = subjectId; }
    public long getVisitRef() { return visitRef; }
    public void setVisitRef(long visitRef) { this.visitRef = visitRef; }
    public String getFormId() { return formId; }
    public void setFormId(String formId) { this.formId = formId; }
    public int getRepeatKey() { return repeatKey; }
    public void setRepeatKey(int repeatKey) { this.repeatKey = repeatKey; }
    public List<GroupModel> getGroups() { return groups; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public boolean isComplete() { return complete; }
    public boolean isEditable() { return editable; }
    public String getTitle() { return title; }
    public String getSubjectNumber() { return subjectNumber; }
    public Long getVersion() { return version; }

    /** Empties a freshly added row (a new row never inherits values). */
    private static final class FieldModelClear {
        static void clear(RowModel row) {
            row.getFields().forEach(f -> f.load(null));
        }
    }
}
