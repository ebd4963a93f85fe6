package org.tacecrf.domain.clinical;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Body-surface area in m², rounded half-up to {@value #DECIMALS} decimals, from weight in kg and
 * height in cm.
 * <ul>
 *   <li>Mosteller (N Engl J Med 1987;317:1098): {@code BSA = sqrt(height [cm] × weight [kg] / 3600)}.</li>
 *   <li>Du Bois and Du Bois (Arch Intern Med 1916;17:863):
 *       {@code BSA = 0.007184 × weight^0.425 × height^0.725}.</li>
 * </ul>
 */
public final class BodySurfaceArea {

    public static final int DECIMALS = 2;

    /** Which published formula to use; the protocol's dosing section usually names it. */
    public enum Formula {
        MOSTELLER(new AlgorithmId("BSA (Mosteller 1987)", "1")),
        DU_BOIS(new AlgorithmId("BSA (Du Bois and Du Bois 1916)", "1"));

        private final AlgorithmId algorithm;

        Formula(AlgorithmId algorithm) {
            this.algorithm = algorithm;
        }

        public AlgorithmId algorithm() {
            return algorithm;
        }
    }

    private BodySurfaceArea() {
    }

    public static Derivation<BigDecimal> calculate(Number weightKg, Number heightCm, Formula formula) {
        Objects.requireNonNull(formula, "formula");
        InputChecks checks = new InputChecks();
        BodyMeasures.Checked in = BodyMeasures.read(checks, weightKg, heightCm);
        if (in == null) {
            return Derivation.notComputable(formula.algorithm(), checks.problems());
        }
        double w = in.weightKg().doubleValue();
        double h = in.heightCm().doubleValue();
        double bsa = switch (formula) {
            case MOSTELLER -> Math.sqrt(h * w / 3600.0);
            case DU_BOIS -> 0.007184 * Math.pow(w, 0.425) * Math.pow(h, 0.725);
        };
        return Derivation.computed(formula.algorithm(),
                BigDecimal.valueOf(bsa).setScale(DECIMALS, RoundingMode.HALF_UP));
    }
}
