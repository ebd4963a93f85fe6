package org.tacecrf.domain.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.tacecrf.domain.check.Reference;
import org.tacecrf.domain.check.ReferenceSchema;
import org.tacecrf.domain.check.ValueType;

/**
 * The paths an expression may use from one place of a study ({@link CheckContext}), with their kinds
 * and whether they have one value or several. Used by the loader to validate expressions, and by the
 * resolver that reads a subject's data through {@link #locate}, so both follow the same rules:
 * <ul>
 *   <li>{@code item}: the current form instance. An item of the current row's group is the current
 *       row's value; an item of another repeating group has one value per row.</li>
 *   <li>{@code form.item}: the form in the current visit occurrence (the current instance when it is
 *       the current form). Several values when the form repeats (and is not the current one) or the
 *       item's group repeats (and is not the current row). Not available when the current visit does
 *       not collect the form, nor in subject-level checks.</li>
 *   <li>{@code visit.form.item}: every occurrence of that visit, wherever the check runs. Several
 *       values when the visit, the form or the group repeats.</li>
 *   <li>{@code subject.form.item}: every instance of the form at every visit that collects it, in
 *       schedule order. Several values unless exactly one visit collects the form and neither the
 *       visit, the form nor the group repeats. This is how checks that must work in every study (the
 *       built-in rules) reach other forms without naming the study's visits.</li>
 * </ul>
 * A multiple-choice item always has several values. Items are typed as {@link ValueType#NUMBER}
 * (integer, decimal, calculated numbers), {@link ValueType#TEXT}, {@link ValueType#DATE} or
 * {@link ValueType#CODE} (choices, yes/no, calculated codes), as the casebook's values are converted.
 * A form-only context ({@code visibleWhen}) sees bare items only.
 */
public final class SubjectSchema implements ReferenceSchema {

    /** The first part of a path that stands for every visit collecting the form: {@code subject.form.item}. */
    public static final String ANY_VISIT = "subject";

    private final Map<String, FormDef> forms;
    private final List<VisitDef> schedule;
    private final CheckContext context;
    private final Map<Reference, Optional<ResolvedPath>> located = new ConcurrentHashMap<>();
    private volatile List<Reference> known;

    private SubjectSchema(Map<String, FormDef> forms, List<VisitDef> schedule, CheckContext context) {
        this.forms = forms;
        this.schedule = schedule;
        this.context = Objects.requireNonNull(context, "context");
        if (context.formId() != null && !forms.containsKey(context.formId())) {
            throw new IllegalArgumentException("the study has no form " + context.formId());
        }
    }

    /** The schema of a study from a place in it. */
    public static SubjectSchema of(StudyDefinition study, CheckContext context) {
        Map<String, FormDef> forms = new LinkedHashMap<>();
        study.forms().forEach(f -> forms.put(f.id(), f));
        return new SubjectSchema(forms, study.schedule(), context);
    }

    /** A form of the library alone, for conditions inside it. */
    static SubjectSchema withinForm(FormDef form, String rowGroupId) {
        return new SubjectSchema(Map.of(form.id(), form), List.of(), CheckContext.withinForm(form.id(), rowGroupId));
    }

    public CheckContext context() {
        return context;
    }

    /** What the path names from this context, or empty when it names nothing here. */
    public Optional<ResolvedPath> locate(Reference reference) {
        return located.computeIfAbsent(reference, this::resolve);
    }

    @Override
    public Optional<org.tacecrf.domain.check.ItemType> item(Reference reference) {
        // The check language's item type, not this package's ItemType of the study definition.
        return locate(reference).map(p -> new org.tacecrf.domain.check.ItemType(valueType(p.item()), p.multiple()));
    }

    @Override
    public Optional<ValueType> parameter(String name) {
        return CheckParameter.byName(name).filter(this::available).map(p -> ValueType.NUMBER);
    }

    /**
     * The drug item whose code selects {@link CheckParameter#MAX_DOSE_PER_VIAL_MG} here: in the current
     * row, or in a group of the current form that does not repeat.
     */
    public Optional<ResolvedPath> drugItem() {
        if (context.formId() == null) {
            return Optional.empty();
        }
        FormDef form = forms.get(context.formId());
        return form.items().stream().filter(CheckParameter::isDrugItem).findFirst()
                .flatMap(item -> locate(new Reference(null, null, item.id())))
                .filter(p -> !p.multiple());
    }

    private boolean available(CheckParameter parameter) {
        // conditions inside a form are evaluated while it is filled in, without the study's parameters
        return !context.formOnly() && (!parameter.rowDependent() || drugItem().isPresent());
    }

    /**
     * The kind of value an item has in expressions, as the casebook's stored values are converted. A
     * date-time is read as its calendar day: the language counts in days ({@code days}, {@code today()}).
     */
    public static ValueType valueType(ItemDef item) {
        return switch (item.type()) {
            case INTEGER, DECIMAL -> ValueType.NUMBER;
            case TEXT -> ValueType.TEXT;
            case DATE, DATETIME -> ValueType.DATE;
            case CHOICE, MULTI_CHOICE, YES_NO -> ValueType.CODE;
            case CALCULATED -> switch (item.dataType()) {
                case INTEGER, FLOAT -> ValueType.NUMBER;
                case DATE, DATETIME -> ValueType.DATE;
                case TEXT -> item.codeListId() != null ? ValueType.CODE : ValueType.TEXT;
            };
        };
    }

    private Optional<ResolvedPath> resolve(Reference r) {
        if (r.form() == null) {
            if (context.formId() == null) {
                return Optional.empty();
            }
            FormDef form = forms.get(context.formId());
            return form.item(r.item()).map(item -> path(r, true, List.of(), form, true, item));
        }
        if (context.formOnly()) {
            return Optional.empty();
        }
        FormDef form = forms.get(r.form());
        if (form == null) {
            return Optional.empty();
        }
        Optional<ItemDef> item = form.item(r.item());
        if (item.isEmpty()) {
            return Optional.empty();
        }
        if (r.visit() == null) {
            boolean collected = context.visitId() != null && visit(context.visitId()).map(v -> v.collects(form.id())).orElse(false);
            // The current form named in full is the current instance; for a repeating form (several
            // instances at one visit, e.g. the readers of one scan) it is every instance at the occurrence.
            boolean currentForm = form.id().equals(context.formId()) && !form.repeating();
            return collected ? Optional.of(path(r, true, List.of(), form, currentForm, item.get()))
                    : Optional.empty();
        }
        List<String> visits = r.visit().equals(ANY_VISIT)
                ? schedule.stream().filter(v -> v.collects(form.id())).map(VisitDef::id).toList()
                : visit(r.visit()).filter(v -> v.collects(form.id())).map(v -> List.of(v.id())).orElse(List.of());
        return visits.isEmpty() ? Optional.empty() : Optional.of(path(r, false, visits, form, false, item.get()));
    }

    private ResolvedPath path(Reference r, boolean currentVisit, List<String> visitIds, FormDef form, boolean currentForm,
                              ItemDef item) {
        ItemGroupDef group = form.groupOf(item.id()).orElseThrow();
        boolean currentRow = currentForm && group.id().equals(context.rowGroupId());
        boolean multiple = item.type() == ItemType.MULTI_CHOICE
                || (group.repeating() && !currentRow)
                || (form.repeating() && !currentForm)
                || visitIds.size() > 1
                || visitIds.stream().anyMatch(id -> visit(id).map(VisitDef::repeating).orElse(false));
        return new ResolvedPath(r, currentVisit, visitIds, form, currentForm, group, currentRow, item, multiple);
    }

    private Optional<VisitDef> visit(String visitId) {
        return schedule.stream().filter(v -> v.id().equals(visitId)).findFirst();
    }

    /**
     * Why a path names nothing from here, in a sentence for the data manager, when there is more to
     * say than "unknown item": the form exists but is not collected at the current visit, a bare item
     * is used where there is no current form, and so on.
     */
    public Optional<String> whyUnknown(Reference r) {
        if (r.form() == null) {
            if (context.formId() == null) {
                return Optional.of("'" + r.path() + "' names no form, and this check does not run in a form:"
                        + " write form.item, subject.form.item or visit.form.item");
            }
            return Optional.empty();
        }
        if (context.formOnly()) {
            return Optional.of("'" + r.path() + "': a condition of an item sees only the items of its own form;"
                    + " write the item id alone");
        }
        FormDef form = forms.get(r.form());
        if (form == null || form.item(r.item()).isEmpty()) {
            return Optional.empty();
        }
        if (r.visit() == null) {
            String where = context.visitId() == null ? "this check does not run at a visit"
                    : "visit '" + context.visitId() + "' does not collect form '" + r.form() + "'";
            return Optional.of("'" + r.path() + "': " + where + "; write " + ANY_VISIT + "." + r.path()
                    + " for its values at every visit that collects it");
        }
        if (!r.visit().equals(ANY_VISIT)) {
            return Optional.of(visit(r.visit()).isEmpty() ? "'" + r.path() + "': there is no visit '" + r.visit() + "'"
                    + suggestion(r.visit(), schedule.stream().map(VisitDef::id).toList())
                    : "'" + r.path() + "': visit '" + r.visit() + "' does not collect form '" + r.form() + "'");
        }
        return Optional.empty();
    }

    private static String suggestion(String written, List<String> candidates) {
        return Suggestions.closest(written, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    @Override
    public Collection<Reference> knownItems() {
        List<Reference> result = known;
        if (result == null) {
            List<Reference> refs = new ArrayList<>();
            if (context.formId() != null) {
                forms.get(context.formId()).items().forEach(i -> refs.add(new Reference(null, null, i.id())));
            }
            if (!context.formOnly()) {
                if (context.visitId() != null) {
                    visit(context.visitId()).ifPresent(v -> v.forms().forEach(vf -> items(null, vf.formId(), refs)));
                }
                forms.keySet().forEach(formId -> items(ANY_VISIT, formId, refs));
                schedule.forEach(v -> v.forms().forEach(vf -> items(v.id(), vf.formId(), refs)));
            }
            result = List.copyOf(refs);
            known = result;
        }
        return result;
    }

    private void items(String visitId, String formId, List<Reference> into) {
        FormDef form = forms.get(formId);
        if (form != null) {
            form.items().forEach(i -> into.add(new Reference(visitId, formId, i.id())));
        }
    }

    @Override
    public Collection<String> knownParameters() {
        return Arrays.stream(CheckParameter.values()).filter(this::available)
                .map(CheckParameter::expressionName).toList();
    }

    @Override
    public String toString() {
        return "SubjectSchema[" + context + "]";
    }
}
