package org.tacecrf.domain.check;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The values of a path with several instances, in instance order (for example the date of every
 * TACE session, or the codes ticked in a multiple-choice item). Lists are flat: a list given as an
 * element is spliced in. Empty instances are kept as {@link Value#empty()} so that counts and
 * positions stay true to the casebook.
 */
public record ListValue(List<Value> values) implements Value {

    public ListValue {
        values = List.copyOf(values);
        for (Value v : values) {
            if (v instanceof ListValue) {
                throw new IllegalArgumentException("lists are flat; use Value.list(...) to splice");
            }
        }
    }

    static ListValue of(List<? extends Value> values) {
        List<Value> flat = new ArrayList<>(values.size());
        for (Value v : values) {
            if (v == null) {
                flat.add(NullValue.INSTANCE);
            } else if (v instanceof ListValue list) {
                flat.addAll(list.values);
            } else {
                flat.add(v);
            }
        }
        return new ListValue(flat);
    }

    @Override
    public ValueType type() {
        return ValueType.LIST;
    }

    @Override
    public boolean isEmpty() {
        for (Value v : values) {
            if (!v.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String display() {
        return values.stream().map(Value::display).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
