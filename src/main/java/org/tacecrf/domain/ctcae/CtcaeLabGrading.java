package org.tacecrf.domain.ctcae;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tacecrf.domain.clinical.AlgorithmId;
import org.tacecrf.domain.clinical.Analyte;
import org.tacecrf.domain.clinical.BoundaryBasis;
import org.tacecrf.domain.clinical.Derivation;
import org.tacecrf.domain.clinical.InputChecks;
import org.tacecrf.domain.clinical.InputProblem;
import org.tacecrf.domain.clinical.LabUnit;
import org.tacecrf.domain.clinical.Measurement;
import org.tacecrf.domain.clinical.PublishedCutoff;
import org.tacecrf.domain.ctcae.GradeThreshold.Comparison;
import org.tacecrf.domain.ctcae.LabGradingParameters.MissingBaseline;
import org.tacecrf.domain.ctcae.LabGradingParameters.UnknownAnticoagulation;

/**
 * CTCAE v5.0 grade of a laboratory value (clinical rules 3.2; machine-readable criteria as in the
 * pharmaverse admiral NCI-CTCAEv5 metadata).
 * <p>
 * <b>Increases graded against ULN or baseline</b> (ALT, AST, blood bilirubin, ALP, GGT). The
 * baseline is abnormal when it was above the ULN that applied to it. With a normal baseline the
 * value is graded by multiples r of ULN, with an abnormal baseline by multiples q of baseline:
 * <pre>
 *               normal baseline (r = value/ULN)       abnormal baseline (q = value/baseline)
 * ALT, AST      r&gt;1 → 1, r&gt;3 → 2, r&gt;5 → 3, r&gt;20 → 4   q≥1.5 → 1, q&gt;3 → 2, q&gt;5 → 3, q&gt;20 → 4
 * bilirubin     r&gt;1 → 1, r&gt;1.5 → 2, r&gt;3 → 3, r&gt;10 → 4  q&gt;1 → 1, q&gt;1.5 → 2, q&gt;3 → 3, q&gt;10 → 4
 * ALP, GGT      r&gt;1 → 1, r&gt;2.5 → 2, r&gt;5 → 3, r&gt;20 → 4  q≥2 → 1, q&gt;2.5 → 2, q&gt;5 → 3, q&gt;20 → 4
 * </pre>
 * So with an abnormal baseline an ALT above ULN but below 1.5 × baseline is grade 0, which keeps
 * chronic transaminase elevation in cirrhosis from being reported as toxicity.
 * <p>
 * <b>Creatinine</b>: the higher of the ULN grade (&gt;1 → 1, &gt;1.5 → 2, &gt;3 → 3, &gt;6 → 4) and the
 * baseline grade (&gt;1.5 × baseline → 2, &gt;3 × baseline → 3). The baseline is not needed when
 * the ULN grade is already 3 or 4.
 * <p>
 * <b>INR</b>: not anticoagulated &gt;1.2 → 1, &gt;1.5 → 2, &gt;2.5 → 3; anticoagulated &gt;1 × baseline
 * → 1, &gt;1.5 × → 2, &gt;2.5 × → 3.
 * <p>
 * <b>Decreases</b> (WBC, neutrophils, platelets, haemoglobin, albumin): grades 2 and above by the
 * absolute cut-offs whatever the LLN; grade 1 if below the LLN. Haemoglobin and albumin stop at
 * grade 3 here: grades 4-5 (life-threatening, death) are clinical judgements.
 * <p>
 * Comparisons are exact decimal comparisons of the value with limit × factor, so a value of
 * exactly 3.0 × ULN is grade 1 and anything above it grade 2. The value and its limits may be
 * entered in different accepted units; multiples are formed in the unit of the value.
 */
public final class CtcaeLabGrading {

    static final String VERSION = "1";

    private record Band(int grade, BigDecimal factor, boolean inclusive) {
    }

    private static Band above(int grade, String factor) {
        return new Band(grade, new BigDecimal(factor), false);
    }

    private static Band atOrAbove(int grade, String factor) {
        return new Band(grade, new BigDecimal(factor), true);
    }

    private record BaselineRule(List<Band> onUln, List<Band> onBaseline) {
    }

    private static final BaselineRule TRANSAMINASE = new BaselineRule(
            List.of(above(1, "1.0"), above(2, "3.0"), above(3, "5.0"), above(4, "20.0")),
            List.of(atOrAbove(1, "1.5"), above(2, "3.0"), above(3, "5.0"), above(4, "20.0")));
    private static final BaselineRule BILIRUBIN = new BaselineRule(
            List.of(above(1, "1.0"), above(2, "1.5"), above(3, "3.0"), above(4, "10.0")),
            List.of(above(1, "1.0"), above(2, "1.5"), above(3, "3.0"), above(4, "10.0")));
    private static final BaselineRule CHOLESTATIC_ENZYME = new BaselineRule(
            List.of(above(1, "1.0"), above(2, "2.5"), above(3, "5.0"), above(4, "20.0")),
            List.of(atOrAbove(1, "2.0"), above(2, "2.5"), above(3, "5.0"), above(4, "20.0")));
    private static final List<Band> CREATININE_ON_ULN =
            List.of(above(1, "1.0"), above(2, "1.5"), above(3, "3.0"), above(4, "6.0"));
    private static final List<Band> CREATININE_ON_BASELINE = List.of(above(2, "1.5"), above(3, "3.0"));
    private static final List<Band> INR_ABSOLUTE = List.of(above(1, "1.2"), above(2, "1.5"), above(3, "2.5"));
    private static final List<Band> INR_ON_BASELINE = List.of(above(1, "1.0"), above(2, "1.5"), above(3, "2.5"));

    /** A decrease cut-off: values below it reach the grade. */
    private record LowCut(int grade, PublishedCutoff cutoff) {
    }

    private static final Map<Analyte, BaselineRule> BASELINE_RULES = new EnumMap<>(Map.of(
            Analyte.ALT, TRANSAMINASE, Analyte.AST, TRANSAMINASE, Analyte.TOTAL_BILIRUBIN, BILIRUBIN,
            Analyte.ALP, CHOLESTATIC_ENZYME, Analyte.GGT, CHOLESTATIC_ENZYME));

    /** Cut-offs from the highest grade down. */
    private static final Map<Analyte, List<LowCut>> LOW_RULES = new EnumMap<>(Map.of(
            Analyte.WBC, List.of(cut(4, Analyte.WBC, "1.0"), cut(3, Analyte.WBC, "2.0"), cut(2, Analyte.WBC, "3.0")),
            Analyte.NEUTROPHILS, List.of(cut(4, Analyte.NEUTROPHILS, "0.5"), cut(3, Analyte.NEUTROPHILS, "1.0"),
                    cut(2, Analyte.NEUTROPHILS, "1.5")),
            Analyte.PLATELETS, List.of(cut(4, Analyte.PLATELETS, "25"), cut(3, Analyte.PLATELETS, "50"),
                    cut(2, Analyte.PLATELETS, "75")),
            Analyte.HAEMOGLOBIN, List.of(
                    new LowCut(3, PublishedCutoff.of(Analyte.HAEMOGLOBIN, "80", LabUnit.G_PER_DL, "8.0",
                            LabUnit.MMOL_PER_L, "4.9")),
                    new LowCut(2, PublishedCutoff.of(Analyte.HAEMOGLOBIN, "100", LabUnit.G_PER_DL, "10.0",
                            LabUnit.MMOL_PER_L, "6.2"))),
            Analyte.ALBUMIN, List.of(
                    new LowCut(3, PublishedCutoff.of(Analyte.ALBUMIN, "20", LabUnit.G_PER_DL, "2")),
                    new LowCut(2, PublishedCutoff.of(Analyte.ALBUMIN, "30", LabUnit.G_PER_DL, "3")))));

    private static final Map<Analyte, CtcaeTerm> TERMS = new EnumMap<>(Map.ofEntries(
            Map.entry(Analyte.ALT, CtcaeV5.ALT_INCREASED),
            Map.entry(Analyte.AST, CtcaeV5.AST_INCREASED),
            Map.entry(Analyte.TOTAL_BILIRUBIN, CtcaeV5.BLOOD_BILIRUBIN_INCREASED),
            Map.entry(Analyte.ALP, CtcaeV5.ALKALINE_PHOSPHATASE_INCREASED),
            Map.entry(Analyte.GGT, CtcaeV5.GGT_INCREASED),
            Map.entry(Analyte.CREATININE, CtcaeV5.CREATININE_INCREASED),
            Map.entry(Analyte.INR, CtcaeV5.INR_INCREASED),
            Map.entry(Analyte.WBC, CtcaeV5.WHITE_BLOOD_CELL_DECREASED),
            Map.entry(Analyte.NEUTROPHILS, CtcaeV5.NEUTROPHIL_COUNT_DECREASED),
            Map.entry(Analyte.PLATELETS, CtcaeV5.PLATELET_COUNT_DECREASED),
            Map.entry(Analyte.HAEMOGLOBIN, CtcaeV5.ANEMIA),
            Map.entry(Analyte.ALBUMIN, CtcaeV5.HYPOALBUMINEMIA)));

    private CtcaeLabGrading() {
    }

    private static LowCut cut(int grade, Analyte analyte, String canonical) {
        return new LowCut(grade, PublishedCutoff.of(analyte, canonical));
    }

    /** Analytes this grader handles. */
    public static Set<Analyte> gradableAnalytes() {
        return Collections.unmodifiableSet(TERMS.keySet());
    }

    /** The CTCAE term a lab value of this analyte is graded under, if any. */
    public static Optional<CtcaeTerm> termFor(Analyte analyte) {
        return Optional.ofNullable(TERMS.get(analyte));
    }

    public static AlgorithmId algorithm(LabGradingParameters p) {
        return new AlgorithmId("CTCAE v5.0 laboratory grading (NCI 2017)"
                + (p.missingBaseline() == MissingBaseline.NOT_GRADABLE
                        ? "; missing baseline not gradable" : "; missing baseline treated as normal")
                + (p.unknownAnticoagulation() == UnknownAnticoagulation.NOT_GRADABLE
                        ? "; INR needs anticoagulation status" : "; INR assumes no anticoagulation")
                + (p.boundaryBasis() == BoundaryBasis.ENTERED_UNIT
                        ? "; cut-offs in entered unit" : "; cut-offs in SI unit"), VERSION);
    }

    public static Derivation<LabGrade> grade(LabGradeInputs in, LabGradingParameters p) {
        AlgorithmId algorithm = algorithm(p);
        CtcaeTerm term = TERMS.get(in.analyte());
        if (term == null) {
            return Derivation.notComputable(algorithm, InputProblem.notCovered("analyte",
                    in.analyte().label() + " has no CTCAE v5.0 grading here."));
        }
        InputChecks checks = new InputChecks();
        Measurement value = checks.lab("value", in.analyte().label(), in.analyte(), in.value());
        if (BASELINE_RULES.containsKey(in.analyte())) {
            return gradeAgainstUlnOrBaseline(in, p, term, value, checks, algorithm);
        }
        if (in.analyte() == Analyte.CREATININE) {
            return gradeCreatinine(in, p, term, value, checks, algorithm);
        }
        if (in.analyte() == Analyte.INR) {
            return gradeInr(in, p, term, value, checks, algorithm);
        }
        return gradeDecrease(in, p, term, value, checks, algorithm);
    }

    private static Derivation<LabGrade> gradeAgainstUlnOrBaseline(LabGradeInputs in, LabGradingParameters p,
                                                                  CtcaeTerm term, Measurement value,
                                                                  InputChecks checks, AlgorithmId algorithm) {
        Analyte a = in.analyte();
        Measurement uln = readUln(checks, a, in.uln());
        Measurement baseline = null;
        Measurement baselineUln = null;
        if (in.baseline() == null && p.missingBaseline() == MissingBaseline.NOT_GRADABLE) {
            checks.add(InputProblem.missing("baseline", "Baseline " + a.label()
                    + " is missing; it decides whether the ULN or the baseline criteria apply."));
        } else if (in.baseline() != null) {
            baseline = checks.lab("baseline", "Baseline " + a.label(), a, in.baseline());
            baselineUln = readUln(checks, a, in.baselineUln(), "baselineUln", "ULN at baseline");
        }
        if (checks.hasProblems()) {
            return Derivation.notComputable(algorithm, checks.problems());
        }
        LabUnit unit = value.unit();
        boolean abnormal = baseline != null
                && baseline.value().compareTo(a.convert(baselineUln, baseline.unit())) > 0;
        BaselineRule rule = BASELINE_RULES.get(a);
        List<Band> bands = abnormal ? rule.onBaseline() : rule.onUln();
        String reference = abnormal ? "baseline" : "ULN";
        BigDecimal ref = a.convert(abnormal ? baseline : uln, unit);
        int grade = gradeByBands(value.value(), ref, bands);
        String text = ruleText(grade, bands, reference)
                + (abnormal ? " (baseline abnormal)" : baseline == null ? " (no baseline; treated as normal)" : "");
        return Derivation.computed(algorithm, new LabGrade(term, grade, text,
                abnormal ? LabGrade.Basis.BASELINE : LabGrade.Basis.ULN, baseline == null ? null : abnormal,
                thresholds(bands, ref, unit, reference)));
    }

    private static Derivation<LabGrade> gradeCreatinine(LabGradeInputs in, LabGradingParameters p, CtcaeTerm term,
                                                        Measurement value, InputChecks checks, AlgorithmId algorithm) {
        Analyte a = in.analyte();
        Measurement uln = readUln(checks, a, in.uln());
        Measurement baseline = in.baseline() == null ? null
                : checks.lab("baseline", "Baseline creatinine", a, in.baseline());
        if (checks.hasProblems()) {
            return Derivation.notComputable(algorithm, checks.problems());
        }
        LabUnit unit = value.unit();
        BigDecimal ulnValue = a.convert(uln, unit);
        int ulnGrade = gradeByBands(value.value(), ulnValue, CREATININE_ON_ULN);
        int maxBaselineGrade = CREATININE_ON_BASELINE.get(CREATININE_ON_BASELINE.size() - 1).grade();
        if (baseline == null && ulnGrade < maxBaselineGrade && p.missingBaseline() == MissingBaseline.NOT_GRADABLE) {
            return Derivation.notComputable(algorithm, InputProblem.missing("baseline",
                    "Baseline creatinine is missing; a rise above 1.5 x baseline could raise the grade."));
        }
        List<GradeThreshold> thresholds = new ArrayList<>(thresholds(CREATININE_ON_ULN, ulnValue, unit, "ULN"));
        int baselineGrade = 0;
        if (baseline != null) {
            BigDecimal baselineValue = a.convert(baseline, unit);
            baselineGrade = gradeByBands(value.value(), baselineValue, CREATININE_ON_BASELINE);
            thresholds.addAll(thresholds(CREATININE_ON_BASELINE, baselineValue, unit, "baseline"));
        }
        boolean byBaseline = baselineGrade > ulnGrade;
        String rule = byBaseline
                ? ruleText(baselineGrade, CREATININE_ON_BASELINE, "baseline")
                : ruleText(ulnGrade, CREATININE_ON_ULN, "ULN");
        return Derivation.computed(algorithm, new LabGrade(term, Math.max(ulnGrade, baselineGrade), rule,
                byBaseline ? LabGrade.Basis.BASELINE : LabGrade.Basis.ULN, null, thresholds));
    }

    private static Derivation<LabGrade> gradeInr(LabGradeInputs in, LabGradingParameters p, CtcaeTerm term,
                                                 Measurement value, InputChecks checks, AlgorithmId algorithm) {
        Boolean anticoagulated = in.onAnticoagulation();
        if (anticoagulated == null) {
            if (p.unknownAnticoagulation() == UnknownAnticoagulation.NOT_GRADABLE) {
                checks.add(InputProblem.missing("onAnticoagulation",
                        "Whether the subject is on anticoagulation is missing; the INR criteria depend on it."));
            }
            anticoagulated = Boolean.FALSE;
        }
        Measurement baseline = anticoagulated
                ? checks.lab("baseline", "Baseline INR", Analyte.INR, in.baseline())
                : null;
        if (checks.hasProblems()) {
            return Derivation.notComputable(algorithm, checks.problems());
        }
        if (anticoagulated) {
            int grade = gradeByBands(value.value(), baseline.value(), INR_ON_BASELINE);
            return Derivation.computed(algorithm, new LabGrade(term, grade,
                    ruleText(grade, INR_ON_BASELINE, "baseline") + " (on anticoagulation)", LabGrade.Basis.BASELINE,
                    null, thresholds(INR_ON_BASELINE, baseline.value(), value.unit(), "baseline")));
        }
        int grade = gradeByBands(value.value(), BigDecimal.ONE, INR_ABSOLUTE);
        return Derivation.computed(algorithm, new LabGrade(term, grade, ruleText(grade, INR_ABSOLUTE, null),
                LabGrade.Basis.ABSOLUTE, null, thresholds(INR_ABSOLUTE, BigDecimal.ONE, value.unit(), null)));
    }

    private static Derivation<LabGrade> gradeDecrease(LabGradeInputs in, LabGradingParameters p, CtcaeTerm term,
                                                      Measurement value, InputChecks checks, AlgorithmId algorithm) {
        Analyte a = in.analyte();
        Measurement lln = in.lln() == null ? null : checks.lab("lln", "LLN", a, in.lln());
        if (checks.hasProblems()) {
            return Derivation.notComputable(algorithm, checks.problems());
        }
        LabUnit unit = value.unit();
        BoundaryBasis basis = p.boundaryBasis();
        List<LowCut> cuts = LOW_RULES.get(a);
        int grade = 0;
        for (LowCut c : cuts) {
            if (c.cutoff().compare(value, basis) < 0) {
                grade = c.grade();
                break;
            }
        }
        BigDecimal llnValue = lln == null ? null : a.convert(lln, unit);
        if (grade == 0) {
            if (llnValue == null) {
                return Derivation.notComputable(algorithm, InputProblem.missing("lln",
                        "LLN of " + a.label() + " is missing; it decides between grade 0 and grade 1."));
            }
            grade = value.value().compareTo(llnValue) < 0 ? 1 : 0;
        }
        // limits in the unit of the value, lowest grade first
        List<String> limits = new ArrayList<>();
        List<GradeThreshold> thresholds = new ArrayList<>();
        if (llnValue != null) {
            thresholds.add(new GradeThreshold(1, Comparison.BELOW, llnValue, unit, "< LLN"));
        }
        for (int i = cuts.size() - 1; i >= 0; i--) {
            LowCut c = cuts.get(i);
            BigDecimal limit = c.cutoff().in(unit, basis);
            limits.add(plain(limit));
            thresholds.add(new GradeThreshold(c.grade(), Comparison.BELOW, limit, unit,
                    "< " + plain(limit) + " " + unit.symbol()));
        }
        String u = " " + unit.symbol();
        int lowestCutGrade = cuts.get(cuts.size() - 1).grade();
        String rule;
        if (grade == 0) {
            rule = ">= LLN";
        } else if (grade < lowestCutGrade) {
            rule = "< LLN-" + limits.get(0) + u;
        } else {
            int i = grade - lowestCutGrade;
            rule = i + 1 < limits.size()
                    ? "< " + limits.get(i) + "-" + limits.get(i + 1) + u
                    : "< " + limits.get(i) + u;
        }
        return Derivation.computed(algorithm, new LabGrade(term, grade, rule, LabGrade.Basis.ABSOLUTE, null,
                thresholds));
    }

    private static Measurement readUln(InputChecks checks, Analyte a, Measurement uln) {
        return readUln(checks, a, uln, "uln", "ULN");
    }

    private static Measurement readUln(InputChecks checks, Analyte a, Measurement uln, String input, String label) {
        Measurement m = checks.lab(input, label, a, uln);
        if (m != null && m.value().signum() <= 0) {
            checks.add(InputProblem.invalid(input, label + " must be above 0."));
            return null;
        }
        return m;
    }

    /** Highest grade whose band the value reaches; bands ascend by grade. */
    private static int gradeByBands(BigDecimal value, BigDecimal reference, List<Band> bands) {
        int grade = 0;
        for (Band b : bands) {
            int c = value.compareTo(reference.multiply(b.factor()));
            if (b.inclusive() ? c >= 0 : c > 0) {
                grade = b.grade();
            }
        }
        return grade;
    }

    /**
     * CTCAE-style text of the band that gave the grade, e.g. "> ULN-3.0 x ULN", "1.5-3.0 x baseline",
     * "> 20.0 x ULN", or for absolute INR limits "> 1.2-1.5". {@code reference} null means absolute.
     */
    private static String ruleText(int grade, List<Band> bands, String reference) {
        String times = reference == null ? "" : " x " + reference;
        if (grade == 0) {
            Band first = bands.get(0);
            return (first.inclusive() ? "< " : "<= ") + factorLabel(first, reference)
                    + (isUlnItself(first, reference) ? "" : times);
        }
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            if (b.grade() != grade) {
                continue;
            }
            String lower = (b.inclusive() ? "" : "> ") + factorLabel(b, reference);
            if (i + 1 == bands.size()) {
                return (b.inclusive() ? ">= " : "> ") + b.factor().toPlainString() + times;
            }
            return lower + "-" + bands.get(i + 1).factor().toPlainString() + times;
        }
        throw new IllegalStateException("No band for grade " + grade);
    }

    private static boolean isUlnItself(Band b, String reference) {
        return "ULN".equals(reference) && b.factor().compareTo(BigDecimal.ONE) == 0;
    }

    private static String factorLabel(Band b, String reference) {
        return isUlnItself(b, reference) ? "ULN" : b.factor().toPlainString();
    }

    private static List<GradeThreshold> thresholds(List<Band> bands, BigDecimal reference, LabUnit unit,
                                                   String referenceName) {
        List<GradeThreshold> out = new ArrayList<>();
        for (Band b : bands) {
            String criterion = (b.inclusive() ? ">= " : "> ")
                    + (referenceName == null ? b.factor().toPlainString()
                            : isUlnItself(b, referenceName) ? "ULN" : b.factor().toPlainString() + " x " + referenceName);
            out.add(new GradeThreshold(b.grade(), b.inclusive() ? Comparison.AT_OR_ABOVE : Comparison.ABOVE,
                    reference.multiply(b.factor()), unit, criterion));
        }
        return out;
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
