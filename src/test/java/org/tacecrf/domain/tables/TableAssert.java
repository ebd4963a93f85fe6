package org.tacecrf.domain.tables;

import static org.assertj.core.api.Assertions.assertThat;

import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.report.TableValue;

/** Reads a built table by row path ("Sex / Male") and column, as printed or as numbers. */
final class TableAssert {

    private TableAssert() {
    }

    /** The printed text of a data cell; column 1 is the first data column. */
    static String text(StudyTable t, String rowPath, int column) {
        int r = t.rowPaths().indexOf(rowPath);
        assertThat(r).as("row %s in %s", rowPath, t.rowPaths()).isNotNegative();
        return t.rows().get(r).cells().get(column - 1).text();
    }

    /** A number behind a cell: the statistic ("n", "percent", "p", "median" ...) of the first column whose label starts so. */
    static double value(StudyTable t, String rowPath, String columnPrefix, String statistic) {
        return t.values().stream().filter(v -> v.rowLabel().equals(rowPath) && v.columnLabel().startsWith(columnPrefix)
                        && v.statistic().equals(statistic)).mapToDouble(TableValue::value).findFirst()
                .orElseThrow(() -> new AssertionError("no " + statistic + " at " + rowPath + " / " + columnPrefix
                        + " in " + t.rowPaths() + " " + t.columnLabels()));
    }

    static boolean hasRow(StudyTable t, String rowPath) {
        return t.rowPaths().contains(rowPath);
    }
}
