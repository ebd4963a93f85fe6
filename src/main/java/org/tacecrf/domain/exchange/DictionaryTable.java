package org.tacecrf.domain.exchange;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A data dictionary ready to write: column headings, one row per variable or item, and notes below.
 */
public record DictionaryTable(List<String> header, List<List<String>> rows, List<String> notes) {

    public DictionaryTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
    }

    public static DictionaryTable of(DataDictionary dictionary) {
        return new DictionaryTable(DataDictionary.HEADER, dictionary.rows(), dictionary.notes());
    }

    /** The dictionary of a data set given by its variables. */
    public static DictionaryTable of(List<Variable> variables, List<String> notes) {
        List<List<String>> rows = variables.stream().map(v -> List.of(v.name(), v.label(), v.type().name().toLowerCase(java.util.Locale.ROOT),
                v.decimals() == null || v.type() != Variable.Type.DECIMAL ? "" : v.decimals().toString(),
                v.values().stream().map(l -> l.value() + " = " + l.label()).collect(Collectors.joining("; ")))).toList();
        return new DictionaryTable(List.of("column", "label", "type", "decimals", "codes"), rows, notes);
    }
}
