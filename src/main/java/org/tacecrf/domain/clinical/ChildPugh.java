package org.tacecrf.domain.clinical;

import java.math.BigDecimal;
import java.util.List;

import org.tacecrf.domain.clinical.ChildPughParameters.CoagulationMeasure;
import org.tacecrf.domain.clinical.ChildPughScore.Component;
import org.tacecrf.domain.clinical.ChildPughScore.ComponentScore;

/**
 * Child-Pugh (Child-Turcotte-Pugh) score, Pugh et al., Br J Surg 1973, as tabulated in clinical
 * rules 2.1: five components of 1-3 points, total 5-15, class A 5-6, B 7-9, C 10-15.
 * <p>
 * <b>Boundaries.</b> The middle band includes both of its limits: bilirubin 34-51 µmol/L,
 * albumin 28-35 g/L, INR 1.7-2.3 and PT 4-6 s above control all give 2 points; values strictly
 * below/above give 1 or 3 points (albumin: above 35 g/L gives 1 point, below 28 gives 3).
 * <p>
 * <b>Units.</b> The published table prints every laboratory cut-off in two units. For albumin the
 * two agree exactly (g/dL × 10 = g/L). For bilirubin they do not: 2 mg/dL is 34.2 µmol/L and
 * 3 mg/dL is 51.3 µmol/L, against printed SI cut-offs of 34 and 51. A bilirubin of exactly
 * 3.0 mg/dL would therefore score 2 points by the mg/dL column but 3 points after conversion to
 * µmol/L. By default ({@link BoundaryBasis#ENTERED_UNIT}) a value entered in mg/dL is compared with
 * the mg/dL cut-offs (2 and 3) and a value in µmol/L with 34 and 51, so the result equals what the
 * investigator reads off the table next to the source document and no spurious query is raised.
 * A study that prefers one canonical scale sets {@link BoundaryBasis#CANONICAL_UNIT}: every value
 * is converted to µmol/L (×17.1) or g/L (×10) and compared with 34/51 and 28/35. Either way the
 * {@link ChildPughScore.ComponentScore#basis()} states which cut-offs were used.
 * <p>
 * <b>Coagulation.</b> Only the measure named in the parameters is scored; if it is missing the
 * score is not computed even when the other measure was entered, because mixing measures
 * across patients would make the component inconsistent within a study.
 */
public final class ChildPugh {

    static final String VERSION = "1";

    private static final BigDecimal INR_LOW = new BigDecimal("1.7");
    private static final BigDecimal INR_HIGH = new BigDecimal("2.3");
    private static final BigDecimal PT_LOW = new BigDecimal("4");
    private static final BigDecimal PT_HIGH = new BigDecimal("6");
    /** PT may be shorter than control; beyond these limits the value is an entry error. */
    private static final ValueRange PT_PROLONGATION_RANGE = ValueRange.of("-20", "150");

    private ChildPugh() {
    }

    /** Algorithm identifier for the given parameters; the name spells out every cut-off used. */
    public static AlgorithmId algorithm(ChildPughParameters p) {
        StringBuilder name = new StringBuilder("Child-Pugh (Pugh 1973; bilirubin ")
                .append(p.bilirubinCutoffs().lower.canonical().toPlainString()).append('/')
                .append(p.bilirubinCutoffs().upper.canonical().toPlainString()).append(" umol/L");
        if (p.bilirubinCutoffs() == ChildPughParameters.BilirubinCutoffs.CHOLESTATIC) {
            name.append(" cholestatic");
        }
        name.append("; albumin ").append(p.albuminCutoffs().lower.canonical().toPlainString()).append('/')
                .append(p.albuminCutoffs().upper.canonical().toPlainString()).append(" g/L; ")
                .append(p.coagulation() == CoagulationMeasure.INR ? "INR 1.7/2.3" : "PT +4/+6 s")
                .append("; cut-offs in ")
                .append(p.boundaryBasis() == BoundaryBasis.ENTERED_UNIT ? "entered unit" : "SI unit")
                .append(')');
        return new AlgorithmId(name.toString(), VERSION);
    }

    public static Derivation<ChildPughScore> calculate(ChildPughInputs in, ChildPughParameters p) {
        AlgorithmId algorithm = algorithm(p);
        InputChecks checks = new InputChecks();
        Measurement bilirubin = checks.lab("totalBilirubin", "Total bilirubin", Analyte.TOTAL_BILIRUBIN,
                in.totalBilirubin());
        Measurement albumin = checks.lab("albumin", "Albumin", Analyte.ALBUMIN, in.albumin());
        BigDecimal coagulation = p.coagulation() == CoagulationMeasure.INR
                ? checks.number("inr", "INR", in.inr(), Analyte.INR.hardRange(), "")
                : checks.number("ptProlongationSeconds", "PT prolongation", in.ptProlongationSeconds(),
                        PT_PROLONGATION_RANGE, "s");
        Ascites ascites = checks.required("ascites", "Ascites", in.ascites());
        HepaticEncephalopathy encephalopathy = checks.required("encephalopathy", "Hepatic encephalopathy",
                in.encephalopathy());
        if (checks.hasProblems()) {
            return Derivation.notComputable(algorithm, checks.problems());
        }
        BoundaryBasis basis = p.boundaryBasis();
        List<ComponentScore> components = List.of(
                labComponent(Component.BILIRUBIN, "Total bilirubin", bilirubin,
                        p.bilirubinCutoffs().lower, p.bilirubinCutoffs().upper, true, basis),
                labComponent(Component.ALBUMIN, "Albumin", albumin,
                        p.albuminCutoffs().lower, p.albuminCutoffs().upper, false, basis),
                coagulationComponent(p.coagulation(), coagulation),
                new ComponentScore(Component.ASCITES, ascites.childPughPoints(), "Ascites " + ascites),
                new ComponentScore(Component.ENCEPHALOPATHY, encephalopathy.childPughPoints(),
                        "Hepatic encephalopathy " + encephalopathy));
        return Derivation.computed(algorithm, ChildPughScore.of(components));
    }

    private static ComponentScore labComponent(Component component, String label, Measurement m,
                                               PublishedCutoff lower, PublishedCutoff upper,
                                               boolean higherIsWorse, BoundaryBasis basis) {
        int points = points(lower.compare(m, basis), upper.compare(m, basis), higherIsWorse);
        // Describe in the unit actually compared, so the reader can check the band by eye.
        LabUnit shownUnit = basis == BoundaryBasis.CANONICAL_UNIT ? lower.analyte().canonicalUnit() : m.unit();
        String value = shownUnit == m.unit()
                ? m.toString()
                : m + " = " + lower.analyte().toCanonical(m).stripTrailingZeros().toPlainString() + " " + shownUnit;
        String low = lower.in(shownUnit, basis).toPlainString();
        String high = upper.in(shownUnit, basis).toPlainString();
        return new ComponentScore(component, points,
                label + " " + value + " is " + band(points, low, high, higherIsWorse) + " " + shownUnit);
    }

    private static ComponentScore coagulationComponent(CoagulationMeasure measure, BigDecimal value) {
        boolean inr = measure == CoagulationMeasure.INR;
        BigDecimal low = inr ? INR_LOW : PT_LOW;
        BigDecimal high = inr ? INR_HIGH : PT_HIGH;
        int points = points(value.compareTo(low), value.compareTo(high), true);
        String basis = inr
                ? "INR " + value.toPlainString() + " is " + band(points, low.toPlainString(), high.toPlainString(), true)
                : "PT prolonged by " + value.toPlainString() + " s is "
                        + band(points, low.toPlainString(), high.toPlainString(), true) + " s";
        return new ComponentScore(Component.COAGULATION, points, basis);
    }

    /**
     * Points from the comparisons of a value with the lower and upper cut-off; the band between
     * them, both ends included, gives 2 points.
     */
    static int points(int comparedWithLower, int comparedWithUpper, boolean higherIsWorse) {
        if (higherIsWorse) {
            return comparedWithLower < 0 ? 1 : comparedWithUpper > 0 ? 3 : 2;
        }
        return comparedWithUpper > 0 ? 1 : comparedWithLower < 0 ? 3 : 2;
    }

    private static String band(int points, String low, String high, boolean higherIsWorse) {
        if (points == 2) {
            return "in " + low + "-" + high;
        }
        boolean below = (points == 1) == higherIsWorse;
        return below ? "< " + low : "> " + high;
    }
}
