package org.tacecrf.domain.casebook.derive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;

/**
 * The values a calculated item sees: the form's values, and for an item of a repeating group the
 * row (repeat) it sits in. An item of the same repeating group is read from that row; any other
 * item from its own group (first row when it repeats).
 *
 * @param groupId group of the calculated item
 * @param repeat  its repeat (1 for a non-repeating group)
 */
record Row(FormDef def, FormInstance form, String groupId, int repeat) {

    static Row of(FormDef def, FormInstance form) {
        return new Row(def, form, def.groups().isEmpty() ? "" : def.groups().get(0).id(), 1);
    }

    /** The same form seen from another row. */
    Row at(String group, int groupRepeat) {
        return new Row(def, form, group, groupRepeat);
    }

    Optional<StoredValue> value(String itemId) {
        Optional<ItemGroupDef> group = def.groupOf(itemId);
        if (group.isPresent() && group.get().repeating() && group.get().id().equals(groupId)) {
            return form.value(groupId, repeat, itemId);
        }
        return form.first(itemId);
    }

    Optional<BigDecimal> number(String itemId) {
        return value(itemId).map(StoredValue::number);
    }

    Optional<String> text(String itemId) {
        return value(itemId).map(StoredValue::text).filter(t -> !t.isBlank());
    }

    Optional<LocalDate> date(String itemId) {
        return value(itemId).map(StoredValue::date);
    }

    /** Y is true, N is false; anything else (U, NA, empty) is unknown. */
    Optional<Boolean> yes(String itemId) {
        return text(itemId).flatMap(code -> switch (code) {
            case "Y" -> Optional.of(true);
            case "N" -> Optional.of(false);
            default -> Optional.empty();
        });
    }

    Optional<ItemDef> item(String itemId) {
        return def.item(itemId);
    }

    /** English label of an item, for messages. */
    String label(String itemId) {
        return def.item(itemId).map(i -> i.label().en()).orElse(itemId);
    }

    /** Repeats of a group that hold at least one value, in order. */
    SortedSet<Integer> repeats(String group) {
        return repeats(form, group);
    }

    static SortedSet<Integer> repeats(FormInstance form, String group) {
        SortedSet<Integer> out = new TreeSet<>();
        for (var e : form.values().entrySet()) {
            ItemKey key = e.getKey();
            if (key.groupId().equals(group) && e.getValue() != null && !e.getValue().isEmpty()) {
                out.add(key.groupRepeat());
            }
        }
        return out;
    }

    /** Whether the form instance holds any value at all (a form opened but never filled holds none). */
    static boolean hasValues(FormInstance form) {
        return form.values().values().stream().anyMatch(v -> v != null && !v.isEmpty());
    }
}
