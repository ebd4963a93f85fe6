package org.tacecrf.domain.response;

/** Biomarker response category from the percent change against baseline. */
public enum MarkerCategory {
    RESPONSE, STABLE, PROGRESSION,
    /** Baseline missing or 0, or no follow-up value: the percent change is undefined. */
    UNDEFINED
}
