package org.tacecrf.domain.response;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Consistency checks on one follow-up assessment against the baseline: every record belongs to a
 * baseline lesion, no lesion is entered twice, each target has the values both criteria need,
 * new lesions do not reuse baseline IDs, and the technique matches baseline (RECIST 1.1 asks for
 * the same modality and technique at every assessment).
 */
public final class AssessmentChecks {

    private AssessmentChecks() {
    }

    public static List<RuleViolation> validate(Baseline baseline, Assessment a) {
        List<RuleViolation> out = new ArrayList<>();
        if (baseline.date() != null && !a.date().isAfter(baseline.date())) {
            out.add(new RuleViolation(null, ViolationCode.ASSESSMENT_NOT_AFTER_BASELINE,
                    "The assessment is not dated after the baseline scan."));
        }
        checkTargets(baseline, a, out);
        checkNonTargets(baseline, a, out);
        checkNewLesions(baseline, a, out);
        return out;
    }

    private static void checkTargets(Baseline baseline, Assessment a, List<RuleViolation> out) {
        Set<String> seen = new HashSet<>();
        for (TargetMeasurement m : a.targets()) {
            String id = m.lesionId();
            BaselineLesion lesion = baseline.lesion(id).orElse(null);
            if (lesion == null || !lesion.target()) {
                out.add(new RuleViolation(id, ViolationCode.UNKNOWN_LESION_ID, id + " is not a baseline target lesion."));
                continue;
            }
            if (!seen.add(id)) {
                out.add(new RuleViolation(id, ViolationCode.DUPLICATE_ENTRY, id + " is entered more than once."));
                continue;
            }
            if (!m.assessed()) {
                if (m.notAssessedReason().isBlank()) {
                    out.add(new RuleViolation(id, ViolationCode.NOT_ASSESSED_WITHOUT_REASON,
                            id + " is marked not assessed without a reason."));
                }
                continue;
            }
            for (Criteria criteria : Criteria.values()) {
                if (LesionMeasures.counted(criteria, lesion, m) == null) {
                    String what = lesion.lymphNode() ? "short axis"
                            : criteria == Criteria.MRECIST ? "viable diameter" : "longest diameter";
                    out.add(new RuleViolation(id, ViolationCode.MEASUREMENT_MISSING, id + " has no " + what
                            + "; " + criteria.displayName() + " will be not evaluable."));
                }
            }
            SelectionRules.checkViableNotAboveLongest(id, m.longestDiameter(), m.viableDiameter(), out);
            if (lesion.modality() != null && a.modality() != null && lesion.modality() != a.modality()) {
                out.add(new RuleViolation(id, ViolationCode.MODALITY_CHANGED, id + " was measured by "
                        + lesion.modality() + " at baseline and by " + a.modality() + " now; use the same technique."));
            }
        }
        for (BaselineLesion t : baseline.targets()) {
            if (!seen.contains(t.id())) {
                out.add(new RuleViolation(t.id(), ViolationCode.TARGET_NOT_RECORDED, "Target " + t.id()
                        + " has no entry; the time point will be not evaluable unless the others show progression."));
            }
        }
    }

    private static void checkNonTargets(Baseline baseline, Assessment a, List<RuleViolation> out) {
        Set<String> seen = new HashSet<>();
        for (NonTargetObservation o : a.nonTargets()) {
            String id = o.lesionId();
            BaselineLesion lesion = baseline.lesion(id).orElse(null);
            if (lesion == null || lesion.target()) {
                out.add(new RuleViolation(id, ViolationCode.UNKNOWN_LESION_ID, id + " is not a baseline non-target lesion."));
            } else if (!seen.add(id)) {
                out.add(new RuleViolation(id, ViolationCode.DUPLICATE_ENTRY, id + " is entered more than once."));
            }
        }
        for (BaselineLesion nt : baseline.nonTargets()) {
            if (!seen.contains(nt.id())) {
                out.add(new RuleViolation(nt.id(), ViolationCode.NON_TARGET_NOT_RECORDED, "Non-target " + nt.id()
                        + " has no entry; non-target response will be not evaluable."));
            }
        }
    }

    private static void checkNewLesions(Baseline baseline, Assessment a, List<RuleViolation> out) {
        Set<String> seen = new HashSet<>();
        for (NewLesion n : a.newLesions()) {
            if (baseline.lesion(n.id()).isPresent()) {
                out.add(new RuleViolation(n.id(), ViolationCode.NEW_LESION_REUSES_BASELINE_ID, n.id()
                        + " is a baseline lesion ID; give the new lesion its own ID."));
            }
            if (!seen.add(n.id())) {
                out.add(new RuleViolation(n.id(), ViolationCode.DUPLICATE_ENTRY, n.id() + " is entered more than once."));
            }
            if (n.dateFirstSeen() != null && n.dateFirstSeen().isAfter(a.date())) {
                out.add(new RuleViolation(n.id(), ViolationCode.NEW_LESION_SEEN_AFTER_SCAN, n.id()
                        + " is dated as first seen after this scan."));
            }
        }
    }
}
