package org.tacecrf.domain.response;

/**
 * Codes of the lesion rules checked at baseline ({@link SelectionRules}) and at follow-up
 * ({@link AssessmentChecks}), each with its severity. The code doubles as the message key for the
 * user interface.
 */
public enum ViolationCode {
    LESION_ID_MISSING(Severity.ERROR),
    DUPLICATE_LESION_ID(Severity.ERROR),
    NO_LESIONS(Severity.ERROR),
    NO_TARGET_LESIONS(Severity.WARNING),
    TOO_MANY_TARGETS(Severity.ERROR),
    TOO_MANY_TARGETS_IN_ORGAN(Severity.ERROR),
    TOO_MANY_INTRAHEPATIC_TARGETS(Severity.ERROR),
    TARGET_NOT_MEASURED(Severity.ERROR),
    TARGET_TOO_SMALL(Severity.ERROR),
    TARGET_RECORDED_TOO_SMALL_TO_MEASURE(Severity.ERROR),
    NODAL_TARGET_TOO_SMALL(Severity.ERROR),
    PORTA_HEPATIS_TARGET_TOO_SMALL(Severity.ERROR),
    PORTA_HEPATIS_NODE_NOT_MALIGNANT(Severity.WARNING),
    NORMAL_NODE_RECORDED(Severity.WARNING),
    TARGET_NOT_ENHANCING(Severity.ERROR),
    VIABLE_DIAMETER_MISSING(Severity.ERROR),
    VIABLE_EXCEEDS_LONGEST(Severity.ERROR),
    NON_MEASURABLE_AS_TARGET(Severity.ERROR),
    PREVIOUSLY_TREATED_TARGET(Severity.ERROR),
    MODALITY_NOT_FOR_MEASUREMENT(Severity.ERROR),
    NOT_ARTERIAL_PHASE(Severity.WARNING),
    NODES_FROM_SAME_STATION(Severity.WARNING),
    BASELINE_AFTER_TREATMENT(Severity.ERROR),
    BASELINE_TOO_EARLY(Severity.WARNING),
    ASSESSMENT_NOT_AFTER_BASELINE(Severity.ERROR),
    UNKNOWN_LESION_ID(Severity.ERROR),
    DUPLICATE_ENTRY(Severity.ERROR),
    TARGET_NOT_RECORDED(Severity.WARNING),
    NOT_ASSESSED_WITHOUT_REASON(Severity.WARNING),
    MEASUREMENT_MISSING(Severity.WARNING),
    NON_TARGET_NOT_RECORDED(Severity.WARNING),
    NEW_LESION_REUSES_BASELINE_ID(Severity.ERROR),
    NEW_LESION_SEEN_AFTER_SCAN(Severity.ERROR),
    MODALITY_CHANGED(Severity.WARNING);

    private final Severity severity;

    ViolationCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
