package org.tacecrf.domain.ctcae;

import java.math.BigDecimal;
import java.util.Objects;

import org.tacecrf.domain.clinical.LabUnit;

/**
 * Where a grade starts for this subject, in the unit of the graded value, e.g. grade 2 from
 * "> 120 U/L" when ULN is 40 U/L.
 *
 * @param grade      the grade reached
 * @param comparison how the value is compared with the limit
 * @param limit      the limit in {@code unit}
 * @param unit       unit of the graded value
 * @param criterion  the CTCAE criterion behind it, e.g. "> 3.0 x ULN"
 */
public record GradeThreshold(int grade, Comparison comparison, BigDecimal limit, LabUnit unit, String criterion) {

    /** Comparison of the value with the limit. */
    public enum Comparison {
        ABOVE(">"), AT_OR_ABOVE(">="), BELOW("<");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean test(BigDecimal value, BigDecimal limit) {
            int c = value.compareTo(limit);
            return switch (this) {
                case ABOVE -> c > 0;
                case AT_OR_ABOVE -> c >= 0;
                case BELOW -> c < 0;
            };
        }
    }

    public GradeThreshold {
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(criterion, "criterion");
    }

    /** Whether a value, in {@link #unit()}, reaches this threshold. */
    public boolean isReachedBy(BigDecimal value) {
        return comparison.test(value, limit);
    }

    /** E.g. "grade 2: > 120 U/L (> 3.0 x ULN)". */
    public String describe() {
        String u = unit == LabUnit.RATIO ? "" : " " + unit.symbol();
        return "grade " + grade + ": " + comparison.symbol() + " " + limit.stripTrailingZeros().toPlainString() + u
                + " (" + criterion + ")";
    }
}
