package org.tacecrf.domain.casebook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * An entered value turned into its stored form: exactly one of text, number (canonical unit), date
 * or date-time, plus the value and unit as entered when a unit conversion happened. Problems say why it
 * was refused (errors) or what is unusual about it (warnings).
 */
public record ParsedValue(String text, BigDecimal number, LocalDate date, String enteredValue, String enteredUnit,
                          List<ValueProblem> problems, LocalDateTime dateTime) {

    public ParsedValue {
        problems = List.copyOf(problems);
    }

    public ParsedValue(String text, BigDecimal number, LocalDate date, String enteredValue, String enteredUnit,
                       List<ValueProblem> problems) {
        this(text, number, date, enteredValue, enteredUnit, problems, null);
    }

    public static final ParsedValue EMPTY = new ParsedValue(null, null, null, null, null, List.of());

    static ParsedValue refused(ValueProblem problem) {
        return new ParsedValue(null, null, null, null, null, List.of(problem));
    }

    public boolean isEmpty() {
        return text == null && number == null && date == null && dateTime == null;
    }

    public boolean hasError() {
        return problems.stream().anyMatch(ValueProblem::error);
    }

    public Optional<ValueProblem> firstError() {
        return problems.stream().filter(ValueProblem::error).findFirst();
    }

    public List<ValueProblem> warnings() {
        return problems.stream().filter(p -> !p.error()).toList();
    }

    /** The value as stored text: numbers without trailing zeros, dates and date-times in ISO form. */
    public String display() {
        return new StoredValue(text, number, date, null, null, dateTime).display();
    }
}
