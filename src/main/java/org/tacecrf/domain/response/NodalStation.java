package org.tacecrf.domain.response;

/**
 * Lymph-node station. Porta hepatis nodes need a short axis of at least 20 mm to count as
 * malignant under mRECIST, because cirrhosis often enlarges them. Several nodal targets should come
 * from different stations (EORTC RECIST clarification).
 */
public enum NodalStation {
    PORTA_HEPATIS, HEPATIC_ARTERY, PERIPANCREATIC, CELIAC, PARACAVAL, PARA_AORTIC, RETROCRURAL,
    CARDIOPHRENIC, MEDIASTINAL, HILAR, SUPRACLAVICULAR, OTHER
}
