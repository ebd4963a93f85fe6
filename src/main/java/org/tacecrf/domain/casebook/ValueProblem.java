package org.tacecrf.domain.casebook;

import java.util.List;

/**
 * Something wrong or unusual about one entered value: a message key for the resource bundle, its
 * arguments, and whether it refuses the value (error) or only warns (soft range).
 */
public record ValueProblem(String messageKey, List<Object> arguments, boolean error) {

    public ValueProblem {
        arguments = List.copyOf(arguments);
    }

    public static ValueProblem error(String key, Object... arguments) {
        return new ValueProblem(key, List.of(arguments), true);
    }

    public static ValueProblem warning(String key, Object... arguments) {
        return new ValueProblem(key, List.of(arguments), false);
    }

    /** English text, for logs, import reports and the API when no bundle is at hand. */
    public String englishText() {
        return EnglishMessages.format(messageKey, arguments);
    }
}
