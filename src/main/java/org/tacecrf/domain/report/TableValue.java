package org.tacecrf.domain.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * One number of a table in long ("tidy") form, for checking against R or SPSS output: which row and
 * column it sits in (0-based body row; column 0 holds the row labels), the labels of both, the name of the
 * statistic (n, N, percent, mean, sd, median, q1, q3, min, max, estimate, lower, upper, p, value) and the
 * unrounded value, with the cell's printed text beside it.
 */
public record TableValue(String tableId, int row, String rowLabel, int column, String columnLabel,
        String statistic, double value, String text) {

    /** Column names of the long form, as exported. */
    public static final List<String> COLUMNS = List.of("table", "row", "row_label", "column", "column_label",
            "statistic", "value", "text");

    /** The value in full precision without exponent or trailing zeros ("29", "65.9090909090909"), "" for NaN. */
    public String valueText() {
        if (!Double.isFinite(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
