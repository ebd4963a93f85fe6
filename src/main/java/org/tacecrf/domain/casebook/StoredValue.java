package org.tacecrf.domain.casebook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored item value, typed: exactly one of text, number or date is set. A number entered in an
 * alternative unit keeps the value and unit as entered beside the canonical number (a Child-Pugh
 * cut-off may be applied in the unit the investigator read).
 */
public record StoredValue(String text, BigDecimal number, LocalDate date, String enteredValue, String enteredUnit) {

    public StoredValue(String text, BigDecimal number, LocalDate date) {
        this(text, number, date, null, null);
    }

    public static StoredValue of(ParsedValue parsed) {
        return new StoredValue(parsed.text(), parsed.number(), parsed.date(), parsed.enteredValue(), parsed.enteredUnit());
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
        return text == null && number == null && date == null;
    }

    /** The codes of a multiple choice (stored separated by "|"). */
    public List<String> codes() {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\\|"));
    }

    /** Text form for display, audit and export: numbers without trailing zeros, ISO dates. */
    public String display() {
        if (number != null) {
            return number.stripTrailingZeros().toPlainString();
        }
        if (date != null) {
            return date.toString();
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
        return java.util.Objects.equals(text, other.text) && java.util.Objects.equals(date, other.date);
    }
}
