package org.tacecrf.domain.stats;

/**
 * A condition that makes part of a Cox model unreliable, reported with the model instead of a
 * misleading number.
 *
 * @param kind    what happened
 * @param column  the design column concerned, or {@code null} for the whole model
 * @param message plain English explanation for the report
 */
public record CoxWarning(Kind kind, String column, String message) {

    /** Kinds of warning, usable as message keys. */
    public enum Kind {
        /**
         * The log-likelihood converged while the coefficient was still moving (monotone likelihood,
         * e.g. no events in one category): the estimate may be infinite. R: "Loglik converged before
         * variable ...; coefficient may be infinite".
         */
        INFINITE_COEFFICIENT,
        /** Newton–Raphson did not converge within the iteration limit. */
        NOT_CONVERGED,
        /** The column is a linear combination of other columns (or constant) and was left out. */
        COLLINEAR,
        /** There are no events, so nothing can be estimated. */
        NO_EVENTS
    }
}
