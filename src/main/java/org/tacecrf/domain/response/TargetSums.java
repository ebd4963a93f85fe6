package org.tacecrf.domain.response;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Target-lesion numbers at one time point (clinical rules 1.4), in mm and percent, for display.
 * <ul>
 *   <li>{@code SoD(t) = Σ m_i(t)}: sum of the values counted for each target (nodes by short axis,
 *       mRECIST by viable diameter). When some targets were not assessed the sum covers the
 *       measured ones and {@link #complete()} is false.</li>
 *   <li>{@code Nadir(t) = min{SoD(0), ..., SoD(t-1)}} over complete sums, baseline included.</li>
 *   <li>{@code PCHG_BL = 100 × (SoD(t) − SoD(0)) / SoD(0)};
 *       {@code PCHG_NAD = 100 × (SoD(t) − Nadir) / Nadir}, +∞ when the nadir is 0 and the sum is
 *       above 0; {@code ACHG_NAD = SoD(t) − Nadir}.</li>
 * </ul>
 * Thresholds are compared on the exact recorded values, never on these rounded-for-display
 * doubles.
 *
 * @param lesionValuesMm       value counted per assessed target, by lesion ID, in baseline order
 * @param notAssessedLesionIds targets without a usable value
 * @param sumMm                SoD(t); null when there are no targets
 * @param baselineSumMm        SoD(0); null when the baseline is incomplete
 * @param nadirMm              smallest complete sum before this time point
 * @param pctChangeFromBaseline percent change from baseline
 * @param pctChangeFromNadir    percent change from nadir (may be +∞)
 * @param absChangeFromNadirMm  absolute change from nadir in mm
 */
public record TargetSums(
        Map<String, Double> lesionValuesMm,
        List<String> notAssessedLesionIds,
        Double sumMm,
        Double baselineSumMm,
        Double nadirMm,
        Double pctChangeFromBaseline,
        Double pctChangeFromNadir,
        Double absChangeFromNadirMm) {

    public TargetSums {
        lesionValuesMm = Collections.unmodifiableMap(new LinkedHashMap<>(lesionValuesMm));
        notAssessedLesionIds = List.copyOf(notAssessedLesionIds);
    }

    /** No target lesions at baseline. */
    public static TargetSums none() {
        return new TargetSums(Map.of(), List.of(), null, null, null, null, null, null);
    }

    /** True when every target was assessed. */
    public boolean complete() {
        return notAssessedLesionIds.isEmpty();
    }
}
