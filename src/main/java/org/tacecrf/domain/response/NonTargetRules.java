package org.tacecrf.domain.response;

import java.util.List;

/**
 * Non-target response at one time point (clinical rules 1.6).
 * <ul>
 *   <li>PD: unequivocal progression of a non-target lesion; under mRECIST (and under RECIST when
 *       the study says so) growing effusions count only with malignant cytology. A lesion present
 *       again after an overall CR at the previous time point is also PD (EORTC clarification).</li>
 *   <li>NE: some non-targets not evaluated and none progressing.</li>
 *   <li>CR: every non-target gone, nodes under 10 mm short axis (porta hepatis nodes under the
 *       mRECIST threshold); under mRECIST a lesion without intratumoural arterial enhancement counts
 *       as gone; under RECIST 1.1 tumour markers normal when the study requires it.</li>
 *   <li>Non-CR/Non-PD otherwise.</li>
 * </ul>
 */
final class NonTargetRules {

    private enum State { GONE, PRESENT, PROGRESSION, NOT_EVALUATED }

    private NonTargetRules() {
    }

    static Response evaluate(Criteria criteria, ResponseParameters p, List<BaselineLesion> nonTargets,
                             Assessment assessment, boolean overallCrBefore) {
        if (nonTargets.isEmpty()) {
            return Response.NA;
        }
        boolean progression = false;
        boolean notEvaluated = false;
        boolean allGone = true;
        for (BaselineLesion lesion : nonTargets) {
            State state = state(criteria, p, lesion, assessment.nonTarget(lesion.id()).orElse(null));
            if (state == State.PRESENT && overallCrBefore) {
                state = State.PROGRESSION;
            }
            progression |= state == State.PROGRESSION;
            notEvaluated |= state == State.NOT_EVALUATED;
            allGone &= state == State.GONE;
        }
        if (progression) {
            return Response.PD;
        }
        if (notEvaluated) {
            return Response.NE;
        }
        if (!allGone) {
            return Response.NON_CR_NON_PD;
        }
        if (criteria == Criteria.RECIST_1_1 && p.markersRequiredForNonTargetCr()) {
            Boolean normal = assessment.tumourMarkersNormal();
            if (normal == null) {
                return Response.NE;
            }
            return normal ? Response.CR : Response.NON_CR_NON_PD;
        }
        return Response.CR;
    }

    private static State state(Criteria criteria, ResponseParameters p, BaselineLesion lesion, NonTargetObservation obs) {
        if (obs == null) {
            return State.NOT_EVALUATED;
        }
        return switch (obs.status()) {
            case NOT_EVALUABLE -> State.NOT_EVALUATED;
            case ABSENT -> State.GONE;
            case UNEQUIVOCAL_PROGRESSION -> lesion.effusion() && effusionNeedsCytology(criteria, p)
                    && !Boolean.TRUE.equals(obs.cytologyMalignant()) ? State.PRESENT : State.PROGRESSION;
            case PRESENT -> presentState(criteria, p, lesion, obs);
        };
    }

    private static State presentState(Criteria criteria, ResponseParameters p, BaselineLesion lesion,
                                      NonTargetObservation obs) {
        if (lesion.lymphNode()) {
            Double sa = obs.shortAxisMm();
            return sa != null && sa < LesionMeasures.normalNodeThresholdMm(criteria, p, lesion.location())
                    ? State.GONE : State.PRESENT;
        }
        if (criteria == Criteria.MRECIST && !lesion.effusion()) {
            // mRECIST judges non-targets by arterial enhancement; without it the lesion cannot be judged.
            if (obs.arterialEnhancement() == null) {
                return State.NOT_EVALUATED;
            }
            return obs.arterialEnhancement() ? State.PRESENT : State.GONE;
        }
        return State.PRESENT;
    }

    static boolean effusionNeedsCytology(Criteria criteria, ResponseParameters p) {
        return criteria == Criteria.MRECIST || p.recistEffusionRequiresCytology();
    }
}
