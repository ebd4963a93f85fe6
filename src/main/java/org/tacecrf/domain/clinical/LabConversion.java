package org.tacecrf.domain.clinical;

/**
 * Conversion of an entered laboratory value to its analyte's canonical unit, returned like any
 * other derived value: with the factor that produced it as the algorithm, or "not computable" when
 * the unit is not accepted for the analyte or the value is impossible (outside the hard range).
 * The caller stores the entered value and unit next to the result.
 */
public final class LabConversion {

    static final String VERSION = "1";

    private LabConversion() {
    }

    /** Algorithm identifier of converting {@code unit} to the analyte's canonical unit. */
    public static AlgorithmId algorithm(Analyte analyte, LabUnit unit) {
        String name = analyte.label() + " " + unit.symbol() + " to " + analyte.canonicalUnitLabel();
        return new AlgorithmId(analyte.conversion(unit)
                .map(c -> name + " (" + c.describe() + "; " + c.basis() + ")")
                .orElse(name + " (no conversion)"), VERSION);
    }

    public static Derivation<Measurement> toCanonical(Analyte analyte, Measurement entered) {
        InputChecks checks = new InputChecks();
        Measurement valid = checks.lab("value", analyte.label(), analyte, entered);
        AlgorithmId algorithm = algorithm(analyte, entered == null ? analyte.canonicalUnit() : entered.unit());
        if (valid == null) {
            return Derivation.notComputable(algorithm, checks.problems());
        }
        return Derivation.computed(algorithm, new Measurement(analyte.toCanonical(valid), analyte.canonicalUnit()));
    }
}
