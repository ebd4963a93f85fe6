package org.tacecrf.domain.check;

/**
 * The kinds of value the edit-check language works with.
 * <p>
 * A study definition gives each item one of the five scalar kinds ({@link #NUMBER}, {@link #TEXT},
 * {@link #DATE}, {@link #BOOLEAN}, {@link #CODE}). {@link #LIST} and {@link #EMPTY} only occur at
 * run time: a list holds the values of a path with several instances (repeating visits, forms or
 * item groups, or a multiple-choice item), and empty stands for "no value entered".
 */
public enum ValueType {
    /** A decimal number (also integers). */
    NUMBER("a number"),
    /** Free text. */
    TEXT("text"),
    /** A calendar date without time. */
    DATE("a date"),
    /** true or false. */
    BOOLEAN("true/false"),
    /** The coded value of a choice item; compares with text, and with numbers when the code is numeric. */
    CODE("a choice code"),
    /** Several values, one per instance. */
    LIST("a list of values"),
    /** No value. */
    EMPTY("empty");

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    /** English noun phrase for messages, such as "a date". */
    public String description() {
        return description;
    }

    /** Whether items of a study definition may have this type. */
    public boolean isScalar() {
        return this != LIST && this != EMPTY;
    }
}
