package org.tacecrf.domain.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.ItemType;

/**
 * The entries of one form as a nurse types them, keyed by item, checked against the study's form
 * definition as they are added so a misspelt item id fails at once rather than at the save.
 */
final class FormEntries {

    private final FormDef form;
    private final Map<ItemKey, String> entries = new LinkedHashMap<>();

    FormEntries(FormDef form) {
        this.form = form;
    }

    FormDef form() {
        return form;
    }

    /** Whether the form has the item (a study may add or leave out items). */
    boolean has(String itemId) {
        return form.item(itemId).isPresent();
    }

    /** An item of a non-repeating group; a null value leaves it empty. */
    FormEntries set(String itemId, String value) {
        ItemGroupDef group = form.groupOf(itemId).orElseThrow(() -> new IllegalArgumentException(
                "form " + form.id() + " has no item " + itemId));
        if (group.repeating()) {
            throw new IllegalArgumentException("item " + itemId + " of " + form.id() + " is in the repeating group " + group.id());
        }
        return put(new ItemKey(group.id(), 1, itemId), value);
    }

    /** Sets the item only when the form has it. */
    FormEntries setIfPresent(String itemId, String value) {
        return has(itemId) ? set(itemId, value) : this;
    }

    /** Sets the item unless it already has a value. */
    FormEntries setIfAbsent(String itemId, String value) {
        return value(itemId) == null ? set(itemId, value) : this;
    }

    /** An item of a row of a repeating group. */
    FormEntries row(String groupId, int repeat, String itemId, String value) {
        ItemGroupDef group = form.group(groupId).orElseThrow(() -> new IllegalArgumentException(
                "form " + form.id() + " has no group " + groupId));
        if (group.item(itemId).isEmpty()) {
            throw new IllegalArgumentException("group " + groupId + " of " + form.id() + " has no item " + itemId);
        }
        return put(new ItemKey(groupId, repeat, itemId), value);
    }

    private FormEntries put(ItemKey key, String value) {
        if (form.item(key.itemId()).map(i -> i.type() == ItemType.CALCULATED).orElse(false)) {
            throw new IllegalArgumentException("item " + key.itemId() + " of " + form.id() + " is calculated, not entered");
        }
        if (value == null) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
        return this;
    }

    /** The value of an item of a non-repeating group, or null. */
    String value(String itemId) {
        return form.groupOf(itemId).map(g -> entries.get(new ItemKey(g.id(), 1, itemId))).orElse(null);
    }

    Map<ItemKey, String> build() {
        return Map.copyOf(entries);
    }
}
