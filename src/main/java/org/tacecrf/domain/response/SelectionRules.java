package org.tacecrf.domain.response;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Baseline lesion-selection rules (clinical rules 1.1-1.2), checked for one set of criteria.
 * <ul>
 *   <li>At most {@code maxTargets} targets (5) and {@code maxTargetsPerOrgan} per organ (2), all
 *       lymph nodes counting as one organ; under mRECIST optionally at most
 *       {@code maxIntrahepaticTargets}.</li>
 *   <li>Non-nodal targets: LD at least 10 mm on CT/MRI (twice the slice thickness when slices are
 *       thicker than 5 mm), 10 mm by calliper, 20 mm on chest X-ray; ultrasound is not accepted.
 *       Nodal targets: SA at least 15 mm; under mRECIST porta hepatis nodes at least 20 mm.</li>
 *   <li>mRECIST non-nodal targets need intratumoural arterial enhancement and a viable diameter,
 *       measured in the arterial phase.</li>
 *   <li>Portal vein tumour thrombus and effusions are non-targets; previously treated lesions are
 *       targets only if they have progressed since treatment.</li>
 * </ul>
 * Violations are returned, not thrown, so the form can show them all at once.
 */
public final class SelectionRules {

    /** Size below which a node is normal and not disease (RECIST 1.1). */
    public static final double NORMAL_NODE_SHORT_AXIS_MM = 10.0;
    private static final double CHEST_XRAY_MIN_MM = 20.0;
    private static final double THIN_SLICE_MM = 5.0;

    private SelectionRules() {
    }

    /** Checks the baseline without a treatment start date (no timing check). */
    public static List<RuleViolation> validate(Criteria criteria, ResponseParameters parameters, Baseline baseline) {
        return validate(criteria, parameters, baseline, null);
    }

    /**
     * Checks the baseline lesions for the given criteria.
     *
     * @param treatmentStart first study treatment, for the baseline imaging window; may be null
     * @return violations in lesion order, empty when the selection is valid
     */
    public static List<RuleViolation> validate(Criteria criteria, ResponseParameters parameters, Baseline baseline,
                                               LocalDate treatmentStart) {
        List<RuleViolation> out = new ArrayList<>();
        checkTiming(parameters, baseline, treatmentStart, out);
        if (baseline.lesions().isEmpty()) {
            out.add(new RuleViolation(null, ViolationCode.NO_LESIONS, "No lesions are recorded at baseline."));
            return out;
        }
        checkIds(baseline, out);
        if (baseline.targets().isEmpty()) {
            out.add(new RuleViolation(null, ViolationCode.NO_TARGET_LESIONS,
                    "No target lesions: response will be assessed on non-target disease only."));
        }
        checkCounts(criteria, parameters, baseline, out);
        Set<NodalStation> nodalStations = new HashSet<>();
        for (BaselineLesion lesion : baseline.lesions()) {
            if (lesion.target()) {
                checkTarget(criteria, parameters, lesion, out);
                NodalStation station = lesion.location().nodalStation();
                if (lesion.lymphNode() && station != null && station != NodalStation.OTHER
                        && !nodalStations.add(station)) {
                    out.add(new RuleViolation(lesion.id(), ViolationCode.NODES_FROM_SAME_STATION,
                            lesion.id() + " is a second nodal target at the same station; pick nodes from different chains."));
                }
            } else {
                checkNonTarget(criteria, parameters, lesion, out);
            }
            checkViableNotAboveLongest(lesion.id(), lesion.longestDiameter(), lesion.viableDiameter(), out);
        }
        return out;
    }

    private static void checkTiming(ResponseParameters p, Baseline baseline, LocalDate treatmentStart,
                                    List<RuleViolation> out) {
        if (treatmentStart == null || baseline.date() == null) {
            return;
        }
        long daysBefore = ChronoUnit.DAYS.between(baseline.date(), treatmentStart);
        if (daysBefore < 0) {
            out.add(new RuleViolation(null, ViolationCode.BASELINE_AFTER_TREATMENT,
                    "The baseline scan is dated after the start of treatment."));
        } else if (daysBefore > p.baselineMaxDaysBeforeTreatment()) {
            out.add(new RuleViolation(null, ViolationCode.BASELINE_TOO_EARLY, "The baseline scan is " + daysBefore
                    + " days before treatment; at most " + p.baselineMaxDaysBeforeTreatment() + " are allowed."));
        }
    }

    private static void checkIds(Baseline baseline, List<RuleViolation> out) {
        Set<String> seen = new HashSet<>();
        for (BaselineLesion lesion : baseline.lesions()) {
            if (lesion.id() == null || lesion.id().isBlank()) {
                out.add(new RuleViolation(null, ViolationCode.LESION_ID_MISSING, "A lesion has no lesion ID."));
            } else if (!seen.add(lesion.id())) {
                out.add(new RuleViolation(lesion.id(), ViolationCode.DUPLICATE_LESION_ID,
                        "Lesion ID " + lesion.id() + " is used more than once."));
            }
        }
    }

    private static void checkCounts(Criteria criteria, ResponseParameters p, Baseline baseline, List<RuleViolation> out) {
        List<BaselineLesion> targets = baseline.targets();
        Map<String, Integer> perOrgan = new HashMap<>();
        int intrahepatic = 0;
        for (int i = 0; i < targets.size(); i++) {
            BaselineLesion t = targets.get(i);
            if (i >= p.maxTargets()) {
                out.add(new RuleViolation(t.id(), ViolationCode.TOO_MANY_TARGETS, t.id() + " is target number "
                        + (i + 1) + "; at most " + p.maxTargets() + " target lesions are allowed."));
            }
            int inOrgan = perOrgan.merge(t.location().organKey(), 1, Integer::sum);
            if (inOrgan > p.maxTargetsPerOrgan()) {
                String organ = t.lymphNode() ? "the lymph nodes (one organ)" : organName(t.location());
                out.add(new RuleViolation(t.id(), ViolationCode.TOO_MANY_TARGETS_IN_ORGAN, t.id() + " is target number "
                        + inOrgan + " in " + organ + "; at most " + p.maxTargetsPerOrgan() + " per organ are allowed."));
            }
            if (t.location().intrahepatic()) {
                intrahepatic++;
                if (criteria == Criteria.MRECIST && p.maxIntrahepaticTargets() != null
                        && intrahepatic > p.maxIntrahepaticTargets()) {
                    out.add(new RuleViolation(t.id(), ViolationCode.TOO_MANY_INTRAHEPATIC_TARGETS, t.id()
                            + " is intrahepatic target number " + intrahepatic + "; the protocol allows at most "
                            + p.maxIntrahepaticTargets() + "."));
                }
            }
        }
    }

    private static String organName(LesionLocation location) {
        if (location.organ() == Organ.OTHER && location.detail() != null) {
            return location.detail().trim();
        }
        return "the " + location.organ().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static void checkTarget(Criteria criteria, ResponseParameters p, BaselineLesion t, List<RuleViolation> out) {
        String id = t.id();
        if (t.portalVeinTumourThrombus() || t.effusion()) {
            out.add(new RuleViolation(id, ViolationCode.NON_MEASURABLE_AS_TARGET, id + " is "
                    + (t.portalVeinTumourThrombus() ? "portal vein tumour thrombus" : "an effusion")
                    + ", which is non-measurable and can only be a non-target lesion."));
            return;
        }
        if (t.previouslyTreated() && !t.progressedSinceTreatment()) {
            out.add(new RuleViolation(id, ViolationCode.PREVIOUSLY_TREATED_TARGET, id
                    + " was treated before and has not progressed since; it cannot be a target lesion."));
        }
        if (t.modality() != null && !t.modality().acceptedForMeasurement()) {
            out.add(new RuleViolation(id, ViolationCode.MODALITY_NOT_FOR_MEASUREMENT, id
                    + " is measured by ultrasound, which cannot be used for target measurements."));
        }
        if (t.lymphNode()) {
            checkNodalTarget(criteria, p, t, out);
            return;
        }
        Diameter ld = t.longestDiameter();
        if (ld == null) {
            out.add(new RuleViolation(id, ViolationCode.TARGET_NOT_MEASURED, id + " has no longest diameter."));
        } else if (ld.tooSmallToMeasure()) {
            out.add(new RuleViolation(id, ViolationCode.TARGET_RECORDED_TOO_SMALL_TO_MEASURE, id
                    + " is recorded as too small to measure; a target lesion must be measurable."));
        } else {
            double min = minimumLongestDiameter(p, t);
            if (ld.mm() < min) {
                out.add(new RuleViolation(id, ViolationCode.TARGET_TOO_SMALL, id + " has a longest diameter of "
                        + mm(ld.mm()) + "; at least " + mm(min) + " is required."));
            }
        }
        if (criteria == Criteria.MRECIST) {
            if (!t.arterialEnhancement()) {
                out.add(new RuleViolation(id, ViolationCode.TARGET_NOT_ENHANCING, id
                        + " shows no arterial enhancement; under mRECIST it can only be a non-target lesion."));
            }
            if (t.viableDiameter() == null) {
                out.add(new RuleViolation(id, ViolationCode.VIABLE_DIAMETER_MISSING, id
                        + " has no viable (arterially enhancing) diameter."));
            }
            if (t.phase() != null && t.phase() != ContrastPhase.ARTERIAL) {
                out.add(new RuleViolation(id, ViolationCode.NOT_ARTERIAL_PHASE, id
                        + " was not measured in the arterial phase, which mRECIST requires."));
            }
        }
    }

    private static void checkNodalTarget(Criteria criteria, ResponseParameters p, BaselineLesion t,
                                         List<RuleViolation> out) {
        String id = t.id();
        Diameter sa = t.shortAxis();
        if (sa == null) {
            out.add(new RuleViolation(id, ViolationCode.TARGET_NOT_MEASURED, id + " is a lymph node without a short axis."));
            return;
        }
        if (sa.tooSmallToMeasure()) {
            out.add(new RuleViolation(id, ViolationCode.TARGET_RECORDED_TOO_SMALL_TO_MEASURE, id
                    + " is recorded as too small to measure; a target lesion must be measurable."));
            return;
        }
        if (sa.mm() < p.minNodalShortAxisMm()) {
            out.add(new RuleViolation(id, ViolationCode.NODAL_TARGET_TOO_SMALL, id + " is a lymph node with a short axis of "
                    + mm(sa.mm()) + "; a nodal target needs at least " + mm(p.minNodalShortAxisMm()) + "."));
        } else if (criteria == Criteria.MRECIST && t.location().portaHepatisNode()
                && sa.mm() < p.minPortaHepatisNodeMm()) {
            out.add(new RuleViolation(id, ViolationCode.PORTA_HEPATIS_TARGET_TOO_SMALL, id
                    + " is a porta hepatis node with a short axis of " + mm(sa.mm()) + "; under mRECIST it needs at least "
                    + mm(p.minPortaHepatisNodeMm()) + " to count as malignant."));
        }
    }

    private static void checkNonTarget(Criteria criteria, ResponseParameters p, BaselineLesion l, List<RuleViolation> out) {
        if (!l.lymphNode() || l.shortAxis() == null || l.shortAxis().tooSmallToMeasure()) {
            return;
        }
        double sa = l.shortAxis().mm();
        if (sa < NORMAL_NODE_SHORT_AXIS_MM) {
            out.add(new RuleViolation(l.id(), ViolationCode.NORMAL_NODE_RECORDED, l.id() + " is a lymph node with a short axis of "
                    + mm(sa) + "; nodes under " + mm(NORMAL_NODE_SHORT_AXIS_MM) + " are normal and not recorded as disease."));
        } else if (criteria == Criteria.MRECIST && l.location().portaHepatisNode() && sa < p.minPortaHepatisNodeMm()) {
            out.add(new RuleViolation(l.id(), ViolationCode.PORTA_HEPATIS_NODE_NOT_MALIGNANT, l.id()
                    + " is a porta hepatis node under " + mm(p.minPortaHepatisNodeMm())
                    + "; under mRECIST it does not count as malignant."));
        }
    }

    /** Smallest LD a non-nodal target may have, given its modality and slice thickness. */
    static double minimumLongestDiameter(ResponseParameters p, BaselineLesion t) {
        Modality modality = t.modality() == null ? Modality.CT : t.modality();
        return switch (modality) {
            case CHEST_XRAY -> Math.max(CHEST_XRAY_MIN_MM, p.minNonNodalDiameterMm());
            case CLINICAL_EXAMINATION, ULTRASOUND -> p.minNonNodalDiameterMm();
            case CT, MRI, PET_CT -> {
                Double slice = t.sliceThicknessMm();
                yield slice != null && slice > THIN_SLICE_MM
                        ? Math.max(p.minNonNodalDiameterMm(), 2 * slice)
                        : p.minNonNodalDiameterMm();
            }
        };
    }

    static void checkViableNotAboveLongest(String id, Diameter longest, Diameter viable, List<RuleViolation> out) {
        if (longest != null && viable != null && !longest.tooSmallToMeasure() && !viable.tooSmallToMeasure()
                && viable.mm() > longest.mm()) {
            out.add(new RuleViolation(id, ViolationCode.VIABLE_EXCEEDS_LONGEST, id + " has a viable diameter ("
                    + mm(viable.mm()) + ") larger than its longest diameter (" + mm(longest.mm()) + ")."));
        }
    }

    static String mm(double value) {
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + " mm";
    }
}
