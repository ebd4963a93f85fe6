package org.tacecrf.domain.check;

import java.util.Objects;

/** Free text; compared exactly (case-sensitive). */
public record TextValue(String text) implements Value {

    public TextValue {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public ValueType type() {
        return ValueType.TEXT;
    }

    @Override
    public String display() {
        return text;
    }

    @Override
    public boolean isEmpty() {
        return text.isBlank();
    }

    @Override
    public String toString() {
        return "'" + text + "'";
    }
}
