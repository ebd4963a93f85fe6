package org.tacecrf.domain.report;

/**
 * One number of a table in long ("tidy") form, for checking against R or SPSS output: which row and
 * column it sits in (0-based body row; column 0 is the stub), the labels of both, the name of the
 * statistic (n, N, percent, mean, sd, median, q1, q3, min, max, estimate, lower, upper, p, value) and the
 * unrounded value, with the cell's printed text beside it.
 */
public record TableValue(String tableId, int row, String rowLabel, int column, String columnLabel,
        String statistic, double value, String text) {
}
