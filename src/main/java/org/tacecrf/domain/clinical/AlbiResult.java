package org.tacecrf.domain.clinical;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A computed ALBI score and its grade.
 *
 * @param score unrounded ALBI score; the grade was taken from this value
 * @param grade grade 1-3, or 1/2a/2b/3 when the modified grade was requested
 */
public record AlbiResult(double score, AlbiGrade grade) {

    /** Decimals to store; the rules ask for at least 3. */
    public static final int STORED_DECIMALS = 4;

    public AlbiResult {
        Objects.requireNonNull(grade, "grade");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("ALBI score must be finite");
        }
    }

    /** Score rounded half-up to the given number of decimals, for storage or display. */
    public BigDecimal rounded(int decimals) {
        return BigDecimal.valueOf(score).setScale(decimals, RoundingMode.HALF_UP);
    }

    /** Score as stored ({@value #STORED_DECIMALS} decimals). */
    public BigDecimal stored() {
        return rounded(STORED_DECIMALS);
    }
}
