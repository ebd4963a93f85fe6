package org.tacecrf.domain.clinical;

/**
 * Result of checking a value against an analyte's hard range (physiologically impossible beyond
 * it, so the value is rejected) and soft range (possible but unusual, so the form asks for
 * confirmation).
 */
public enum Plausibility {
    PLAUSIBLE,
    /** Inside the hard range but outside the soft range: confirm with the source document. */
    UNUSUAL,
    /** Outside the hard range: almost certainly an entry or unit error; not accepted. */
    IMPOSSIBLE
}
