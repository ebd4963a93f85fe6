package org.tacecrf.domain.tables;

import java.util.ArrayList;
import java.util.List;

import org.tacecrf.domain.report.Cell;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.study.AnalysisConfig;
import org.tacecrf.domain.study.AnalysisConfig.ComparisonTest;
import org.tacecrf.domain.study.AnalysisConfig.Summary;
import org.tacecrf.domain.study.AnalysisConfig.VariableType;
import org.tacecrf.domain.study.AnalysisVariable;
import org.tacecrf.domain.study.AnalysisVariable.Level;

/**
 * Baseline characteristics, overall and by arm: the variables of {@code analysis.baseline} in order.
 * A categorised variable shows n (%) per level, the percentage of the patients with a value (SPSS
 * "Valid Percent"), and the patients without one as "Not recorded"; a continuous variable shows
 * mean ± SD or median (IQR) and, with cut-offs, its levels below. With two or more arms each
 * variable has one p-value: the variable's test from the study file or the default of its type
 * ({@link AnalysisConfig.Tests}; ordinal variables by Mann-Whitney), on the summary when one is
 * shown, else on the levels. Multiple-choice variables (a patient may have several levels) have no test.
 */
final class BaselineTable {

    static final String ID = "baseline";

    private BaselineTable() {
    }

    static StudyTable build(AnalysisDataset d, String title) {
        AnalysisConfig config = d.study().analysis();
        List<Group> columns = d.columns();
        List<Group> arms = d.arms();
        boolean compare = d.comparesArms();
        TestNotes tests = new TestNotes();
        StudyTable.Builder t = Tables.start(d, ID, title, d.population(), d.n())
                .methods("Categorical variables are n (%) of the patients with a value; continuous variables mean ± SD"
                        + " or median (IQR, SPSS weighted-average quartiles).")
                .header(Tables.header("Characteristic", columns, compare));
        boolean multiple = false;
        for (String id : config.baseline()) {
            AnalysisVariable v = config.requireVariable(id);
            multiple |= v.multiple();
            rows(t, v, columns, arms, compare, config.tests(), tests);
        }
        tests.addTo(t);
        if (multiple) {
            t.footnote("For multiple-choice characteristics a patient may fall into more than one category.");
        }
        return t.build();
    }

    private static void rows(StudyTable.Builder t, AnalysisVariable v, List<Group> columns, List<Group> arms,
                             boolean compare, AnalysisConfig.Tests defaults, TestNotes notes) {
        ComparisonTest test = test(v, defaults);
        Cell p = Cell.empty();
        if (compare && test != ComparisonTest.NONE) {
            p = notes.p(compare(v, arms, test));
        }
        boolean summary = v.numeric() && v.summary() != Summary.NONE;
        List<Cell> head = new ArrayList<>();
        for (Group g : columns) {
            if (summary) {
                double[] x = g.subjects().stream().mapToDouble(s -> VariableReader.number(v, s)).toArray();
                head.add(v.summary() == Summary.MEAN_SD ? Tables.meanSd(x, v.decimals())
                        : Tables.medianIqr(x, v.decimals()));
            } else {
                head.add(Cell.empty());
            }
        }
        String label = v.label().en() + (summary ? (v.summary() == Summary.MEAN_SD ? ", mean ± SD" : ", median (IQR)")
                : "");
        if (compare) {
            head.add(p);
        }
        t.row(0, label, Tables.cells(head));
        // one pass over each group: patients per level, and patients with a value
        List<java.util.Map<String, Long>> counts = new ArrayList<>();
        List<Long> recorded = new ArrayList<>();
        for (Group g : columns) {
            java.util.Map<String, Long> byLevel = new java.util.HashMap<>();
            long withValue = 0;
            for (AnalysedSubject s : g.subjects()) {
                if (v.multiple()) {
                    if (VariableReader.recorded(v, s)) {
                        withValue++;
                        VariableReader.levels(v, s).forEach(l -> byLevel.merge(l, 1L, Long::sum));
                    }
                } else if (v.categorised()) {
                    String level = VariableReader.level(v, s);
                    if (level != null) {
                        withValue++;
                        byLevel.merge(level, 1L, Long::sum);
                    }
                } else if (!Double.isNaN(VariableReader.number(v, s))) {
                    withValue++;
                }
            }
            counts.add(byLevel);
            recorded.add(withValue);
        }
        for (Level level : v.levels()) {
            List<Cell> cells = new ArrayList<>();
            for (int j = 0; j < columns.size(); j++) {
                cells.add(Tables.countPercent(counts.get(j).getOrDefault(level.code(), 0L), recorded.get(j)));
            }
            if (compare) {
                cells.add(Cell.empty());
            }
            t.row(1, level.label().en(), Tables.cells(cells));
        }
        if (java.util.stream.IntStream.range(0, columns.size()).allMatch(j -> recorded.get(j) == columns.get(j).n())) {
            return;
        }
        List<Cell> cells = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            cells.add(Cell.count(columns.get(j).n() - recorded.get(j)));
        }
        if (compare) {
            cells.add(Cell.empty());
        }
        t.row(1, "Not recorded", Tables.cells(cells));
    }

    /** The test of the variable: as written in the study file, else the default of its type. */
    static ComparisonTest test(AnalysisVariable v, AnalysisConfig.Tests defaults) {
        if (v.test() != null) {
            return v.test();
        }
        if (v.multiple()) {
            return ComparisonTest.NONE;
        }
        if (v.numeric() && v.summary() != Summary.NONE) {
            return v.summary() == Summary.MEAN_SD ? defaults.continuous() : defaults.continuousMedian();
        }
        return v.type() == VariableType.ORDINAL ? defaults.ordinal() : defaults.categorical();
    }

    /** Runs the test on the arms: on the levels for count tests, on numbers or ranks for the others. */
    static Comparison compare(AnalysisVariable v, List<Group> arms, ComparisonTest test) {
        if (test == ComparisonTest.CHI_SQUARE || test == ComparisonTest.FISHER
                || test == ComparisonTest.CHI_SQUARE_OR_FISHER) {
            long[][] counts = new long[v.levels().size()][arms.size()];
            for (int j = 0; j < arms.size(); j++) {
                for (AnalysedSubject s : arms.get(j).subjects()) {
                    String level = VariableReader.level(v, s);
                    for (int i = 0; i < v.levels().size(); i++) {
                        if (v.levels().get(i).code().equals(level)) {
                            counts[i][j]++;
                        }
                    }
                }
            }
            return Comparison.counts(counts, test);
        }
        List<List<AnalysedSubject>> groups = arms.stream().map(Group::subjects).toList();
        return Comparison.values(groups, s -> VariableReader.ordered(v, s), test);
    }
}
