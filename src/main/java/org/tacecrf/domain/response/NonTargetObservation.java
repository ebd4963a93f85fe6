package org.tacecrf.domain.response;

import java.util.Objects;

/**
 * A non-target lesion's status at a follow-up.
 *
 * @param lesionId            baseline lesion ID
 * @param status              present, absent, unequivocal progression or not evaluable
 * @param arterialEnhancement mRECIST: intratumoural arterial enhancement still seen; null if not recorded
 * @param shortAxisMm         for nodes, the short axis when measured; a node below 10 mm is normal
 * @param cytologyMalignant   for effusions, cytology result; null when not done
 */
public record NonTargetObservation(
        String lesionId,
        NonTargetStatus status,
        Boolean arterialEnhancement,
        Double shortAxisMm,
        Boolean cytologyMalignant) {

    public NonTargetObservation {
        Objects.requireNonNull(lesionId, "lesionId");
        Objects.requireNonNull(status, "status");
    }

    public static NonTargetObservation of(String lesionId, NonTargetStatus status) {
        return new NonTargetObservation(lesionId, status, null, null, null);
    }

    /** Present, with the mRECIST enhancement finding. */
    public static NonTargetObservation present(String lesionId, boolean arterialEnhancement) {
        return new NonTargetObservation(lesionId, NonTargetStatus.PRESENT, arterialEnhancement, null, null);
    }
}
