package org.tacecrf.domain.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes study tables to a stream in one output format. Implementations flush but never close the
 * caller's stream.
 */
public interface TableRenderer {

    /** Writes the tables, in order, as one document (one file, one workbook, one report). */
    void render(List<StudyTable> tables, OutputStream out) throws IOException;

    /** Writes one table. */
    default void render(StudyTable table, OutputStream out) throws IOException {
        render(List.of(table), out);
    }
}
