package org.tacecrf.domain.response;

/**
 * Overall response from target, non-target and new-lesion findings (RECIST 1.1 tables 1 and 2,
 * applied to mRECIST as well; clinical rules 1.8).
 * <p>
 * With target disease: PD when targets, non-targets or a new lesion show progression; otherwise
 * NE when targets are not evaluable; CR when targets and non-targets (if any) are CR; PR when
 * targets are CR but non-targets are Non-CR/Non-PD or not all evaluated, or targets are PR; SD when
 * targets are SD. With non-target disease only: CR, Non-CR/Non-PD or NE after the non-target
 * response. An equivocal new lesion does not count.
 */
public final class OverallResponseTable {

    private OverallResponseTable() {
    }

    /**
     * @param target      target response; NA when there were no target lesions
     * @param nonTarget   non-target response; NA when there were no non-target lesions
     * @param newLesion   an unequivocal new lesion was found
     */
    public static Response overall(Response target, Response nonTarget, boolean newLesion) {
        if (target == Response.PD || nonTarget == Response.PD || newLesion) {
            return Response.PD;
        }
        if (target == Response.NA) {
            return switch (nonTarget) {
                case CR -> Response.CR;
                case NON_CR_NON_PD -> Response.NON_CR_NON_PD;
                // No baseline disease at all, or non-targets not evaluated.
                default -> Response.NE;
            };
        }
        return switch (target) {
            case CR -> nonTarget == Response.CR || nonTarget == Response.NA ? Response.CR : Response.PR;
            case PR -> Response.PR;
            case SD -> Response.SD;
            default -> Response.NE;
        };
    }
}
