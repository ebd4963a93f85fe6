package org.tacecrf.domain.clinical;

/**
 * Liver function as judged for BCLC 2022, which replaced strict Child-Pugh classes by this
 * clinical judgement (informed by Child-Pugh, ALBI and other factors).
 */
public enum LiverFunction {
    PRESERVED,
    END_STAGE
}
