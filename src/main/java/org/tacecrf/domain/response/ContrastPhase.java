package org.tacecrf.domain.response;

/** Contrast phase of a CT or MRI measurement. mRECIST measures viable tumour in the arterial phase. */
public enum ContrastPhase {
    UNENHANCED, ARTERIAL, PORTAL_VENOUS, DELAYED, NOT_APPLICABLE
}
