package org.tacecrf.domain.study;

import java.util.Objects;

/** A form collected at a visit (ODM {@code FormRef}), mandatory unless marked optional. */
public record VisitForm(String formId, boolean mandatory, SourceLocation location) {

    public VisitForm {
        Objects.requireNonNull(formId, "formId");
    }
}
