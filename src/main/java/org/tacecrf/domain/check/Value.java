package org.tacecrf.domain.check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A typed value read from the casebook or computed by an expression.
 * <p>
 * Values are immutable. Java {@code null} is never a value: "no value entered" is {@link #empty()}.
 * Blank text is treated as empty, as a data-entry form does.
 */
public sealed interface Value
        permits NumberValue, TextValue, DateValue, BooleanValue, CodeValue, ListValue, NullValue {

    /** The kind of this value. */
    ValueType type();

    /** The value as shown in query texts and explanations: plain numbers, ISO dates, lists joined by ", ". */
    String display();

    /** True for the empty value only (an empty list is a list). */
    default boolean isNull() {
        return false;
    }

    /**
     * True when nothing was entered: the empty value, blank text, or a list without any non-empty
     * value. This is what {@code isEmpty(x)} tests.
     */
    default boolean isEmpty() {
        return isNull();
    }

    static Value empty() {
        return NullValue.INSTANCE;
    }

    static Value number(BigDecimal value) {
        return value == null ? empty() : new NumberValue(value);
    }

    static Value number(long value) {
        return new NumberValue(BigDecimal.valueOf(value));
    }

    /** A number from its decimal text, such as "3.5". */
    static Value number(String decimal) {
        return decimal == null || decimal.isBlank() ? empty() : new NumberValue(new BigDecimal(decimal.trim()));
    }

    static Value text(String text) {
        return text == null || text.isBlank() ? empty() : new TextValue(text);
    }

    static Value date(LocalDate date) {
        return date == null ? empty() : new DateValue(date);
    }

    /** A date from ISO text, such as "2024-03-01". */
    static Value date(String isoDate) {
        return isoDate == null || isoDate.isBlank() ? empty() : new DateValue(LocalDate.parse(isoDate.trim()));
    }

    static Value bool(boolean value) {
        return value ? BooleanValue.TRUE : BooleanValue.FALSE;
    }

    static Value bool(Boolean value) {
        return value == null ? empty() : bool(value.booleanValue());
    }

    static Value code(String code) {
        return code == null || code.isBlank() ? empty() : new CodeValue(code);
    }

    static Value list(List<? extends Value> values) {
        return ListValue.of(values);
    }

    static Value list(Value... values) {
        return ListValue.of(Arrays.asList(values));
    }
}
