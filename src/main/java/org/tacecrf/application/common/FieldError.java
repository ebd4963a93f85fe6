package org.tacecrf.application.common;

import java.util.List;

/**
 * A problem with one input: {@code field} is the path of the input as the caller named it (a form
 * item, a REST field path, an import column), {@code messageKey} names the text in the resource
 * bundle and {@code arguments} fill its placeholders.
 */
public record FieldError(String field, String messageKey, List<Object> arguments) {

    public FieldError {
        arguments = List.copyOf(arguments);
    }

    public static FieldError of(String field, String messageKey, Object... arguments) {
        return new FieldError(field, messageKey, List.of(arguments));
    }
}
