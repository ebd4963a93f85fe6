package org.tacecrf.domain.check;

import java.time.LocalDate;
import java.util.Objects;

/** A calendar date; shown in ISO form (2024-03-01). */
public record DateValue(LocalDate date) implements Value {

    public DateValue {
        Objects.requireNonNull(date, "date");
    }

    @Override
    public ValueType type() {
        return ValueType.DATE;
    }

    @Override
    public String display() {
        return date.toString();
    }

    @Override
    public String toString() {
        return display();
    }
}
