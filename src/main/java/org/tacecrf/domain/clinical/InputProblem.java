package org.tacecrf.domain.clinical;

import java.util.Objects;

/**
 * Why an input prevented a derivation. {@code input} is a stable key (e.g. {@code "albumin"},
 * {@code "item21"}) that the form layer can map to a field; {@code kind} plus {@code input} can key a
 * translated message, and {@code message} is the English default.
 *
 * @param input   stable key of the input concerned
 * @param kind    what is wrong with it
 * @param message short English sentence for the user
 */
public record InputProblem(String input, Kind kind, String message) {

    /** Category of problem, usable as part of a message key. */
    public enum Kind {
        /** The value is needed and was not given. */
        MISSING,
        /** The value was given but cannot be used (impossible value, unit not accepted, out of range). */
        INVALID,
        /** Several given values contradict each other. */
        INCONSISTENT,
        /** The inputs are valid but the algorithm defines no result for this combination. */
        NOT_COVERED
    }

    public InputProblem {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public static InputProblem missing(String input, String message) {
        return new InputProblem(input, Kind.MISSING, message);
    }

    public static InputProblem invalid(String input, String message) {
        return new InputProblem(input, Kind.INVALID, message);
    }

    public static InputProblem inconsistent(String input, String message) {
        return new InputProblem(input, Kind.INCONSISTENT, message);
    }

    public static InputProblem notCovered(String input, String message) {
        return new InputProblem(input, Kind.NOT_COVERED, message);
    }
}
