package org.tacecrf.domain.stats;

/**
 * Kaplan–Meier survival at a chosen (landmark) time.
 *
 * @param time               the requested time
 * @param survival           S(time); {@code NaN} beyond the last observed time
 * @param standardError      Greenwood standard error of S
 * @param confidenceInterval pointwise interval of the stated type
 * @param ciType             transformation of the interval
 * @param atRisk             subjects still at risk at the time (time >= requested time)
 */
public record SurvivalEstimate(double time, double survival, double standardError,
                               ConfidenceInterval confidenceInterval, SurvivalCiType ciType, int atRisk) {
}
