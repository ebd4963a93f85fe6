package org.tacecrf.domain.tables;

import java.util.List;
import java.util.Objects;

/**
 * A column group of a table: the subjects of one arm, or all subjects.
 *
 * @param key      arm id, or {@link #TOTAL}
 * @param label    column label without n, e.g. "DEB-TACE"
 * @param subjects the subjects in it
 */
public record Group(String key, String label, List<AnalysedSubject> subjects) {

    /** Key of the group of all subjects. */
    public static final String TOTAL = "*";

    public Group {
        Objects.requireNonNull(key);
        Objects.requireNonNull(label);
        subjects = List.copyOf(subjects);
    }

    public int n() {
        return subjects.size();
    }

    /** "DEB-TACE (n=45)". */
    public String heading() {
        return label + " (n=" + n() + ")";
    }

    public boolean total() {
        return TOTAL.equals(key);
    }
}
