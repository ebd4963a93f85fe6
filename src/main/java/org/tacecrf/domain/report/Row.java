package org.tacecrf.domain.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A body row: a label in the row-label column, indented by {@code level} (a variable "ECOG PS" at level 0,
 * its categories "0", "1" at level 1), followed by one cell per data column. A section row
 * ({@link Kind#SECTION}, e.g. "Multivariate analysis" or "1 month after TACE") has a label across the
 * whole width and no cells.
 */
public record Row(Kind kind, String label, int level, List<String> labelMarkers, List<Cell> cells) {

    /** Data rows carry cells; section rows only a label spanning the table. */
    public enum Kind { DATA, SECTION }

    public Row {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(label, "label");
        if (level < 0) {
            throw new IllegalArgumentException("An indentation level must not be negative.");
        }
        labelMarkers = List.copyOf(labelMarkers);
        cells = List.copyOf(cells);
        if (kind == Kind.SECTION && !cells.isEmpty()) {
            throw new IllegalArgumentException("A section row has no cells.");
        }
    }

    public static Row data(int level, String label, List<Cell> cells) {
        return new Row(Kind.DATA, label, level, List.of(), cells);
    }

    public static Row section(String label) {
        return new Row(Kind.SECTION, label, 0, List.of(), List.of());
    }

    public boolean isSection() {
        return kind == Kind.SECTION;
    }

    /** The label followed by its markers in Unicode superscript, for plain-text outputs. */
    public String labelWithMarkers() {
        return Markers.append(label, labelMarkers);
    }

    /** This row with footnote markers after its label, e.g. "Child-Pugh class" marked "c". */
    public Row marked(String... markers) {
        List<String> all = new ArrayList<>(labelMarkers);
        all.addAll(List.of(markers));
        return new Row(kind, label, level, all, cells);
    }

    Row formatted(Formats formats) {
        return new Row(kind, label, level, labelMarkers, cells.stream().map(c -> c.formatted(formats)).toList());
    }
}
