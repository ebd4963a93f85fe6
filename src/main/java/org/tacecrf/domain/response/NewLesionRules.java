package org.tacecrf.domain.response;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.tacecrf.domain.response.NewLesionVerdict.Outcome;

/**
 * Judges new lesions (clinical rules 1.7).
 * <p>
 * RECIST 1.1: an unequivocal new lesion is PD; an equivocal one is not, and when a later scan
 * confirms it PD is dated back to the scan where it was first seen; a new node counts only with a
 * short axis of at least 10 mm. mRECIST, intrahepatic nodules: at least 10 mm with the typical
 * vascular pattern counts; an atypical nodule of at least 10 mm counts once it has grown by at
 * least 10 mm since it was first seen (dated back to then); smaller or unassessed nodules are
 * equivocal. Effusions count only with malignant cytology (mRECIST; RECIST by study parameter).
 */
final class NewLesionRules {

    private static final double NODULE_MIN_MM = 10.0;
    private static final double NODULE_GROWTH_MM = 10.0;

    private NewLesionRules() {
    }

    /**
     * @param earlier assessments before {@code current}, in date order
     */
    static NewLesionAssessment evaluate(Criteria criteria, ResponseParameters p, List<Assessment> earlier,
                                        Assessment current) {
        List<NewLesionVerdict> verdicts = new ArrayList<>();
        for (NewLesion lesion : current.newLesions()) {
            verdicts.add(judge(criteria, p, earlier, current.date(), lesion));
        }
        return NewLesionAssessment.of(verdicts);
    }

    private static NewLesionVerdict judge(Criteria criteria, ResponseParameters p, List<Assessment> earlier,
                                          LocalDate scanDate, NewLesion lesion) {
        // Earlier sightings give the size it was first seen at, and the date PD is dated back to.
        Double firstSize = null;
        LocalDate firstSeen = null;
        for (Assessment a : earlier) {
            NewLesion seen = a.newLesion(lesion.id()).orElse(null);
            if (seen == null) {
                continue;
            }
            Outcome then = classify(criteria, p, seen, firstSize).outcome();
            if (firstSize == null) {
                firstSize = seen.sizeMm();
            }
            if (firstSeen == null && then != Outcome.NOT_COUNTED) {
                firstSeen = a.date();
            }
        }
        if (firstSeen == null) {
            firstSeen = scanDate;
        }
        if (lesion.dateFirstSeen() != null && lesion.dateFirstSeen().isBefore(firstSeen)) {
            firstSeen = lesion.dateFirstSeen();
        }
        NewLesionVerdict verdict = classify(criteria, p, lesion, firstSize);
        return new NewLesionVerdict(lesion.id(), verdict.outcome(), verdict.reason(), firstSeen);
    }

    /** Outcome and reason for one sighting; {@code firstSize} is the size when first seen, if earlier. */
    private static NewLesionVerdict classify(Criteria criteria, ResponseParameters p, NewLesion lesion, Double firstSize) {
        Double size = lesion.sizeMm();
        if (lesion.effusion()) {
            if (NonTargetRules.effusionNeedsCytology(criteria, p)) {
                return Boolean.TRUE.equals(lesion.cytologyMalignant())
                        ? verdict(lesion, Outcome.COUNTS, NewLesionReason.MALIGNANT_CYTOLOGY)
                        : verdict(lesion, Outcome.NOT_COUNTED, NewLesionReason.EFFUSION_WITHOUT_MALIGNANT_CYTOLOGY);
            }
            return byReader(lesion);
        }
        if (lesion.location().lymphNode()) {
            if (size == null) {
                return verdict(lesion, Outcome.EQUIVOCAL, NewLesionReason.SIZE_NOT_RECORDED);
            }
            if (size < SelectionRules.NORMAL_NODE_SHORT_AXIS_MM) {
                return verdict(lesion, Outcome.NOT_COUNTED, NewLesionReason.NODE_BELOW_10_MM);
            }
            if (criteria == Criteria.MRECIST && lesion.location().portaHepatisNode() && size < p.minPortaHepatisNodeMm()) {
                return verdict(lesion, Outcome.NOT_COUNTED, NewLesionReason.PORTA_HEPATIS_NODE_BELOW_THRESHOLD);
            }
            return byReader(lesion);
        }
        if (criteria == Criteria.MRECIST && lesion.location().intrahepatic()) {
            // Growth is an objective confirmation, so it overrides the reader's earlier doubt.
            if (size != null && firstSize != null && size >= NODULE_MIN_MM && size - firstSize >= NODULE_GROWTH_MM) {
                return verdict(lesion, Outcome.COUNTS, NewLesionReason.GREW_10_MM);
            }
            if (lesion.equivocal()) {
                return verdict(lesion, Outcome.EQUIVOCAL, NewLesionReason.FLAGGED_EQUIVOCAL);
            }
            if (size == null) {
                return verdict(lesion, Outcome.EQUIVOCAL, NewLesionReason.SIZE_NOT_RECORDED);
            }
            if (size < NODULE_MIN_MM) {
                return verdict(lesion, Outcome.EQUIVOCAL, NewLesionReason.BELOW_10_MM);
            }
            return Boolean.TRUE.equals(lesion.typicalVascularPattern())
                    ? verdict(lesion, Outcome.COUNTS, NewLesionReason.TYPICAL_HCC_PATTERN)
                    : verdict(lesion, Outcome.EQUIVOCAL, NewLesionReason.ATYPICAL_AWAITING_GROWTH);
        }
        return byReader(lesion);
    }

    private static NewLesionVerdict byReader(NewLesion lesion) {
        return lesion.equivocal()
                ? verdict(lesion, Outcome.EQUIVOCAL, NewLesionReason.FLAGGED_EQUIVOCAL)
                : verdict(lesion, Outcome.COUNTS, NewLesionReason.UNEQUIVOCAL);
    }

    private static NewLesionVerdict verdict(NewLesion lesion, Outcome outcome, NewLesionReason reason) {
        return new NewLesionVerdict(lesion.id(), outcome, reason, null);
    }
}
