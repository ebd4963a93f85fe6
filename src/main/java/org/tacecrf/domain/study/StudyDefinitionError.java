package org.tacecrf.domain.study;

import java.util.Objects;

/** One problem found in a study definition or library file, with where it is. */
public record StudyDefinitionError(ErrorKind kind, SourceLocation location, String message) {

    public StudyDefinitionError {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(location);
        Objects.requireNonNull(message);
    }

    /** "file:line:column: message". */
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
