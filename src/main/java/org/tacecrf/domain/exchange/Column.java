package org.tacecrf.domain.exchange;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;

/**
 * One column of a form's template or export: either a key column or one item (in one row of a
 * repeating group).
 *
 * @param name   the column name in the file
 * @param key    the key column, or null for an item column
 * @param group  the item's group, or null for a key column
 * @param item   the item, or null for a key column
 * @param repeat row of a repeating group (1 for a non-repeating group); 0 for a key column
 */
public record Column(String name, KeyColumn key, ItemGroupDef group, ItemDef item, int repeat) {

    static Column key(KeyColumn key) {
        return new Column(key.columnName(), key, null, null, 0);
    }

    public boolean isKey() {
        return key != null;
    }

    public boolean isItem() {
        return item != null;
    }

    /** A calculated item: exported, ignored on import (the system recomputes it). */
    public boolean calculated() {
        return item != null && item.calculated();
    }

    public ItemKey itemKey() {
        if (item == null) {
            throw new IllegalStateException(name + " is a key column");
        }
        return new ItemKey(group.id(), repeat, item.id());
    }
}
