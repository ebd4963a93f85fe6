package org.tacecrf.domain.study;

/** What a visit (ODM {@code StudyEventDef}) is for. */
public enum VisitType {
    SCREENING,
    BASELINE,
    /** A TACE session; repeating, one occurrence per procedure. */
    TREATMENT,
    /** Another protocol procedure that is not a TACE session, e.g. 125I seed implantation. */
    PROCEDURE,
    FOLLOW_UP,
    SURVIVAL_CONTACT,
    END_OF_STUDY,
    /** Event-independent logs (adverse events, other treatments); ODM {@code Type="Common"}. */
    LOG,
    UNSCHEDULED;

    /** ODM {@code StudyEventDef/@Type}. */
    public String odmType() {
        return switch (this) {
            case LOG -> "Common";
            case UNSCHEDULED -> "Unscheduled";
            default -> "Scheduled";
        };
    }
}
