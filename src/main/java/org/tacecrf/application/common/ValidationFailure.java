package org.tacecrf.application.common;

import java.util.List;

import jakarta.ejb.ApplicationException;

/**
 * Input the service refused, with every problem found (not just the first). Rolls back, so
 * nothing is half-saved; the interface shows each error where it was entered.
 */
@ApplicationException(rollback = true)
public class ValidationFailure extends RuntimeException {

    private final List<FieldError> errors;

    public ValidationFailure(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + ": " + errors.get(0).messageKey());
        this.errors = List.copyOf(errors);
    }

    public ValidationFailure(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
