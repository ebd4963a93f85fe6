package org.tacecrf.domain.response;

/**
 * Organ (site) of a lesion. All lymph nodes together are one organ for the per-organ target limit
 * (RECIST 1.1). {@link #OTHER} is told apart by the free-text detail of its
 * {@link LesionLocation}.
 */
public enum Organ {
    LIVER, LYMPH_NODE, LUNG, PLEURA, PERITONEUM, ADRENAL_GLAND, BONE, BRAIN, KIDNEY, SPLEEN, OTHER
}
