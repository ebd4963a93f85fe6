package org.tacecrf.domain.stats;

import java.util.List;

/**
 * An r x c table of counts with the tests SPSS CROSSTABS and R {@code chisq.test}/{@code fisher.test}
 * report. Rows or columns without any case are kept for display but left out of the tests (their
 * expected counts are zero), and the degrees of freedom count only the non-empty ones.
 * <p>
 * Conventions: SPSS's "Pearson Chi-Square" has no continuity correction (R
 * {@code chisq.test(x, correct = FALSE)}); R's default {@code chisq.test(x)} applies Yates'
 * correction to 2 x 2 tables, SPSS prints it separately as "Continuity Correction".
 */
public final class ContingencyTable {

    private final long[][] counts;
    private final long[] rowTotals;
    private final long[] columnTotals;
    private final long total;

    private ContingencyTable(long[][] counts) {
        if (counts.length == 0 || counts[0].length == 0) {
            throw new IllegalArgumentException("A contingency table needs at least one row and one column.");
        }
        int cols = counts[0].length;
        this.counts = new long[counts.length][];
        this.rowTotals = new long[counts.length];
        this.columnTotals = new long[cols];
        long n = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != cols) {
                throw new IllegalArgumentException("All rows of a contingency table must have the same length.");
            }
            this.counts[i] = counts[i].clone();
            for (int j = 0; j < cols; j++) {
                if (counts[i][j] < 0) {
                    throw new IllegalArgumentException("Counts cannot be negative.");
                }
                rowTotals[i] += counts[i][j];
                columnTotals[j] += counts[i][j];
                n += counts[i][j];
            }
        }
        this.total = n;
    }

    /** A table from counts, {@code counts[row][column]}. */
    public static ContingencyTable of(long[][] counts) {
        return new ContingencyTable(counts);
    }

    /** A table from counts, {@code counts[row][column]}. */
    public static ContingencyTable of(int[][] counts) {
        long[][] c = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            c[i] = new long[counts[i].length];
            for (int j = 0; j < counts[i].length; j++) {
                c[i][j] = counts[i][j];
            }
        }
        return new ContingencyTable(c);
    }

    /**
     * Cross-tabulates paired observations; a pair with a {@code null} or a value outside the given
     * levels is not counted (complete cases, as SPSS CROSSTABS).
     */
    public static <R, C> ContingencyTable crossTabulate(List<R> rowValues, List<C> columnValues,
                                                        List<R> rowLevels, List<C> columnLevels) {
        if (rowValues.size() != columnValues.size()) {
            throw new IllegalArgumentException("The two variables must have the same number of values.");
        }
        long[][] counts = new long[rowLevels.size()][columnLevels.size()];
        for (int k = 0; k < rowValues.size(); k++) {
            R r = rowValues.get(k);
            C c = columnValues.get(k);
            if (r == null || c == null) {
                continue;
            }
            int i = rowLevels.indexOf(r);
            int j = columnLevels.indexOf(c);
            if (i >= 0 && j >= 0) {
                counts[i][j]++;
            }
        }
        return new ContingencyTable(counts);
    }

    public int rows() {
        return counts.length;
    }

    public int columns() {
        return counts[0].length;
    }

    public long count(int row, int column) {
        return counts[row][column];
    }

    public long rowTotal(int row) {
        return rowTotals[row];
    }

    public long columnTotal(int column) {
        return columnTotals[column];
    }

    public long total() {
        return total;
    }

    /** Expected count under independence, {@code rowTotal * columnTotal / n}. */
    public double expected(int row, int column) {
        return total == 0 ? Double.NaN : (double) rowTotals[row] * columnTotals[column] / total;
    }

    /**
     * The expected-count rule printed under SPSS chi-square tables ("n cells (x%) have expected count
     * less than 5. The minimum expected count is y."), computed over non-empty rows and columns.
     *
     * @param cellsBelowFive     number of cells with expected count below 5
     * @param cells              number of cells considered
     * @param percentBelowFive   100 * cellsBelowFive / cells
     * @param minimumExpected    smallest expected count
     * @param chiSquareQuestionable true when more than 20% of the cells have expected count below 5
     *                              (Cochran's rule), so that an exact test is advisable
     */
    public record ExpectedCountCheck(int cellsBelowFive, int cells, double percentBelowFive, double minimumExpected,
                                     boolean chiSquareQuestionable) {
    }

    public ExpectedCountCheck expectedCountCheck() {
        int below = 0;
        int cells = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < columns(); j++) {
                if (rowTotals[i] == 0 || columnTotals[j] == 0) {
                    continue;
                }
                double e = expected(i, j);
                cells++;
                min = Math.min(min, e);
                if (e < 5) {
                    below++;
                }
            }
        }
        double percent = cells == 0 ? Double.NaN : 100.0 * below / cells;
        return new ExpectedCountCheck(below, cells, percent, cells == 0 ? Double.NaN : min, percent > 20);
    }

    private int nonEmptyRows() {
        int k = 0;
        for (long r : rowTotals) {
            if (r > 0) {
                k++;
            }
        }
        return k;
    }

    private int nonEmptyColumns() {
        int k = 0;
        for (long c : columnTotals) {
            if (c > 0) {
                k++;
            }
        }
        return k;
    }

    private int degreesOfFreedom() {
        return (nonEmptyRows() - 1) * (nonEmptyColumns() - 1);
    }

    /**
     * Pearson chi-square without continuity correction, {@code sum((O - E)^2 / E)} with
     * {@code (r - 1)(c - 1)} df: SPSS "Pearson Chi-Square", R {@code chisq.test(x, correct = FALSE)}.
     */
    public TestResult pearsonChiSquare() {
        return chiSquare("Pearson chi-square", 0.0);
    }

    /**
     * Pearson chi-square with Yates' continuity correction for a 2 x 2 table,
     * {@code sum((|O - E| - min(0.5, |O - E|))^2 / E)}: R's default {@code chisq.test(x)} for 2 x 2,
     * SPSS "Continuity Correction".
     *
     * @throws IllegalStateException when the table is not 2 x 2 after removing empty rows and columns
     */
    public TestResult yatesChiSquare() {
        if (nonEmptyRows() != 2 || nonEmptyColumns() != 2) {
            throw new IllegalStateException("Yates' continuity correction applies to 2 x 2 tables only.");
        }
        double yates = 0.5;
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < columns(); j++) {
                if (rowTotals[i] > 0 && columnTotals[j] > 0) {
                    yates = Math.min(yates, Math.abs(counts[i][j] - expected(i, j)));
                }
            }
        }
        return chiSquare("Pearson chi-square with Yates' continuity correction", yates);
    }

    private TestResult chiSquare(String method, double correction) {
        int df = degreesOfFreedom();
        if (df == 0) {
            return new TestResult(method, Double.NaN, 0, Double.NaN);
        }
        double x2 = 0;
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < columns(); j++) {
                if (rowTotals[i] == 0 || columnTotals[j] == 0) {
                    continue;
                }
                double e = expected(i, j);
                double d = Math.abs(counts[i][j] - e) - correction;
                x2 += d * d / e;
            }
        }
        return new TestResult(method, x2, df, Distributions.chiSquareUpperTail(x2, df));
    }

    /**
     * Likelihood-ratio chi-square {@code G = 2 sum(O ln(O / E))} with {@code (r - 1)(c - 1)} df: SPSS
     * "Likelihood Ratio".
     */
    public TestResult likelihoodRatioChiSquare() {
        int df = degreesOfFreedom();
        String method = "Likelihood-ratio chi-square";
        if (df == 0) {
            return new TestResult(method, Double.NaN, 0, Double.NaN);
        }
        double g = 0;
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < columns(); j++) {
                if (counts[i][j] > 0) {
                    g += counts[i][j] * Math.log(counts[i][j] / expected(i, j));
                }
            }
        }
        g *= 2;
        return new TestResult(method, g, df, Distributions.chiSquareUpperTail(g, df));
    }

    /**
     * Chi-square for trend (SPSS "Linear-by-Linear Association", Mantel-Haenszel): {@code (n - 1) r^2}
     * with 1 df, where r is the Pearson correlation of the row and column scores 1, 2, ... weighted
     * by the counts. Meaningful when both variables are ordered.
     */
    public TestResult linearByLinear() {
        String method = "Linear-by-linear association";
        double n = total;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < columns(); j++) {
                double w = counts[i][j];
                double x = i + 1;
                double y = j + 1;
                sx += w * x;
                sy += w * y;
                sxx += w * x * x;
                syy += w * y * y;
                sxy += w * x * y;
            }
        }
        double cov = sxy - sx * sy / n;
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        if (n < 2 || vx <= 0 || vy <= 0) {
            return new TestResult(method, Double.NaN, 1, Double.NaN);
        }
        double r = cov / Math.sqrt(vx * vy);
        double stat = (n - 1) * r * r;
        return new TestResult(method, stat, 1, Distributions.chiSquareUpperTail(stat, 1));
    }

    /**
     * Fisher's exact test, two-sided, for any r x c table: R {@code fisher.test(x)} p-value, SPSS
     * "Fisher's Exact Test" (2-sided). See {@link FisherExact} for the algorithm.
     *
     * @throws IllegalStateException when the table is too large to enumerate
     */
    public TestResult fisherExact() {
        return new TestResult("Fisher's exact test", Double.NaN, Double.NaN, FisherExact.pValue(counts));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContingencyTable other && java.util.Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ContingencyTable" + java.util.Arrays.deepToString(counts);
    }
}
