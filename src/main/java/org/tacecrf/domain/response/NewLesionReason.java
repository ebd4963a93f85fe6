package org.tacecrf.domain.response;

/** Why a new lesion does or does not count towards progression; the code is also the message key. */
public enum NewLesionReason {
    UNEQUIVOCAL("Unequivocal new lesion."),
    TYPICAL_HCC_PATTERN("New intrahepatic nodule of at least 10 mm with the typical HCC vascular pattern."),
    GREW_10_MM("Atypical nodule that has grown by at least 10 mm since first seen."),
    MALIGNANT_CYTOLOGY("New or worsening effusion with malignant cytology."),
    FLAGGED_EQUIVOCAL("Marked equivocal by the reader; followed at the next scan."),
    SIZE_NOT_RECORDED("Size not recorded; cannot be judged."),
    BELOW_10_MM("Intrahepatic nodule under 10 mm; followed at the next scan."),
    ATYPICAL_AWAITING_GROWTH("Nodule without the typical HCC vascular pattern; counts once it grows by 10 mm."),
    NODE_BELOW_10_MM("New lymph node under 10 mm short axis is not pathological."),
    PORTA_HEPATIS_NODE_BELOW_THRESHOLD("Porta hepatis node under the mRECIST threshold for malignancy."),
    EFFUSION_WITHOUT_MALIGNANT_CYTOLOGY("New effusion without malignant cytology is not progression.");

    private final String message;

    NewLesionReason(String message) {
        this.message = message;
    }

    /** English default message. */
    public String message() {
        return message;
    }
}
