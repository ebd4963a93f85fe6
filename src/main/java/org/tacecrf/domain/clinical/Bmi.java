package org.tacecrf.domain.clinical;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Body-mass index (Quetelet): {@code BMI = weight [kg] / (height [m])²}, from weight in kg and
 * height in cm, rounded half-up to {@value #DECIMALS} decimals (kg/m²).
 */
public final class Bmi {

    public static final AlgorithmId ALGORITHM = new AlgorithmId("BMI (Quetelet, kg/m2)", "1");
    public static final int DECIMALS = 2;

    private static final BigDecimal CM_PER_M = BigDecimal.valueOf(100);

    private Bmi() {
    }

    /** @return BMI in kg/m², or not computable if weight or height is missing or implausible */
    public static Derivation<BigDecimal> calculate(Number weightKg, Number heightCm) {
        InputChecks checks = new InputChecks();
        BodyMeasures.Checked in = BodyMeasures.read(checks, weightKg, heightCm);
        if (in == null) {
            return Derivation.notComputable(ALGORITHM, checks.problems());
        }
        BigDecimal heightM = in.heightCm().divide(CM_PER_M);
        return Derivation.computed(ALGORITHM,
                in.weightKg().divide(heightM.multiply(heightM), DECIMALS, RoundingMode.HALF_UP));
    }
}
