package org.tacecrf.domain.check;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating an expression against a {@link ReferenceSchema}.
 *
 * @param problems   everything found, in text order; empty when the expression is fine
 * @param resultType the kind of value the expression gives, when it can be known
 *                   (for a calculated item, compare it with the item's type)
 * @param several    whether the expression gives several values
 */
public record Validation(List<Problem> problems, Optional<ValueType> resultType, boolean several) {

    public Validation {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }
}
