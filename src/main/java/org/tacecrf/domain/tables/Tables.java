package org.tacecrf.domain.tables;

import java.util.ArrayList;
import java.util.List;

import org.tacecrf.domain.report.Cell;
import org.tacecrf.domain.report.HeaderCell;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.stats.Descriptives;
import org.tacecrf.domain.stats.QuantileDefinition;
import org.tacecrf.domain.stats.Quartiles;

/** What the table builders share: the note and source line, group headers and summary cells. */
final class Tables {

    /** Quartiles as SPSS prints them (HAVERAGE, R type 6), the convention of the seed papers. */
    static final QuantileDefinition QUARTILES = QuantileDefinition.SPSS_HAVERAGE;

    private Tables() {
    }

    /** A table with its population, N, the data cut-off and the source line. */
    static StudyTable.Builder start(AnalysisDataset d, String id, String title, String population, int n) {
        return StudyTable.builder(id, title).population(population, n).dataCutOff(d.cutOffDate().orElse(null))
                .source(source(d));
    }

    static String source(AnalysisDataset d) {
        return "Study " + d.study().id() + " (definition version " + d.study().version() + ")"
                + (d.lockedOnly() ? ", locked casebooks only" : "") + ".";
    }

    /** The label column's heading (e.g. "Characteristic"), one column per group, and "P value" when {@code withP}. */
    static HeaderCell[] header(String labelHeading, List<Group> groups, boolean withP) {
        List<HeaderCell> cells = new ArrayList<>();
        cells.add(HeaderCell.of(labelHeading));
        groups.forEach(g -> cells.add(HeaderCell.of(g.heading())));
        if (withP) {
            cells.add(HeaderCell.of("P value"));
        }
        return cells.toArray(HeaderCell[]::new);
    }

    /** Mean ± SD of the values, or an empty cell without any. */
    static Cell meanSd(double[] values, int decimals) {
        Descriptives d = Descriptives.of(values);
        return d.n() == 0 ? Cell.empty() : Cell.meanSd(d.mean(), d.standardDeviation(), decimals);
    }

    /** Median (IQR) of the values, or an empty cell without any. */
    static Cell medianIqr(double[] values, int decimals) {
        Descriptives d = Descriptives.of(values);
        if (d.n() == 0) {
            return Cell.empty();
        }
        Quartiles q = d.quartiles(QUARTILES);
        return Cell.medianIqr(q.median(), q.q1(), q.q3(), decimals);
    }

    /** Median (range) of the values, or an empty cell without any. */
    static Cell medianRange(double[] values, int decimals) {
        Descriptives d = Descriptives.of(values);
        return d.n() == 0 ? Cell.empty() : Cell.medianRange(d.median(), d.min(), d.max(), decimals);
    }

    /** n (%) with the denominator, or "0" without one. */
    static Cell countPercent(long count, long denominator) {
        return denominator == 0 ? Cell.count(count) : Cell.countPercent(count, denominator);
    }

    static Cell[] cells(List<Cell> cells) {
        return cells.toArray(Cell[]::new);
    }
}
