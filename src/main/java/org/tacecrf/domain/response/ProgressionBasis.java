package org.tacecrf.domain.response;

/** What made a time point PD; several may apply at once. */
public enum ProgressionBasis {
    /** Sum of target diameters rose enough over the nadir. */
    TARGET_SUM,
    /** A target lesion reappeared after overall complete response. */
    TARGET_REAPPEARANCE,
    /** Unequivocal progression of non-target disease, or its reappearance after overall CR. */
    NON_TARGET,
    /** An unequivocal new lesion. */
    NEW_LESION
}
