package org.tacecrf.domain.casebook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tacecrf.domain.check.Expression;
import org.tacecrf.domain.check.ParseException;
import org.tacecrf.domain.check.Reference;
import org.tacecrf.domain.check.Value;
import org.tacecrf.domain.check.ValueResolver;
import org.tacecrf.domain.study.CodeList;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.ItemType;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * The logic inside one form: which conditional items ({@code visibleWhen}) are shown for the
 * values entered. A condition reads items of the same form; inside a repeating group it reads the
 * same row, so "specify other" follows its own row's choice.
 */
public final class FormLogic {

    private static final Map<String, Expression> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private final StudyDefinition study;
    private final FormDef form;

    public FormLogic(StudyDefinition study, FormDef form) {
        this.study = study;
        this.form = form;
    }

    /** The keys (including rows present in the values) whose item is hidden by its condition. */
    public Set<ItemKey> hidden(Map<ItemKey, StoredValue> values) {
        Set<ItemKey> hidden = new LinkedHashSet<>();
        for (ItemGroupDef group : form.groups()) {
            List<Integer> rows = rows(group, values);
            for (ItemDef item : group.items()) {
                if (item.visibleWhen() == null) {
                    continue;
                }
                Expression condition = parse(item.visibleWhen().text());
                for (int row : rows) {
                    Value shown = condition.evaluate(new RowResolver(values, row, hidden));
                    if (!(shown instanceof org.tacecrf.domain.check.BooleanValue b && b.value())) {
                        hidden.add(new ItemKey(group.id(), row, item.id()));
                    }
                }
            }
        }
        return hidden;
    }

    /** Whether one item is shown in one row, for rendering. */
    public boolean visible(ItemKey key, Map<ItemKey, StoredValue> values) {
        return !hidden(values).contains(key);
    }

    private static List<Integer> rows(ItemGroupDef group, Map<ItemKey, StoredValue> values) {
        if (!group.repeating()) {
            return List.of(1);
        }
        List<Integer> rows = new ArrayList<>(values.keySet().stream().filter(k -> k.groupId().equals(group.id()))
                .map(ItemKey::groupRepeat).distinct().sorted().toList());
        if (rows.isEmpty()) {
            rows.add(1);
        }
        return rows;
    }

    private static Expression parse(String text) {
        return PARSED.computeIfAbsent(text, t -> {
            try {
                return Expression.parse(t);
            } catch (ParseException e) {
                throw new IllegalStateException("condition '" + t + "' was accepted at start-up but does not parse: " + e.getMessage(), e);
            }
        });
    }

    /** Resolves the form's own items; a repeating group's items from the given row. */
    private final class RowResolver implements ValueResolver {
        private final Map<ItemKey, StoredValue> values;
        private final int row;
        private final Set<ItemKey> hidden;
        private final Map<String, ItemGroupDef> groupOfItem = new HashMap<>();

        RowResolver(Map<ItemKey, StoredValue> values, int row, Set<ItemKey> hidden) {
            this.values = values;
            this.row = row;
            this.hidden = hidden;
            for (ItemGroupDef g : form.groups()) {
                g.items().forEach(i -> groupOfItem.put(i.id(), g));
            }
        }

        @Override
        public Value resolve(Reference reference) {
            ItemGroupDef group = groupOfItem.get(reference.item());
            if (group == null) {
                return Value.empty();
            }
            ItemDef item = group.item(reference.item()).orElseThrow();
            ItemKey key = new ItemKey(group.id(), group.repeating() ? row : 1, item.id());
            // A hidden item counts as empty, so conditions chained on it hide too.
            StoredValue value = hidden.contains(key) ? null : values.get(key);
            return toValue(item, value, study);
        }

        @Override
        public Value parameter(String name) {
            return Value.empty();
        }
    }

    /** A stored value in the expression language's types (codes as codes, multiple choice as a list). */
    public static Value toValue(ItemDef item, StoredValue value, StudyDefinition study) {
        if (value == null || value.isEmpty()) {
            return item.type() == ItemType.MULTI_CHOICE ? Value.list(List.of()) : Value.empty();
        }
        if (value.number() != null) {
            return Value.number(value.number());
        }
        if (value.day() != null) {
            return Value.date(value.day());
        }
        return switch (item.type()) {
            case CHOICE, YES_NO -> Value.code(value.text());
            case MULTI_CHOICE -> Value.list(value.codes().stream().map(Value::code).toList());
            case CALCULATED -> item.codeList().flatMap(study::codeList).map(CodeList::id).isPresent()
                    ? Value.code(value.text()) : Value.text(value.text());
            default -> Value.text(value.text());
        };
    }
}
