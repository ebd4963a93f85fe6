package org.tacecrf.domain.casebook.derive;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.clinical.AlbiResult;
import org.tacecrf.domain.clinical.Albi;
import org.tacecrf.domain.clinical.AlgorithmId;
import org.tacecrf.domain.clinical.Ascites;
import org.tacecrf.domain.clinical.Bclc;
import org.tacecrf.domain.clinical.BclcInputs;
import org.tacecrf.domain.clinical.BclcParameters;
import org.tacecrf.domain.clinical.BclcResult;
import org.tacecrf.domain.clinical.Bmi;
import org.tacecrf.domain.clinical.ChildPugh;
import org.tacecrf.domain.clinical.ChildPughClass;
import org.tacecrf.domain.clinical.ChildPughInputs;
import org.tacecrf.domain.clinical.ChildPughParameters;
import org.tacecrf.domain.clinical.ChildPughParameters.CoagulationMeasure;
import org.tacecrf.domain.clinical.ChildPughScore;
import org.tacecrf.domain.clinical.Derivation;
import org.tacecrf.domain.clinical.ExtrahepaticSpread;
import org.tacecrf.domain.clinical.HepaticEncephalopathy;
import org.tacecrf.domain.clinical.LiverFunction;
import org.tacecrf.domain.clinical.Measurement;
import org.tacecrf.domain.study.CodeList;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.StudyParameters;

/**
 * Body-mass index, Child-Pugh, ALBI and the suggested BCLC stage from the items of one form
 * (the baseline form of the library), bound to the calculators of the clinical package.
 */
final class LiverDerivations {

    private static final Map<String, List<String>> CHILD_PUGH_ITEMS = Map.of(
            "totalBilirubin", List.of("total_bilirubin"),
            "albumin", List.of("albumin"),
            "inr", List.of("inr"),
            "ptProlongationSeconds", List.of("pt", "pt_control"),
            "ascites", List.of("ascites"),
            "encephalopathy", List.of("encephalopathy"));

    private static final Map<String, List<String>> BMI_ITEMS = Map.of(
            "weightKg", List.of("weight"), "heightCm", List.of("height"));

    private static final Map<String, List<String>> BCLC_ITEMS = Map.of(
            "noduleCount", List.of("lesion_count"),
            "largestDiameterMm", List.of("largest_diameter_mm"),
            "macrovascularInvasion", List.of("macrovascular_invasion"),
            "extrahepaticSpread", List.of("extrahepatic_spread"),
            "ecogPs", List.of("ecog"),
            "psCancerRelated", List.of("ecog_cancer_related"),
            "liverFunction", List.of("total_bilirubin", "albumin", "inr", "ascites", "encephalopathy"));

    /** BCLC 2022 asks for "end-stage" liver function; the form records Child-Pugh, so class C stands for it. */
    private static final String BCLC_LIVER_PROXY = "; end-stage liver function = Child-Pugh C";

    private LiverDerivations() {
    }

    /**
     * BMI = weight [kg] / height [m]². The calculator checks the inputs; the quotient is then
     * rounded once, to the item's precision, rather than from the calculator's 2-decimal result
     * (rounding twice can move a value across a boundary: 24.249 → 24.25 → 24.3).
     */
    static DerivedValue bmi(Row row, ItemDef target) {
        Inputs in = new Inputs(row);
        BigDecimal weight = in.number("weight");
        BigDecimal height = in.number("height");
        String algorithm = Bmi.ALGORITHM.label();
        if (in.hasProblems()) {
            return in.empty(algorithm);
        }
        Derivation<BigDecimal> d = Bmi.calculate(weight, height);
        if (!d.isComputed()) {
            in.calculatorProblems(d.problems(), BMI_ITEMS);
            return in.empty(algorithm);
        }
        BigDecimal metres = height.divide(BigDecimal.valueOf(100));
        BigDecimal exact = weight.divide(metres.multiply(metres), MathContext.DECIMAL64);
        return DerivedValue.of(Numbers.stored(exact, target), algorithm);
    }

    /** Child-Pugh score with the study's cut-offs; values entered in mg/dL or g/dL keep their unit. */
    static Derivation<ChildPughScore> childPugh(Row row, ChildPughParameters p, Inputs in) {
        Measurement bilirubin = lab(row, "total_bilirubin", in);
        Measurement albumin = lab(row, "albumin", in);
        BigDecimal inr = p.coagulation() == CoagulationMeasure.INR ? row.number("inr").orElse(null) : null;
        BigDecimal pt = p.coagulation() == CoagulationMeasure.PT_SECONDS_PROLONGED
                ? ChildPughInputs.ptProlongation(row.number("pt").orElse(null), row.number("pt_control").orElse(null))
                : null;
        Ascites ascites = code(row, "ascites", in, Map.of("NONE", Ascites.NONE, "MILD", Ascites.MILD_OR_CONTROLLED,
                "MODERATE_SEVERE", Ascites.MODERATE_TO_SEVERE));
        HepaticEncephalopathy encephalopathy = code(row, "encephalopathy", in, Map.of(
                "NONE", HepaticEncephalopathy.NONE,
                "GRADE_1_2", HepaticEncephalopathy.GRADE_1_2_OR_CONTROLLED,
                "GRADE_3_4", HepaticEncephalopathy.GRADE_3_4_OR_REFRACTORY));
        Derivation<ChildPughScore> d = ChildPugh.calculate(
                new ChildPughInputs(bilirubin, albumin, inr, pt, ascites, encephalopathy), p);
        in.calculatorProblems(d.problems(), CHILD_PUGH_ITEMS);
        return d;
    }

    static DerivedValue childPughPoints(Row row, StudyParameters sp, ItemDef target) {
        Inputs in = new Inputs(row);
        Derivation<ChildPughScore> d = childPugh(row, StudyParameterMapping.childPugh(sp.childPugh()), in);
        return d.isComputed() && !in.hasProblems()
                ? DerivedValue.of(StoredValue.number(BigDecimal.valueOf(d.get().total())), d.algorithm().label())
                : in.empty(d.algorithm().label());
    }

    static DerivedValue childPughClass(Row row, StudyParameters sp) {
        Inputs in = new Inputs(row);
        Derivation<ChildPughScore> d = childPugh(row, StudyParameterMapping.childPugh(sp.childPugh()), in);
        return d.isComputed() && !in.hasProblems()
                ? DerivedValue.of(StoredValue.text(d.get().childPughClass().name()), d.algorithm().label())
                : in.empty(d.algorithm().label());
    }

    private static Derivation<AlbiResult> albi(Row row, StudyParameters sp, Inputs in) {
        Measurement bilirubin = lab(row, "total_bilirubin", in);
        Measurement albumin = lab(row, "albumin", in);
        Derivation<AlbiResult> d = Albi.calculate(bilirubin, albumin, sp.albi().modifiedGrades());
        in.calculatorProblems(d.problems(), CHILD_PUGH_ITEMS);
        return d;
    }

    /** ALBI score rounded to the item's precision (the grade is taken from the unrounded score). */
    static DerivedValue albiScore(Row row, StudyParameters sp, ItemDef target) {
        Inputs in = new Inputs(row);
        Derivation<AlbiResult> d = albi(row, sp, in);
        if (!d.isComputed() || in.hasProblems()) {
            return in.empty(d.algorithm().label());
        }
        int decimals = target.precision() != null ? target.precision() : AlbiResult.STORED_DECIMALS;
        return DerivedValue.of(StoredValue.number(d.get().rounded(decimals)), d.algorithm().label());
    }

    /**
     * ALBI grade code. A modified grade (2a/2b) is stored only when the item's code list has it;
     * otherwise grade 2, with a note.
     */
    static DerivedValue albiGrade(Row row, StudyParameters sp, Optional<CodeList> codeList) {
        Inputs in = new Inputs(row);
        Derivation<AlbiResult> d = albi(row, sp, in);
        if (!d.isComputed() || in.hasProblems()) {
            return in.empty(d.algorithm().label());
        }
        String label = d.get().grade().label();
        if (codeList.isEmpty() || codeList.get().contains(label)) {
            return DerivedValue.of(StoredValue.text(label), d.algorithm().label());
        }
        return DerivedValue.of(StoredValue.text(String.valueOf(d.get().grade().baseGrade())), d.algorithm().label(),
                List.of("Modified grade " + label + " is stored as grade " + d.get().grade().baseGrade()
                        + " because the item's code list has no modified grades."));
    }

    /**
     * BCLC 2022 stage suggested from the form: nodule count, largest diameter, macrovascular
     * invasion, extrahepatic spread, ECOG and whether an impaired ECOG is cancer-related; liver
     * function is taken as end-stage for Child-Pugh C and preserved for A or B, computed on the same
     * form. Only for hepatocellular carcinoma.
     */
    static DerivedValue bclc(Row row, StudyParameters sp) {
        BclcParameters p = BclcParameters.DEFAULT;
        AlgorithmId base = Bclc.algorithm(p);
        String algorithm = new AlgorithmId(base.name() + BCLC_LIVER_PROXY, base.version()).label();
        Optional<String> diagnosis = row.text("diagnosis");
        if (diagnosis.isPresent() && !diagnosis.get().equals("HCC")) {
            return DerivedValue.empty(algorithm, "BCLC staging applies to hepatocellular carcinoma only.");
        }
        Inputs in = new Inputs(row);
        BclcInputs.Builder b = BclcInputs.builder()
                .noduleCount(row.number("lesion_count").map(BigDecimal::intValueExact).orElse(null))
                .largestDiameterMm(row.number("largest_diameter_mm").orElse(null))
                .macrovascularInvasion(row.yes("macrovascular_invasion").orElse(null))
                .extrahepaticSpread(code(row, "extrahepatic_spread", in, Map.of("NONE", ExtrahepaticSpread.NONE,
                        "NODAL", ExtrahepaticSpread.NODAL, "DISTANT", ExtrahepaticSpread.DISTANT)))
                .psCancerRelated(row.yes("ecog_cancer_related").orElse(null));
        Optional<String> ecog = row.text("ecog");
        if (ecog.isPresent()) {
            try {
                b.ecogPs(Integer.valueOf(ecog.get()));
            } catch (NumberFormatException e) {
                in.problem("ECOG performance status '" + ecog.get() + "' is not a grade 0-4.");
            }
        }
        Derivation<ChildPughScore> cp = childPugh(row, StudyParameterMapping.childPugh(sp.childPugh()), new Inputs(row));
        if (cp.isComputed()) {
            b.liverFunction(cp.get().childPughClass() == ChildPughClass.C ? LiverFunction.END_STAGE
                    : LiverFunction.PRESERVED);
        }
        if (in.hasProblems()) {
            return in.empty(algorithm);
        }
        Derivation<BclcResult> d = Bclc.suggest(b.build(), p);
        if (!d.isComputed()) {
            in.calculatorProblems(d.problems(), BCLC_ITEMS);
            return in.empty(algorithm);
        }
        BclcResult r = d.get();
        return DerivedValue.of(StoredValue.text(r.stage().label()), algorithm,
                List.of("Step " + r.step() + ": " + r.rule() + "."));
    }

    private static Measurement lab(Row row, String itemId, Inputs in) {
        Optional<StoredValue> v = row.value(itemId);
        Optional<ItemDef> item = row.item(itemId);
        if (v.isEmpty() || item.isEmpty()) {
            return null;
        }
        Optional<Measurement> m = Numbers.asEntered(v.get(), item.get());
        if (m.isEmpty()) {
            in.problem(row.label(itemId) + " has a unit the calculation does not know.");
        }
        return m.orElse(null);
    }

    /** The enum for a stored code; an unknown code is a problem, an empty one is left to the calculator. */
    private static <E> E code(Row row, String itemId, Inputs in, Map<String, E> byCode) {
        Optional<String> c = row.text(itemId);
        if (c.isEmpty()) {
            return null;
        }
        E value = byCode.get(c.get());
        if (value == null) {
            in.problem(row.label(itemId) + " has the code '" + c.get() + "', which the calculation does not know.");
        }
        return value;
    }
}
