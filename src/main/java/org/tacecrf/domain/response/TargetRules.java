package org.tacecrf.domain.response;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Target-lesion response at one time point (clinical rules 1.4-1.5), tested in the order PD, CR,
 * PR, SD.
 * <ul>
 *   <li>PD: {@code SoD − Nadir ≥ 20 % of Nadir} and {@code SoD − Nadir ≥} the absolute floor (5 mm
 *       RECIST 1.1; study parameter for mRECIST). With a nadir of 0 the percentage is +∞ and the
 *       floor decides. A target back after an overall CR is PD too. The measured targets can show
 *       PD even when others were not assessed, since missing lesions can only add to the sum.</li>
 *   <li>NE: some targets not assessed (and no PD from the measured ones).</li>
 *   <li>CR: every non-nodal target at 0 (no viable tumour under mRECIST), every nodal target under
 *       10 mm short axis, so under RECIST 1.1 the sum may be above 0 at CR.</li>
 *   <li>PR: {@code SoD − SoD(0) ≤ −30 % of SoD(0)}. SD otherwise.</li>
 * </ul>
 * Comparisons use exact decimal arithmetic on the recorded values; nothing is rounded first.
 */
final class TargetRules {

    /** Result with the complete sum (null when incomplete) that feeds the nadir of later time points. */
    record Result(TargetSums sums, Response response, Set<ProgressionBasis> basis, BigDecimal completeSum) {
    }

    private TargetRules() {
    }

    /** SoD(0), or null when a target lacks the value these criteria need. */
    static BigDecimal baselineSum(Criteria criteria, List<BaselineLesion> targets) {
        if (targets.isEmpty()) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BaselineLesion t : targets) {
            Diameter d = LesionMeasures.counted(criteria, t);
            if (d == null) {
                return null;
            }
            sum = sum.add(d.exact());
        }
        return sum;
    }

    /**
     * @param baselineSum     SoD(0); null when the baseline is incomplete
     * @param nadir           smallest complete sum so far (baseline included); null when unknown
     * @param overallCrBefore the last evaluable overall response was CR
     */
    static Result evaluate(Criteria criteria, ResponseParameters p, List<BaselineLesion> targets, Assessment a,
                           BigDecimal baselineSum, BigDecimal nadir, boolean overallCrBefore) {
        if (targets.isEmpty()) {
            return new Result(TargetSums.none(), Response.NA, Set.of(), null);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        boolean allGone = true;
        boolean reappeared = false;
        for (BaselineLesion t : targets) {
            Diameter d = LesionMeasures.counted(criteria, t, a.target(t.id()).orElse(null));
            if (d == null) {
                missing.add(t.id());
                continue;
            }
            values.put(t.id(), d.mm());
            sum = sum.add(d.exact());
            boolean gone = LesionMeasures.gone(criteria, p, t, d);
            allGone &= gone;
            reappeared |= overallCrBefore && !gone;
        }
        boolean complete = missing.isEmpty();

        BigDecimal floor = BigDecimal.valueOf(criteria.pdAbsoluteMinMm(p));
        boolean sumPd = nadir != null && progressionBySum(sum, nadir, floor);
        Set<ProgressionBasis> basis = EnumSet.noneOf(ProgressionBasis.class);
        if (sumPd) {
            basis.add(ProgressionBasis.TARGET_SUM);
        }
        if (reappeared) {
            basis.add(ProgressionBasis.TARGET_REAPPEARANCE);
        }

        Response response;
        if (!basis.isEmpty()) {
            response = Response.PD;
        } else if (!complete || baselineSum == null) {
            response = Response.NE;
        } else if (allGone) {
            response = Response.CR;
        } else if (PercentChange.fallenBy(sum, baselineSum, Criteria.PR_DECREASE_PCT)) {
            response = Response.PR;
        } else {
            response = Response.SD;
        }

        TargetSums sums = new TargetSums(values, missing, sum.doubleValue(),
                baselineSum == null ? null : baselineSum.doubleValue(),
                nadir == null ? null : nadir.doubleValue(),
                PercentChange.of(sum, baselineSum),
                PercentChange.of(sum, nadir),
                nadir == null ? null : sum.subtract(nadir).doubleValue());
        return new Result(sums, response, basis, complete && baselineSum != null ? sum : null);
    }

    private static boolean progressionBySum(BigDecimal sum, BigDecimal nadir, BigDecimal floor) {
        BigDecimal rise = sum.subtract(nadir);
        if (nadir.signum() == 0) {
            // Percentage undefined (+∞) once anything is measured: the absolute floor decides.
            return sum.signum() > 0 && rise.compareTo(floor) >= 0;
        }
        return PercentChange.risenBy(sum, nadir, Criteria.PD_INCREASE_PCT) && rise.compareTo(floor) >= 0;
    }
}
