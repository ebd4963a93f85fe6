package org.tacecrf.domain.study;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when study definitions (or the form library) are invalid; carries every error found, not
 * only the first, so that a data manager can fix a file in one pass. The application refuses to
 * start on it.
 */
public class StudyDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<StudyDefinitionError> errors;

    public StudyDefinitionException(List<StudyDefinitionError> errors) {
        super(format(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an exception needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    private static String format(List<StudyDefinitionError> errors) {
        return errors.size() + (errors.size() == 1 ? " error" : " errors") + " in study definitions:\n"
                + errors.stream().map(StudyDefinitionError::toString).collect(Collectors.joining("\n"));
    }

    public List<StudyDefinitionError> errors() {
        return errors;
    }
}
