package org.tacecrf.domain.study;

import java.util.Objects;

/**
 * A study-specific edit check. The expression is kept as text with its source line; the edit-check
 * language compiles it.
 *
 * @param severity HARD checks block saving; SOFT checks raise a query the user may answer
 * @param scope    what one evaluation covers
 * @param formId   the form the check is attached to (required for ITEM and FORM scope), or null
 * @param itemId   the item a failure is reported on (required for ITEM scope), or null
 * @param visitId  the visit the check is attached to (required for VISIT scope), or null
 */
public record EditCheckDef(String id, LocalizedText message, Severity severity, Scope scope, String formId,
                           String itemId, String visitId, Expression expression, SourceLocation location) {

    public enum Severity {
        HARD,
        SOFT
    }

    public enum Scope {
        ITEM,
        FORM,
        VISIT,
        SUBJECT
    }

    public EditCheckDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(expression, "expression");
    }
}
