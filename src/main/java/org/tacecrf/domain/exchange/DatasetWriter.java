package org.tacecrf.domain.exchange;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Writes a data set row by row to a stream, never holding more than a few rows: the header is
 * written first, then each row as it comes (values as text: plain numbers, ISO dates, codes).
 */
public interface DatasetWriter extends Closeable {

    void header(List<Variable> variables) throws IOException;

    void row(List<String> values) throws IOException;

    /** Finishes the file; the underlying stream is flushed but left open. */
    @Override
    void close() throws IOException;
}
