package org.tacecrf.domain.clinical;

import java.math.BigDecimal;

/** Validation shared by the BMI and body-surface-area formulas. */
final class BodyMeasures {

    /** Adult limits beyond which a weight or height is an entry error (e.g. pounds or metres). */
    static final ValueRange WEIGHT_KG = ValueRange.of("20", "300");
    static final ValueRange HEIGHT_CM = ValueRange.of("100", "250");

    private BodyMeasures() {
    }

    record Checked(BigDecimal weightKg, BigDecimal heightCm) {
    }

    /** Both values, or null after recording the problems in {@code checks}. */
    static Checked read(InputChecks checks, Number weightKg, Number heightCm) {
        BigDecimal w = checks.number("weightKg", "Weight", Decimals.of(weightKg), WEIGHT_KG, "kg");
        BigDecimal h = checks.number("heightCm", "Height", Decimals.of(heightCm), HEIGHT_CM, "cm");
        return checks.hasProblems() ? null : new Checked(w, h);
    }
}
