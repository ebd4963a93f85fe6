package org.tacecrf.domain.check;

import java.util.Objects;

/**
 * What the schema says about an item path, seen from where a check runs.
 *
 * @param type     the scalar kind of each value
 * @param multiple true when the path resolves to a list: it crosses a repeating visit, form or item
 *                 group, or the item is a multiple-choice item
 */
public record ItemType(ValueType type, boolean multiple) {

    public ItemType {
        Objects.requireNonNull(type, "type");
        if (!type.isScalar()) {
            throw new IllegalArgumentException("an item has a scalar type, not " + type);
        }
    }

    public static ItemType single(ValueType type) {
        return new ItemType(type, false);
    }

    public static ItemType multiple(ValueType type) {
        return new ItemType(type, true);
    }
}
