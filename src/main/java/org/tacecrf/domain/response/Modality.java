package org.tacecrf.domain.response;

/** Imaging or examination technique a lesion was measured with. */
public enum Modality {
    CT, MRI, PET_CT, CHEST_XRAY, ULTRASOUND, CLINICAL_EXAMINATION;

    /** RECIST 1.1 does not accept ultrasound measurements for response. */
    public boolean acceptedForMeasurement() {
        return this != ULTRASOUND;
    }
}
