package org.tacecrf.domain.response;

/** Status of a non-target lesion (or organ group) at a follow-up (CDISC {@code TUMSTATE}). */
public enum NonTargetStatus {
    PRESENT, ABSENT, UNEQUIVOCAL_PROGRESSION, NOT_EVALUABLE
}
