package org.tacecrf.domain.qol;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A QLQ-C30 scale score. The score is stored unrounded and displayed to one decimal.
 *
 * @param scale         the scale
 * @param rawScore      mean of the answered items
 * @param score         linear transformation of the raw score to 0-100
 * @param itemsAnswered how many of the scale's items were answered
 */
public record ScaleScore(QlqC30Scale scale, double rawScore, double score, int itemsAnswered) {

    public ScaleScore {
        Objects.requireNonNull(scale, "scale");
        if (score < 0 || score > 100 || Double.isNaN(score)) {
            throw new IllegalArgumentException("Scale scores lie in 0-100");
        }
    }

    /** Score to one decimal (half-up), as displayed. */
    public BigDecimal display() {
        return BigDecimal.valueOf(score).setScale(1, RoundingMode.HALF_UP);
    }
}
