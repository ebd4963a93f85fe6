package org.tacecrf.domain.response;

import java.util.Objects;

/**
 * A target lesion's measurement at a follow-up assessment (CDISC {@code TR}).
 * <p>
 * Record 0 when the lesion has gone, "too small to measure" (counts as 5 mm) when present but too
 * small, and the fragments' total when a lesion splits. A lesion that was not assessed has
 * {@code notAssessedReason} set and no values; the time point may then become NE.
 *
 * @param lesionId          baseline lesion ID
 * @param longestDiameter   LD (non-nodal targets)
 * @param shortAxis         SA (nodal targets)
 * @param viableDiameter    longest viable diameter (mRECIST); 0 when no enhancing tissue is left
 * @param notAssessedReason reason the lesion was not assessed ("not done"); null when assessed
 */
public record TargetMeasurement(
        String lesionId,
        Diameter longestDiameter,
        Diameter shortAxis,
        Diameter viableDiameter,
        String notAssessedReason) {

    public TargetMeasurement {
        Objects.requireNonNull(lesionId, "lesionId");
        if (notAssessedReason != null && (longestDiameter != null || shortAxis != null || viableDiameter != null)) {
            throw new IllegalArgumentException(lesionId + ": a lesion not assessed has no measurements");
        }
    }

    /** A non-nodal target with its LD and viable LD. */
    public static TargetMeasurement of(String lesionId, Diameter longest, Diameter viable) {
        return new TargetMeasurement(lesionId, longest, null, viable, null);
    }

    /** A non-nodal target with its LD and viable LD in mm. */
    public static TargetMeasurement of(String lesionId, double longestMm, double viableMm) {
        return of(lesionId, Diameter.of(longestMm), Diameter.of(viableMm));
    }

    /** A nodal target by its short axis in mm. */
    public static TargetMeasurement node(String lesionId, double shortAxisMm) {
        return new TargetMeasurement(lesionId, null, Diameter.of(shortAxisMm), null, null);
    }

    /** A lesion that has disappeared: every diameter 0 (a node's short axis too). */
    public static TargetMeasurement gone(String lesionId) {
        return new TargetMeasurement(lesionId, Diameter.ZERO, Diameter.ZERO, Diameter.ZERO, null);
    }

    /** A lesion that could not be assessed, with the reason. */
    public static TargetMeasurement notAssessed(String lesionId, String reason) {
        return new TargetMeasurement(lesionId, null, null, null,
                Objects.requireNonNull(reason, "reason"));
    }

    public boolean assessed() {
        return notAssessedReason == null;
    }
}
