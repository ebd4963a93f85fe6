package org.tacecrf.model.casebook;

/** The data-entry state of a form; SDV, signatures, queries and locks are tracked beside it. */
public enum FormState {
    IN_PROGRESS, COMPLETE
}
