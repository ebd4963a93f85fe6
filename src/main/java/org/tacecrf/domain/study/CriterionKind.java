package org.tacecrf.domain.study;

/** Whether an eligibility criterion must be met (inclusion) or must not be met (exclusion). */
public enum CriterionKind {
    INCLUSION,
    EXCLUSION
}
