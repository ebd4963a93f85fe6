package org.tacecrf.infrastructure.persistence;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.TypedQuery;

import org.tacecrf.domain.integrity.SignatureScope;
import org.tacecrf.domain.integrity.SignatureStatus;
import org.tacecrf.model.casebook.FormState;

/**
 * What still keeps a casebook from being frozen, as the lock-readiness report counts it and as the
 * subject list filters it, written once so that the list a count links to adds up to the count:
 * <ul>
 * <li>{@link #INCOMPLETE_FORMS}: forms not marked complete (in progress);</li>
 * <li>{@link #UNSIGNED_FORMS}: complete forms that no valid investigator signature covers, neither
 * the form's own nor its visit's nor its casebook's;</li>
 * <li>{@link #UNLOCKED}: casebooks not locked.</li>
 * </ul>
 * The conditions are JPQL over a form aliased {@code f} and a subject aliased {@code s}.
 */
public enum PendingWork {

    INCOMPLETE_FORMS("f.state <> :complete"),
    UNSIGNED_FORMS("f.state = :complete and not exists (select g.id from Signature g where g.status = :valid and ("
            + " (g.scope = :formScope and g.formRef = f.id) or (g.scope = :visitScope and g.visitRef = f.visitRef)"
            + " or (g.scope = :subjectScope and g.subjectId = f.subjectId)))"),
    UNLOCKED(null);

    private final String formCondition;

    PendingWork(String formCondition) {
        this.formCondition = formCondition;
    }

    /** Whether it counts forms (then a subject is pending while one of its forms meets {@link #formCondition()}). */
    public boolean countsForms() {
        return formCondition != null;
    }

    /** The condition on form {@code f}; only for the kinds that count forms. */
    public String formCondition() {
        if (formCondition == null) {
            throw new IllegalStateException(name() + " counts casebooks, not forms");
        }
        return formCondition;
    }

    /** The condition on subject {@code s}: not locked, or having at least one pending form. */
    public String subjectCondition() {
        return countsForms() ? "exists (select f.id from FormData f where f.subjectId = s.id and " + formCondition + ")" : "s.locked = false";
    }

    /** The parameters its condition uses, and no others (which a query would refuse). */
    public Map<String, Object> parameters() {
        return switch (this) {
            case INCOMPLETE_FORMS -> Map.of("complete", FormState.COMPLETE);
            case UNSIGNED_FORMS -> Map.of("complete", FormState.COMPLETE, "valid", SignatureStatus.VALID,
                    "formScope", SignatureScope.FORM, "visitScope", SignatureScope.VISIT, "subjectScope", SignatureScope.SUBJECT);
            case UNLOCKED -> Map.of();
        };
    }

    /** Binds {@link #parameters()} to a query holding its condition. */
    public <T> TypedQuery<T> bind(TypedQuery<T> query) {
        parameters().forEach(query::setParameter);
        return query;
    }

    /**
     * The kind named by a request parameter (any case, surrounding blanks ignored); empty when the
     * parameter is absent or blank.
     *
     * @throws IllegalArgumentException when it names no kind
     */
    public static Optional<PendingWork> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
    }
}
