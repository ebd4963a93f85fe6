package org.tacecrf.domain.study;

import java.util.Objects;

/**
 * Text in the edit-check language, kept verbatim with where it was written. The study definition
 * does not interpret it; the edit-check compiler does and reports errors against {@link #location()}.
 */
public record Expression(String text, SourceLocation location) {

    public Expression {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(location, "location");
        if (text.isBlank()) {
            throw new IllegalArgumentException("expression text must not be blank");
        }
    }
}
