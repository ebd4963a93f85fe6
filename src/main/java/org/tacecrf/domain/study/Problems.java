package org.tacecrf.domain.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects errors while loading so that all of them are reported together. */
final class Problems {

    private final List<StudyDefinitionError> errors = new ArrayList<>();

    void add(ErrorKind kind, SourceLocation location, String message) {
        errors.add(new StudyDefinitionError(kind, location, message));
    }

    int size() {
        return errors.size();
    }

    /** Throws when any error was collected, listing them by file and line. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            List<StudyDefinitionError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparing((StudyDefinitionError e) -> e.location().file())
                    .thenComparingInt(e -> e.location().line())
                    .thenComparingInt(e -> e.location().column()));
            throw new StudyDefinitionException(sorted);
        }
    }
}
