package org.tacecrf.domain.response;

/** New-lesion assessment at a time point (CDISC {@code NEWLPROG} is Y only for {@link #PRESENT}). */
public enum NewLesionStatus {
    NONE, EQUIVOCAL, PRESENT
}
