package org.tacecrf.domain.clinical;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tacecrf.domain.clinical.BclcParameters.NonCancerPs;
import org.tacecrf.domain.clinical.BclcParameters.Variant;

/**
 * System-suggested BCLC stage (Reig et al., J Hepatol 2022;76:681-693; clinical rules 2.4),
 * from the decision table evaluated top-down, first match wins:
 * <ol>
 *   <li>End-stage liver function (legacy: Child-Pugh C) or ECOG PS 3-4: <b>D</b>.</li>
 *   <li>Macrovascular invasion, extrahepatic spread, or cancer-related ECOG PS 1-2: <b>C</b>.</li>
 *   <li>PS 0 and a single nodule ≤ 20 mm (legacy: and Child-Pugh A): <b>0</b>.</li>
 *   <li>PS 0 and a single nodule of any size, or 2-3 nodules each ≤ 30 mm: <b>A</b>.</li>
 *   <li>PS 0 and multinodular disease beyond A: <b>B</b>.</li>
 * </ol>
 * Steps 2-5 apply to preserved liver function (legacy: Child-Pugh A-B), which is what remains
 * once step 1 does not match. Missing inputs are handled with three-valued logic: a step that is
 * decided whatever the missing value (e.g. ECOG PS 3 gives D without any tumour data) still
 * gives a stage, and the result lists the inputs that were not provided; a step that the missing
 * value could change stops the evaluation and the stage is not computed, naming what is needed.
 * <p>
 * "Each nodule ≤ 30 mm" is tested on the largest diameter. The largest diameter is the one
 * entered, or else the largest of the listed nodule sizes when sizes are listed for every nodule.
 * This stage is a suggestion to compare with the investigator's stage (see
 * {@link BclcStageComparison}); "preserved liver function" is partly clinical judgement.
 */
public final class Bclc {

    static final String VERSION = "1";

    private static final ValueRange NODULE_COUNT = ValueRange.of("1", "1000");
    private static final ValueRange DIAMETER_MM = ValueRange.of("1", "400");
    private static final BigDecimal VERY_EARLY_MAX_MM = BigDecimal.valueOf(20);
    private static final BigDecimal EARLY_MAX_MM = BigDecimal.valueOf(30);

    private Bclc() {
    }

    public static AlgorithmId algorithm(BclcParameters p) {
        String base = p.variant() == Variant.BCLC_2022
                ? "BCLC 2022 (Reig 2022)"
                : "BCLC legacy Child-Pugh table (pre-2022)";
        String ps = p.psNotCancerRelated() == NonCancerPs.STAGE_AS_PS_0
                ? "; PS 1-2 not cancer-related staged as PS 0"
                : "; PS 1-2 not cancer-related not staged";
        return new AlgorithmId(base + ps, VERSION);
    }

    public static Derivation<BclcResult> suggest(BclcInputs in, BclcParameters p) {
        AlgorithmId algorithm = algorithm(p);
        InputChecks checks = new InputChecks();
        Tumour tumour = readTumour(in, checks);
        if (in.ecogPs() != null && (in.ecogPs() < 0 || in.ecogPs() > 4)) {
            checks.add(InputProblem.invalid("ecogPs", in.ecogPs() == 5
                    ? "ECOG PS 5 means the patient has died; no stage applies."
                    : "ECOG PS must be 0-4 for staging."));
        }
        if (checks.hasProblems()) {
            return Derivation.notComputable(algorithm, checks.problems());
        }
        boolean legacy = p.variant() == Variant.LEGACY_CHILD_PUGH;
        String liverInput = legacy ? "childPughClass" : "liverFunction";
        Integer ps = in.ecogPs();

        Condition psKnown = ps == null ? Condition.unknown("ecogPs") : Condition.of(true);
        Condition ps34 = ps == null ? psKnown : Condition.of(ps >= 3);
        Condition ps12 = ps == null ? psKnown : Condition.of(ps == 1 || ps == 2);
        Condition ps0 = ps == null ? psKnown : Condition.of(ps == 0);
        Condition cancerRelated = Condition.of(in.psCancerRelated(), "psCancerRelated");
        Condition stageAsPs0 = p.psNotCancerRelated() == NonCancerPs.STAGE_AS_PS_0
                ? ps0.or(ps12.and(cancerRelated.not()))
                : ps0;

        Condition endStage = legacy
                ? (in.childPughClass() == null ? Condition.unknown(liverInput)
                        : Condition.of(in.childPughClass() == ChildPughClass.C))
                : (in.liverFunction() == null ? Condition.unknown(liverInput)
                        : Condition.of(in.liverFunction() == LiverFunction.END_STAGE));
        Condition childPughA = !legacy ? Condition.of(true)
                : in.childPughClass() == null ? Condition.unknown(liverInput)
                : Condition.of(in.childPughClass() == ChildPughClass.A);
        Condition mvi = Condition.of(in.macrovascularInvasion(), "macrovascularInvasion");
        Condition ehs = in.extrahepaticSpread() == null ? Condition.unknown("extrahepaticSpread")
                : Condition.of(in.extrahepaticSpread() != ExtrahepaticSpread.NONE);

        Condition single = tumour.count == null ? Condition.unknown("noduleCount") : Condition.of(tumour.count == 1);
        Condition twoOrThree = tumour.count == null ? Condition.unknown("noduleCount")
                : Condition.of(tumour.count == 2 || tumour.count == 3);
        Condition upTo20 = tumour.largest == null ? Condition.unknown("largestDiameterMm")
                : Condition.of(tumour.largest.compareTo(VERY_EARLY_MAX_MM) <= 0);
        Condition upTo30 = tumour.largest == null ? Condition.unknown("largestDiameterMm")
                : Condition.of(tumour.largest.compareTo(EARLY_MAX_MM) <= 0);
        Condition early = single.or(twoOrThree.and(upTo30));

        List<Step> steps = List.of(
                new Step(1, BclcStage.D, endStage.or(ps34), legacy
                        ? "Child-Pugh C or ECOG PS 3-4"
                        : "End-stage liver function or ECOG PS 3-4"),
                new Step(2, BclcStage.C, mvi.or(ehs).or(ps12.and(cancerRelated)), (legacy
                        ? "Child-Pugh A-B" : "Preserved liver function")
                        + " with macrovascular invasion, extrahepatic spread or cancer-related ECOG PS 1-2"),
                new Step(3, BclcStage.STAGE_0, childPughA.and(stageAsPs0).and(single).and(upTo20),
                        (legacy ? "Child-Pugh A, " : "") + "ECOG PS 0 and a single nodule of 20 mm or less"),
                new Step(4, BclcStage.A, stageAsPs0.and(early),
                        "ECOG PS 0 and a single nodule, or 2-3 nodules each 30 mm or less"),
                new Step(5, BclcStage.B, stageAsPs0.and(early.not()),
                        "ECOG PS 0 and multinodular disease beyond stage A"));

        for (Step step : steps) {
            switch (step.condition.value()) {
                case TRUE -> {
                    return Derivation.computed(algorithm,
                            new BclcResult(step.stage, step.number, step.rule, notProvided(in, legacy)));
                }
                case UNKNOWN -> {
                    List<InputProblem> problems = new ArrayList<>();
                    for (String input : step.condition.missing()) {
                        problems.add(InputProblem.missing(input, label(input) + " is needed to decide step "
                                + step.number + " (" + step.rule + ", stage " + step.stage.label() + ")."));
                    }
                    return Derivation.notComputable(algorithm, problems);
                }
                case FALSE -> {
                    // next step
                }
            }
        }
        return Derivation.notComputable(algorithm, InputProblem.notCovered("ecogPs",
                "ECOG PS 1-2 is not related to the cancer; the BCLC table gives no stage, so the investigator decides."));
    }

    private record Step(int number, BclcStage stage, Condition condition, String rule) {
    }

    private record Tumour(Integer count, BigDecimal largest) {
    }

    private static Tumour readTumour(BclcInputs in, InputChecks checks) {
        Integer count = in.noduleCount();
        if (count != null && !NODULE_COUNT.contains(BigDecimal.valueOf(count))) {
            checks.add(InputProblem.invalid("noduleCount", "Number of nodules must be at least 1 for BCLC staging."));
        }
        BigDecimal largest = in.largestDiameterMm();
        if (largest != null && !DIAMETER_MM.contains(largest)) {
            checks.add(InputProblem.invalid("largestDiameterMm", "Largest diameter " + largest.toPlainString()
                    + " mm is outside the accepted range " + DIAMETER_MM.describe() + " mm."));
        }
        List<BigDecimal> sizes = in.noduleDiametersMm();
        for (BigDecimal size : sizes) {
            if (!DIAMETER_MM.contains(size)) {
                checks.add(InputProblem.invalid("noduleDiametersMm", "Nodule diameter " + size.toPlainString()
                        + " mm is outside the accepted range " + DIAMETER_MM.describe() + " mm."));
            }
        }
        if (checks.hasProblems() || sizes.isEmpty()) {
            return new Tumour(count, largest);
        }
        BigDecimal maxListed = Collections.max(sizes);
        if (count != null && sizes.size() > count) {
            checks.add(InputProblem.inconsistent("noduleDiametersMm", sizes.size()
                    + " nodule sizes are listed but the number of nodules is " + count + "."));
        }
        if (largest != null && largest.compareTo(maxListed) < 0) {
            checks.add(InputProblem.inconsistent("largestDiameterMm", "Largest diameter " + largest.toPlainString()
                    + " mm is smaller than a listed nodule of " + maxListed.toPlainString() + " mm."));
        }
        boolean everyNoduleListed = count != null && sizes.size() == count;
        return new Tumour(count, largest != null ? largest : everyNoduleListed ? maxListed : null);
    }

    private static List<String> notProvided(BclcInputs in, boolean legacy) {
        List<String> missing = new ArrayList<>();
        if (in.noduleCount() == null) {
            missing.add("noduleCount");
        }
        if (in.largestDiameterMm() == null && in.noduleDiametersMm().isEmpty()) {
            missing.add("largestDiameterMm");
        }
        if (in.macrovascularInvasion() == null) {
            missing.add("macrovascularInvasion");
        }
        if (in.extrahepaticSpread() == null) {
            missing.add("extrahepaticSpread");
        }
        if (in.ecogPs() == null) {
            missing.add("ecogPs");
        }
        if (in.psCancerRelated() == null && in.ecogPs() != null && in.ecogPs() >= 1 && in.ecogPs() <= 2) {
            missing.add("psCancerRelated");
        }
        if (legacy ? in.childPughClass() == null : in.liverFunction() == null) {
            missing.add(legacy ? "childPughClass" : "liverFunction");
        }
        return missing;
    }

    private static String label(String input) {
        return switch (input) {
            case "noduleCount" -> "Number of nodules";
            case "largestDiameterMm" -> "Diameter of the largest nodule";
            case "macrovascularInvasion" -> "Macrovascular invasion";
            case "extrahepaticSpread" -> "Extrahepatic spread";
            case "ecogPs" -> "ECOG performance status";
            case "psCancerRelated" -> "Whether the impaired performance status is cancer-related";
            case "liverFunction" -> "Liver function (preserved or end-stage)";
            case "childPughClass" -> "Child-Pugh class";
            default -> input;
        };
    }
}
