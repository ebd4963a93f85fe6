package org.tacecrf.domain.clinical;

import java.math.BigDecimal;

/**
 * Albumin-bilirubin (ALBI) score, Johnson et al., J Clin Oncol 2015;33:550-558 (clinical rules 2.2):
 * {@code ALBI = 0.66 × log10(bilirubin [µmol/L]) − 0.085 × albumin [g/L]}.
 * <p>
 * Inputs in mg/dL or g/dL are converted first (×17.1, ×10): the formula itself is defined in SI
 * units, so unlike Child-Pugh there is no printed cut-off per unit. The grade is taken from the
 * unrounded score (grade 1 ≤ −2.60 &lt; grade 2 ≤ −1.39 &lt; grade 3); the modified grade
 * (mALBI, Hiraoka et al. 2017) splits grade 2 at −2.270 and is produced only when requested,
 * because it is used only where a protocol asks for it.
 */
public final class Albi {

    static final String VERSION = "1";

    static final double GRADE_1_MAX = -2.60;
    static final double GRADE_2_MAX = -1.39;
    static final double GRADE_2A_MAX = -2.270;

    private Albi() {
    }

    public static AlgorithmId algorithm(boolean modifiedGrade) {
        return modifiedGrade
                ? new AlgorithmId("ALBI (Johnson 2015) with mALBI grade (Hiraoka 2017, 2a/2b at -2.270)", VERSION)
                : new AlgorithmId("ALBI (Johnson 2015)", VERSION);
    }

    /**
     * @param totalBilirubin total bilirubin as entered (µmol/L or mg/dL)
     * @param albumin        albumin as entered (g/L or g/dL)
     * @param modifiedGrade  true to report mALBI grades 2a/2b instead of grade 2
     */
    public static Derivation<AlbiResult> calculate(Measurement totalBilirubin, Measurement albumin,
                                                   boolean modifiedGrade) {
        AlgorithmId algorithm = algorithm(modifiedGrade);
        InputChecks checks = new InputChecks();
        BigDecimal bilirubin = checks.labCanonical("totalBilirubin", "Total bilirubin", Analyte.TOTAL_BILIRUBIN,
                totalBilirubin);
        BigDecimal albuminGL = checks.labCanonical("albumin", "Albumin", Analyte.ALBUMIN, albumin);
        if (bilirubin != null && bilirubin.signum() <= 0) {
            checks.add(InputProblem.invalid("totalBilirubin",
                    "Total bilirubin must be above 0 for the ALBI score (its logarithm is used)."));
        }
        if (checks.hasProblems()) {
            return Derivation.notComputable(algorithm, checks.problems());
        }
        double score = score(bilirubin.doubleValue(), albuminGL.doubleValue());
        return Derivation.computed(algorithm, new AlbiResult(score, grade(score, modifiedGrade)));
    }

    /** The formula, for bilirubin in µmol/L (&gt; 0) and albumin in g/L. */
    public static double score(double bilirubinUmolL, double albuminGL) {
        return 0.66 * Math.log10(bilirubinUmolL) - 0.085 * albuminGL;
    }

    /** Grade of an unrounded score. */
    public static AlbiGrade grade(double score, boolean modifiedGrade) {
        if (score <= GRADE_1_MAX) {
            return AlbiGrade.GRADE_1;
        }
        if (score > GRADE_2_MAX) {
            return AlbiGrade.GRADE_3;
        }
        if (!modifiedGrade) {
            return AlbiGrade.GRADE_2;
        }
        return score <= GRADE_2A_MAX ? AlbiGrade.GRADE_2A : AlbiGrade.GRADE_2B;
    }
}
