package org.tacecrf.domain.clinical;

/** Extrahepatic spread of the tumour, as recorded for BCLC staging. */
public enum ExtrahepaticSpread {
    NONE,
    /** Lymph-node metastases only. */
    NODAL,
    /** Distant metastases. */
    DISTANT
}
