package org.tacecrf.domain.casebook.derive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.check.EvaluationException;
import org.tacecrf.domain.check.Reference;
import org.tacecrf.domain.check.Value;
import org.tacecrf.domain.check.ValueResolver;
import org.tacecrf.domain.study.DataType;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;

/**
 * Resolves the paths of the edit-check language against a subject's data, as seen from one row of
 * one form (docs/edit-check-language.md, section 3):
 * <ul>
 *   <li>{@code item}: the current form; an item of the current repeating group is read from the
 *       current row, an item of another repeating group gives one value per row;</li>
 *   <li>{@code form.item}: that form in the current visit occurrence;</li>
 *   <li>{@code visit.form.item}: that form at that visit, anywhere in the casebook.</li>
 * </ul>
 * A path that can have several instances (repeating visit, form or group, or a multiple choice)
 * always gives a list. Choice items give their codes.
 */
final class CasebookResolver implements ValueResolver {

    private final StudyDefinition study;
    private final SubjectData data;
    private final Row row;
    private final LocalDate today;
    private final Set<String> empty = new LinkedHashSet<>();

    /**
     * @param data the subject's data with the current form (and its fresh derived values) in place
     * @param row  the form and row the calculated item sits in
     */
    CasebookResolver(StudyDefinition study, SubjectData data, Row row, LocalDate today) {
        this.study = study;
        this.data = data;
        this.row = row;
        this.today = today;
    }

    /** Paths that resolved to nothing, in order of reading. */
    List<String> emptyPaths() {
        return List.copyOf(empty);
    }

    @Override
    public Value resolve(Reference reference) {
        Value v = read(reference);
        if (v.isEmpty()) {
            empty.add(reference.path());
        }
        return v;
    }

    @Override
    public Value parameter(String name) {
        throw new EvaluationException("study parameter '" + name + "' is not defined for calculated items");
    }

    @Override
    public LocalDate today() {
        return today;
    }

    private Value read(Reference ref) {
        if (ref.form() == null) {
            ItemDef item = row.def().item(ref.item()).orElseThrow(() -> new EvaluationException(
                    "item '" + ref.item() + "' is not on form '" + row.def().id() + "'"));
            ItemGroupDef group = row.def().groupOf(item.id()).orElseThrow();
            if (group.repeating() && group.id().equals(row.groupId())) {
                return single(convert(row.form().value(group.id(), row.repeat(), item.id()).orElse(null), item), item);
            }
            return collect(List.of(row.form()), group, item, group.repeating());
        }
        FormDef form = study.form(ref.form()).orElseThrow(() -> new EvaluationException(
                "form '" + ref.form() + "' is not part of the study"));
        ItemDef item = form.item(ref.item()).orElseThrow(() -> new EvaluationException(
                "item '" + ref.item() + "' is not on form '" + form.id() + "'"));
        ItemGroupDef group = form.groupOf(item.id()).orElseThrow();
        List<FormInstance> instances;
        boolean multiple;
        if (ref.visit() == null) {
            long visit = row.form().visit().id();
            instances = data.forms(form.id()).stream().filter(f -> f.visit().id() == visit)
                    .sorted(Comparator.comparingInt(FormInstance::repeatKey)).toList();
            multiple = form.repeating() || group.repeating();
        } else {
            VisitDef visit = study.visit(ref.visit()).orElseThrow(() -> new EvaluationException(
                    "visit '" + ref.visit() + "' is not in the schedule"));
            instances = data.forms(form.id()).stream().filter(f -> f.visit().visitId().equals(visit.id()))
                    .sorted(Comparator.comparingInt((FormInstance f) -> f.visit().repeatKey())
                            .thenComparingInt(FormInstance::repeatKey)).toList();
            multiple = visit.repeating() || form.repeating() || group.repeating();
        }
        return collect(instances, group, item, multiple);
    }

    private static Value collect(List<FormInstance> instances, ItemGroupDef group, ItemDef item, boolean multiple) {
        List<Value> values = new ArrayList<>();
        for (FormInstance f : instances) {
            if (group.repeating()) {
                for (int repeat : Row.repeats(f, group.id())) {
                    values.add(convert(f.value(group.id(), repeat, item.id()).orElse(null), item));
                }
            } else {
                values.add(convert(f.first(item.id()).orElse(null), item));
            }
        }
        if (multiple || item.type() == org.tacecrf.domain.study.ItemType.MULTI_CHOICE) {
            return Value.list(values);
        }
        return values.isEmpty() ? Value.empty() : values.get(0);
    }

    private static Value single(Value v, ItemDef item) {
        return item.type() == org.tacecrf.domain.study.ItemType.MULTI_CHOICE ? Value.list(v) : v;
    }

    /** A stored value as the language sees it; a multiple choice becomes a list of codes. */
    static Value convert(StoredValue v, ItemDef item) {
        if (v == null || v.isEmpty()) {
            return Value.empty();
        }
        return switch (item.type()) {
            case MULTI_CHOICE -> Value.list(v.codes().stream().map(Value::code).toList());
            case CHOICE, YES_NO -> Value.code(v.text());
            case INTEGER, DECIMAL -> Value.number(v.number());
            case DATE, DATETIME -> Value.date(v.day());
            case TEXT -> Value.text(v.text());
            case CALCULATED -> {
                DataType t = item.dataType();
                if (t.numeric()) {
                    yield Value.number(v.number());
                }
                if (t.temporal()) {
                    yield Value.date(v.day());
                }
                yield item.codeListId() != null ? Value.code(v.text()) : Value.text(v.text());
            }
        };
    }
}
