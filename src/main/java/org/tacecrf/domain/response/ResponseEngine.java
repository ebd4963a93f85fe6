package org.tacecrf.domain.response;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes time-point responses from lesion data, for RECIST 1.1 and mRECIST side by side
 * (clinical rules 1.3-1.8).
 * <p>
 * A subject's assessments are evaluated in date order because each time point depends on the
 * earlier ones: the nadir is the smallest complete sum so far (baseline included); a lesion back
 * after an overall CR (the last evaluable overall response) is PD; a new lesion confirmed later is
 * dated back to its first sighting. Target, non-target and new-lesion results are combined with
 * {@link OverallResponseTable}.
 * <p>
 * Lesion records that do not match a baseline lesion are ignored here; {@link AssessmentChecks}
 * reports them.
 */
public final class ResponseEngine {

    private ResponseEngine() {
    }

    /**
     * Response at {@code current}, given the subject's earlier assessments.
     *
     * @param history earlier assessments in any order; those not dated before {@code current} are ignored
     */
    public static TimePointResponse evaluate(Criteria criteria, ResponseParameters parameters, Baseline baseline,
                                             List<Assessment> history, Assessment current) {
        List<Assessment> course = new ArrayList<>();
        for (Assessment a : history) {
            if (a.date().isBefore(current.date())) {
                course.add(a);
            }
        }
        course.add(current);
        List<TimePointResponse> all = evaluateAll(criteria, parameters, baseline, course);
        return all.get(all.size() - 1);
    }

    /** RECIST 1.1 and mRECIST responses at {@code current}, from the same lesion data. */
    public static Map<Criteria, TimePointResponse> evaluateBoth(ResponseParameters parameters, Baseline baseline,
                                                               List<Assessment> history, Assessment current) {
        Map<Criteria, TimePointResponse> out = new EnumMap<>(Criteria.class);
        for (Criteria criteria : Criteria.values()) {
            out.put(criteria, evaluate(criteria, parameters, baseline, history, current));
        }
        return out;
    }

    /** Responses at every assessment of a subject, in date order. */
    public static List<TimePointResponse> evaluateAll(Criteria criteria, ResponseParameters parameters,
                                                      Baseline baseline, List<Assessment> assessments) {
        List<Assessment> ordered = new ArrayList<>(assessments);
        ordered.sort(Comparator.comparing(Assessment::date));

        List<BaselineLesion> targets = baseline.targets();
        List<BaselineLesion> nonTargets = baseline.nonTargets();
        BigDecimal baselineSum = TargetRules.baselineSum(criteria, targets);
        BigDecimal nadir = baselineSum;
        boolean overallCrBefore = false;

        List<TimePointResponse> out = new ArrayList<>();
        List<Assessment> earlier = new ArrayList<>();
        for (Assessment a : ordered) {
            TargetRules.Result target = TargetRules.evaluate(criteria, parameters, targets, a, baselineSum, nadir,
                    overallCrBefore);
            Response nonTarget = NonTargetRules.evaluate(criteria, parameters, nonTargets, a, overallCrBefore);
            NewLesionAssessment newLesions = NewLesionRules.evaluate(criteria, parameters, earlier, a);
            Response overall = OverallResponseTable.overall(target.response(), nonTarget, newLesions.progression());

            Set<ProgressionBasis> basis = EnumSet.noneOf(ProgressionBasis.class);
            LocalDate progressionDate = null;
            if (overall == Response.PD) {
                basis.addAll(target.basis());
                if (nonTarget == Response.PD) {
                    basis.add(ProgressionBasis.NON_TARGET);
                }
                if (target.response() == Response.PD || nonTarget == Response.PD) {
                    progressionDate = a.date();
                }
                if (newLesions.progression()) {
                    basis.add(ProgressionBasis.NEW_LESION);
                    LocalDate firstSeen = newLesions.earliestFirstSeen().orElse(a.date());
                    progressionDate = progressionDate == null || firstSeen.isBefore(progressionDate)
                            ? firstSeen : progressionDate;
                }
            }
            out.add(new TimePointResponse(criteria, a.date(), target.sums(), target.response(), nonTarget,
                    newLesions, overall, progressionDate, basis));

            if (target.completeSum() != null) {
                nadir = nadir.min(target.completeSum());
            }
            if (overall != Response.NE) {
                overallCrBefore = overall == Response.CR;
            }
            earlier.add(a);
        }
        return out;
    }
}
