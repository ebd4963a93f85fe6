package org.tacecrf.domain.response;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A lesion not present at baseline, recorded at the assessment where it is seen, with a permanent
 * ID (NEW01..) reused when it is seen again.
 * <p>
 * RECIST 1.1: a new lesion must be unequivocal; an equivocal one is followed and, if a later scan
 * confirms it, progression is dated back to the scan where it was first seen. A new node counts
 * only with a short axis of at least 10 mm. mRECIST adds: a new intrahepatic nodule counts when it
 * is at least 10 mm with the typical HCC vascular pattern (arterial hyperenhancement with washout);
 * an atypical nodule of at least 10 mm counts once it has grown by at least 10 mm; a new effusion
 * counts only with malignant cytology.
 *
 * @param id                     permanent ID, e.g. NEW01
 * @param location               where it is; lymph nodes are measured by short axis
 * @param sizeMm                 LD (SA for nodes), if measured
 * @param typicalVascularPattern mRECIST: arterial hyperenhancement with portal/delayed washout; null if not assessed
 * @param equivocal              the reader is not sure it is tumour
 * @param effusion               new or worsening ascites, pleural or pericardial effusion
 * @param cytologyMalignant      effusions: cytology result; null when not done
 * @param dateFirstSeen          scan date where first seen; null means this assessment
 */
public record NewLesion(
        String id,
        LesionLocation location,
        Double sizeMm,
        Boolean typicalVascularPattern,
        boolean equivocal,
        boolean effusion,
        Boolean cytologyMalignant,
        LocalDate dateFirstSeen) {

    public NewLesion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        if (sizeMm != null && (sizeMm.isNaN() || sizeMm < 0)) {
            throw new IllegalArgumentException(id + ": size must be 0 mm or more");
        }
    }

    /** An unequivocal solid lesion. */
    public static NewLesion unequivocal(String id, LesionLocation location, Double sizeMm) {
        return new NewLesion(id, location, sizeMm, null, false, false, null, null);
    }

    /** A new intrahepatic nodule with its vascular pattern (mRECIST). */
    public static NewLesion liverNodule(String id, LiverSegment segment, double sizeMm, boolean typicalPattern) {
        return new NewLesion(id, LesionLocation.liver(segment), sizeMm, typicalPattern, false, false, null, null);
    }

    /** A new or worsening effusion with its cytology result (null when not done). */
    public static NewLesion effusion(String id, LesionLocation location, Boolean cytologyMalignant) {
        return new NewLesion(id, location, null, null, false, true, cytologyMalignant, null);
    }

    /** The same lesion marked equivocal. */
    public NewLesion asEquivocal() {
        return new NewLesion(id, location, sizeMm, typicalVascularPattern, true, effusion, cytologyMalignant, dateFirstSeen);
    }

    /**
     * The same lesion confirmed at a later scan: no longer equivocal. Progression is dated back to
     * the first assessment that recorded it under the same ID.
     */
    public NewLesion confirmed() {
        return new NewLesion(id, location, sizeMm, typicalVascularPattern, false, effusion, cytologyMalignant, dateFirstSeen);
    }

    /**
     * The same lesion confirmed at a later scan, stating the date it was first seen (e.g. when the
     * earlier scan did not record it); progression is dated back to that date.
     */
    public NewLesion confirmed(LocalDate firstSeen) {
        return new NewLesion(id, location, sizeMm, typicalVascularPattern, false, effusion, cytologyMalignant,
                Objects.requireNonNull(firstSeen, "firstSeen"));
    }

    /** The same lesion with another measured size (e.g. when seen again). */
    public NewLesion withSize(double mm) {
        return new NewLesion(id, location, mm, typicalVascularPattern, equivocal, effusion, cytologyMalignant, dateFirstSeen);
    }
}
