package org.tacecrf.domain.casebook.derive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.tacecrf.domain.casebook.StoredValue;

/**
 * The computed value of one calculated item, with the algorithm (name and version) that produced
 * it and, when no value could be computed, why. A derivation never guesses: with a missing or
 * unusable input the value is empty and {@link #problems()} says what is missing.
 *
 * @param value        the value to store; an empty {@link StoredValue} when not computable
 * @param algorithm    name and version of the algorithm, e.g. {@code "ALBI (Johnson 2015) v1"},
 *                     stored beside the value so that it can always be traced
 * @param problems     English sentences saying why there is no value; empty exactly when a value
 *                     was computed
 * @param missingItems ids of items of the same form whose entry would allow the computation, for
 *                     highlighting fields on the form
 * @param notes        for a computed value, how it was reached where that helps the reader (the
 *                     BCLC step that decided, the sample a change was taken from); otherwise empty
 */
public record DerivedValue(StoredValue value, String algorithm, List<String> problems, List<String> missingItems,
                           List<String> notes) {

    private static final StoredValue EMPTY = new StoredValue(null, null, null);

    public DerivedValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(algorithm, "algorithm");
        problems = List.copyOf(problems);
        missingItems = List.copyOf(missingItems.stream().distinct().toList());
        notes = List.copyOf(notes);
        if (value.isEmpty() == problems.isEmpty()) {
            throw new IllegalArgumentException(value.isEmpty() ? "an empty derived value needs a reason"
                    : "a computed value has notes, not problems");
        }
    }

    static DerivedValue of(StoredValue value, String algorithm) {
        return new DerivedValue(value, algorithm, List.of(), List.of(), List.of());
    }

    static DerivedValue of(StoredValue value, String algorithm, List<String> notes) {
        return new DerivedValue(value, algorithm, List.of(), List.of(), notes);
    }

    static DerivedValue empty(String algorithm, List<String> problems, List<String> missingItems) {
        return new DerivedValue(EMPTY, algorithm, problems, missingItems, List.of());
    }

    static DerivedValue empty(String algorithm, String problem) {
        return empty(algorithm, List.of(problem), List.of());
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** The value, or empty when it could not be computed. */
    public Optional<StoredValue> computed() {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The problems joined into one text, for a tooltip or a log line. */
    public String reason() {
        return String.join(" ", problems);
    }
}
