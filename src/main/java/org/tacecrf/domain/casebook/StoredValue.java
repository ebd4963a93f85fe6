package org.tacecrf.domain.casebook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A stored item value, typed: exactly one of text, number, date or date-time is set. A number
 * entered in an alternative unit keeps the value and unit as entered beside the canonical number (a
 * Child-Pugh cut-off may be applied in the unit the investigator read). A date-time is the site's
 * local wall-clock time to the minute, as written on the source document.
 */
public record StoredValue(String text, BigDecimal number, LocalDate date, String enteredValue, String enteredUnit,
                          LocalDateTime dateTime) {

    public StoredValue(String text, BigDecimal number, LocalDate date, String enteredValue, String enteredUnit) {
        this(text, number, date, enteredValue, enteredUnit, null);
    }

    public StoredValue(String text, BigDecimal number, LocalDate date) {
        this(text, number, date, null, null, null);
    }

    public static StoredValue of(ParsedValue parsed) {
        return new StoredValue(parsed.text(), parsed.number(), parsed.date(), parsed.enteredValue(), parsed.enteredUnit(),
                parsed.dateTime());
    }

    public static StoredValue dateTime(LocalDateTime dateTime) {
        return new StoredValue(null, null, null, null, null, dateTime);
    }

    public static StoredValue text(String text) {
        return new StoredValue(text, null, null);
    }

    public static StoredValue number(BigDecimal number) {
        return new StoredValue(null, number, null);
    }

    public static StoredValue date(LocalDate date) {
        return new StoredValue(null, null, date);
    }

    public boolean isEmpty() {
        return text == null && number == null && date == null && dateTime == null;
    }

    /**
     * The calendar day of a date or a date-time, so rules counted in days read both (a date-time
     * item that replaced a date item keeps its day).
     */
    public LocalDate day() {
        return date != null ? date : dateTime == null ? null : dateTime.toLocalDate();
    }

    /** The codes of a multiple choice (stored separated by "|"). */
    public List<String> codes() {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\\|"));
    }

    /** Text form for display, audit and export: numbers without trailing zeros, ISO dates and date-times. */
    public String display() {
        if (number != null) {
            return number.stripTrailingZeros().toPlainString();
        }
        if (date != null) {
            return date.toString();
        }
        if (dateTime != null) {
            return DateTimes.iso(dateTime);
        }
        return text;
    }

    /** Same value regardless of BigDecimal scale (1.50 equals 1.5). */
    public boolean sameAs(StoredValue other) {
        if (other == null) {
            return isEmpty();
        }
        if (number != null || other.number != null) {
            return number != null && other.number != null && number.compareTo(other.number) == 0;
        }
        return Objects.equals(text, other.text) && Objects.equals(date, other.date)
                && Objects.equals(dateTime, other.dateTime);
    }
}
