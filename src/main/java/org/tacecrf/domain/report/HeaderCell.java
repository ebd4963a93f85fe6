package org.tacecrf.domain.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A column-header cell that may span columns (e.g. "DEB-TACE (n=45)" over "n" and "%") and header rows
 * (e.g. "Characteristic" beside both header rows).
 */
public record HeaderCell(String text, int colSpan, int rowSpan, List<String> markers) {

    public HeaderCell {
        Objects.requireNonNull(text, "text");
        if (colSpan < 1 || rowSpan < 1) {
            throw new IllegalArgumentException("A header cell spans at least one row and one column.");
        }
        markers = List.copyOf(markers);
    }

    public static HeaderCell of(String text) {
        return new HeaderCell(text, 1, 1, List.of());
    }

    /** A cell over {@code columns} columns. */
    public static HeaderCell span(String text, int columns) {
        return new HeaderCell(text, columns, 1, List.of());
    }

    /** A cell down {@code rows} header rows. */
    public static HeaderCell tall(String text, int rows) {
        return new HeaderCell(text, 1, rows, List.of());
    }

    public HeaderCell marked(String... more) {
        List<String> all = new ArrayList<>(markers);
        all.addAll(List.of(more));
        return new HeaderCell(text, colSpan, rowSpan, all);
    }

    public String textWithMarkers() {
        return Markers.append(text, markers);
    }
}
