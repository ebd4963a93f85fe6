package org.tacecrf.domain.exchange;

import java.util.List;

/**
 * What a table reader found: the table (null when the file could not be read at all), the text
 * encoding used for a CSV file (null for workbooks), its delimiter, and every problem.
 */
public record TableReadResult(RawTable table, TextEncoding encoding, Character delimiter, List<ExchangeProblem> problems) {

    public TableReadResult {
        problems = List.copyOf(problems);
    }

    static TableReadResult failed(ExchangeProblem problem) {
        return new TableReadResult(null, null, null, List.of(problem));
    }

    public boolean readable() {
        return table != null;
    }
}
