package org.tacecrf.domain.study;

import java.util.Objects;

/**
 * Text in the edit-check language, kept verbatim with where it was written. The loader compiles and
 * validates it against the study (see {@code ExpressionValidator}) and reports errors at the file
 * position of the offending character ({@link TextPosition#locate}).
 */
public record Expression(String text, TextPosition position) {

    public Expression {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
        if (text.isBlank()) {
            throw new IllegalArgumentException("expression text must not be blank");
        }
    }

    /** A one-line text that starts at the location. */
    public Expression(String text, SourceLocation location) {
        this(text, TextPosition.at(location));
    }

    /** Where the value starts in its file. */
    public SourceLocation location() {
        return position.start();
    }

    /** The file position of a character of the text (line and column from 1 within the text). */
    public SourceLocation locate(int line, int column) {
        return position.locate(text, line, column);
    }
}
