package org.tacecrf.domain.exchange;

import java.util.List;

/**
 * A file turned into form records, with every problem found without looking at the database:
 * header, keys, types, formats and hard ranges (errors), soft ranges (warnings).
 *
 * @param encoding text encoding of a CSV file, or null
 */
public record MappedImport(FileFormat format, TextEncoding encoding, List<ImportRecord> records, List<ExchangeProblem> problems) {

    public MappedImport {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(ExchangeProblem::error);
    }
}
