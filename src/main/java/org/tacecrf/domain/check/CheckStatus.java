package org.tacecrf.domain.check;

/**
 * The outcome of an edit check. A check is an assertion that must be true: it fails only when its
 * expression is false. An empty result (a value it needs was not entered) means it cannot be
 * evaluated yet, and it does not fire; a separate "required" rule deals with missing data.
 */
public enum CheckStatus {
    /** The expression is true: the data meet the rule. */
    PASS,
    /** The expression is false: the data break the rule; raise a query (soft) or reject (hard). */
    FAIL,
    /** The expression is empty because a value it needs is empty; nothing to report. */
    NOT_EVALUABLE,
    /**
     * The expression could not be evaluated because of a definition problem (a value of the wrong
     * kind, an undefined parameter). Report to data management, never to the site as a query.
     */
    ERROR
}
