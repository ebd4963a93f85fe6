package org.tacecrf.domain.study;

import java.util.Objects;

import org.tacecrf.domain.check.CheckScope;
import org.tacecrf.domain.check.CheckSeverity;

/**
 * An edit check of the built-in library or of a study: a condition in the edit-check language that
 * the data must meet (or a {@link BuiltInRule}), with the message shown when they do not. The texts
 * are kept with their file positions; the loader validates them against the study, and the check
 * runner compiles them.
 *
 * @param id                   unique among the study's checks (built-in ids included)
 * @param kind                 whether a failure raises a query or records a protocol deviation
 * @param severity             HARD failures block completing the form; SOFT failures raise a query the
 *                             site answers (a deviation is always SOFT)
 * @param scope                what one evaluation covers and which paths are relative to what
 * @param rule                 a built-in rule evaluated by the program, or null for an expression
 * @param formId               the form the check runs in and reports on (required for ITEM and FORM
 *                             scope), or null
 * @param itemId               the item the message is shown on (required for ITEM scope), or null
 * @param visitId              the visit the check is limited to (required for VISIT scope of an
 *                             expression), or null for every visit collecting the form
 * @param expression           the condition that must hold, or null for a built-in rule
 * @param message              the query or deviation text, English with optional Chinese
 * @param messageSource        the English message as written, with its position (placeholders are
 *                             validated like expressions)
 * @param chineseMessageSource the Chinese message as written, or null
 * @param origin               LIBRARY for built-in checks, STUDY for the study's own
 * @param location             where the check is defined
 */
public record EditCheckDef(String id, Kind kind, CheckSeverity severity, CheckScope scope, BuiltInRule rule,
                           String formId, String itemId, String visitId, Expression expression, LocalizedText message,
                           Expression messageSource, Expression chineseMessageSource, Origin origin,
                           SourceLocation location) {

    /** What a failure is. */
    public enum Kind {
        /** A data query for the site to answer or correct. */
        QUERY,
        /** A protocol deviation to record and handle; it never blocks data entry. */
        DEVIATION
    }

    public EditCheckDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(messageSource, "messageSource");
        Objects.requireNonNull(origin, "origin");
        if ((rule == null) == (expression == null)) {
            throw new IllegalArgumentException("check " + id + ": either an expression or a built-in rule");
        }
        if ((scope == CheckScope.ITEM || scope == CheckScope.FORM) && formId == null) {
            throw new IllegalArgumentException("check " + id + ": item and form checks name their form");
        }
        if (scope == CheckScope.ITEM && itemId == null) {
            throw new IllegalArgumentException("check " + id + ": an item check names its item");
        }
        if (itemId != null && formId == null) {
            throw new IllegalArgumentException("check " + id + ": an item needs its form");
        }
        if (scope == CheckScope.VISIT && rule == null && visitId == null) {
            throw new IllegalArgumentException("check " + id + ": a visit check names its visit");
        }
        if (kind == Kind.DEVIATION && severity == CheckSeverity.HARD) {
            throw new IllegalArgumentException("check " + id + ": a deviation never blocks data entry");
        }
    }

    /** Whether the check comes from the built-in library. */
    public boolean builtIn() {
        return origin == Origin.LIBRARY;
    }

    /** A copy with another severity, as a study may set for a built-in check. */
    public EditCheckDef withSeverity(CheckSeverity newSeverity) {
        return new EditCheckDef(id, kind, newSeverity, scope, rule, formId, itemId, visitId, expression, message,
                messageSource, chineseMessageSource, origin, location);
    }
}
