package org.tacecrf.domain.tables;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tacecrf.domain.report.Cell;
import org.tacecrf.domain.report.StudyTable;

/**
 * Footnote markers for the tests of a table: each distinct test gets the next letter (a, b, c ...)
 * the first time a p-value uses it, and one footnote naming it.
 */
final class TestNotes {

    private final Map<String, String> markers = new LinkedHashMap<>();

    /** The p-value cell marked with its test; an empty cell when the test could not be computed. */
    Cell p(Comparison c) {
        return p(c.p(), c.method());
    }

    Cell p(double p, String method) {
        if (Double.isNaN(p)) {
            return Cell.empty();
        }
        return Cell.p(p).marked(marker(method));
    }

    String marker(String method) {
        return markers.computeIfAbsent(method, m -> String.valueOf((char) ('a' + markers.size())));
    }

    void addTo(StudyTable.Builder table) {
        markers.forEach((method, marker) -> table.footnote(marker, method + "."));
    }
}
