package org.tacecrf.domain.response;

/**
 * Thresholds for biomarker response and progression, as percent change from baseline. Seed study
 * 004 pre-specified, after EASL: response at a decline of at least 50 %, progression at a rise of
 * at least 100 % (doubling), stable in between.
 *
 * @param responseDeclinePct    decline (positive number) from baseline that is a response
 * @param progressionRisePct    rise from baseline that is progression
 */
public record MarkerThresholds(double responseDeclinePct, double progressionRisePct) {

    public MarkerThresholds {
        if (!(responseDeclinePct > 0 && responseDeclinePct <= 100) || !(progressionRisePct > 0)) {
            throw new IllegalArgumentException("Decline must be in (0, 100] % and rise above 0 %");
        }
    }

    /** 50 % decline, 100 % rise. */
    public static MarkerThresholds defaults() {
        return new MarkerThresholds(50.0, 100.0);
    }
}
