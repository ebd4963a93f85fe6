package org.tacecrf.domain.qol;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The QLQ-C30 summary score: mean of the 13 scales other than global health status and
 * financial difficulties, symptom scales reversed (100 − score) so that higher is better.
 *
 * @param score summary score 0-100, unrounded
 */
public record SummaryScore(double score) {

    public SummaryScore {
        if (score < 0 || score > 100 || Double.isNaN(score)) {
            throw new IllegalArgumentException("The summary score lies in 0-100");
        }
    }

    /** Score to one decimal (half-up), as displayed. */
    public BigDecimal display() {
        return BigDecimal.valueOf(score).setScale(1, RoundingMode.HALF_UP);
    }
}
