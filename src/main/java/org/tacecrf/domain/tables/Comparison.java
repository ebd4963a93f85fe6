package org.tacecrf.domain.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.tacecrf.domain.stats.ContingencyTable;
import org.tacecrf.domain.stats.KruskalWallis;
import org.tacecrf.domain.stats.MannWhitney;
import org.tacecrf.domain.stats.OneWayAnova;
import org.tacecrf.domain.stats.TTest;
import org.tacecrf.domain.stats.TestResult;
import org.tacecrf.domain.study.AnalysisConfig.ComparisonTest;

/**
 * Runs a between-group test and names it for the footnote. Counts: Pearson chi-square without
 * continuity correction (SPSS "Pearson Chi-Square"; R {@code chisq.test(x, correct = FALSE)}),
 * Fisher's exact test, or chi-square unless more than 20 % of the expected counts are below 5 (then
 * Fisher). Values: Mann-Whitney U asymptotic with ties correction (SPSS; R {@code wilcox.test(exact =
 * FALSE, correct = FALSE)}), Kruskal-Wallis for more than two groups; Student's pooled t-test
 * (R {@code t.test(var.equal = TRUE)}) or Welch's, one-way ANOVA for more than two groups. A test that
 * cannot be computed (one group left, no variation) gives NaN, printed as an empty cell.
 */
record Comparison(String method, double p) {

    static final String CHI_SQUARE = "Pearson chi-square test without continuity correction";
    static final String FISHER = "Fisher's exact test (two-sided)";
    static final String MANN_WHITNEY = "Mann-Whitney U test (asymptotic, corrected for ties)";
    static final String STUDENT = "Student's t-test (equal variances)";
    static final String WELCH = "Welch's t-test";
    static final String KRUSKAL_WALLIS = "Kruskal-Wallis test";
    static final String ANOVA = "One-way ANOVA";

    /** A contingency test of counts[level][group]. */
    static Comparison counts(long[][] counts, ComparisonTest test) {
        ContingencyTable table = ContingencyTable.of(counts);
        return switch (test) {
            case FISHER -> fisher(table);
            case CHI_SQUARE_OR_FISHER -> table.expectedCountCheck().chiSquareQuestionable() ? fisher(table)
                    : chiSquare(table);
            default -> chiSquare(table);
        };
    }

    private static Comparison chiSquare(ContingencyTable table) {
        return new Comparison(CHI_SQUARE, table.pearsonChiSquare().pValue());
    }

    private static Comparison fisher(ContingencyTable table) {
        try {
            return new Comparison(FISHER, table.fisherExact().pValue());
        } catch (IllegalStateException tooLarge) {
            // beyond the exact test's budget: the chi-square test is reported instead
            return chiSquare(table);
        }
    }

    /** A test of values by group: rank tests or t-tests. */
    static <T> Comparison values(List<List<T>> groups, ToDoubleFunction<T> value, ComparisonTest test) {
        List<double[]> data = new ArrayList<>();
        for (List<T> g : groups) {
            data.add(g.stream().mapToDouble(value).toArray());
        }
        boolean two = data.size() == 2;
        return switch (test) {
            case MANN_WHITNEY -> two ? mannWhitney(data.get(0), data.get(1))
                    : result(KRUSKAL_WALLIS, KruskalWallis.test(data));
            case T_TEST -> two ? student(data.get(0), data.get(1)) : result(ANOVA, OneWayAnova.test(data));
            case WELCH -> two ? welch(data.get(0), data.get(1)) : result(ANOVA, OneWayAnova.test(data));
            default -> throw new IllegalArgumentException(test + " does not compare values");
        };
    }

    private static Comparison mannWhitney(double[] x, double[] y) {
        if (present(x) == 0 || present(y) == 0) {
            return new Comparison(MANN_WHITNEY, Double.NaN);
        }
        return new Comparison(MANN_WHITNEY, MannWhitney.test(x, y).asymptoticP());
    }

    private static Comparison student(double[] x, double[] y) {
        if (present(x) < 1 || present(y) < 1 || present(x) + present(y) < 3) {
            return new Comparison(STUDENT, Double.NaN);
        }
        return new Comparison(STUDENT, TTest.student(x, y).pValue());
    }

    private static Comparison welch(double[] x, double[] y) {
        if (present(x) < 2 || present(y) < 2) {
            return new Comparison(WELCH, Double.NaN);
        }
        return new Comparison(WELCH, TTest.welch(x, y).pValue());
    }

    private static Comparison result(String method, TestResult r) {
        return new Comparison(method, r.pValue());
    }

    private static int present(double[] x) {
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }
}
