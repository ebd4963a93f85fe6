package org.tacecrf.domain.exchange;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a delimited text file: the encoding by {@link TextEncoding}, the delimiter from the header
 * line (comma, semicolon as written by Excel in many European locales, or tab as in "Unicode
 * text"), quotes as RFC 4180. Blank lines are skipped; row numbers are those a spreadsheet shows.
 */
public final class CsvTableReader {

    private CsvTableReader() {
    }

    public static TableReadResult read(byte[] content, ImportLimits limits) {
        Optional<TextEncoding.Decoded> decoded = TextEncoding.decode(content);
        if (decoded.isEmpty()) {
            return TableReadResult.failed(ExchangeProblem.file("exchange.file.encoding"));
        }
        String text = decoded.get().text();
        if (text.isBlank()) {
            return TableReadResult.failed(ExchangeProblem.file("exchange.file.empty"));
        }
        char delimiter = delimiter(text);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        List<ExchangeProblem> problems = new ArrayList<>();
        List<String> header = null;
        int headerRow = 0;
        List<RawTable.Row> rows = new ArrayList<>();
        long line = 1;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                long row = line;
                line = parser.getCurrentLineNumber() + 1;
                List<String> cells = record.toList();
                if (RawTable.blank(cells)) {
                    continue;
                }
                if (header == null) {
                    header = cells.stream().map(RawTable::columnName).toList();
                    headerRow = (int) row;
                    continue;
                }
                if (rows.size() >= limits.maxRows()) {
                    return TableReadResult.failed(ExchangeProblem.file("exchange.file.tooManyRows", limits.maxRows()));
                }
                rows.add(new RawTable.Row((int) row, cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(ExchangeProblem.error((int) line, null, null, "exchange.csv.malformed", e.getMessage() == null ? "" : e.getMessage()));
            return new TableReadResult(null, decoded.get().encoding(), delimiter, problems);
        }
        if (header == null) {
            return TableReadResult.failed(ExchangeProblem.file("exchange.file.empty"));
        }
        return new TableReadResult(new RawTable(headerRow, header, rows), decoded.get().encoding(), delimiter, problems);
    }

    /** The delimiter the first non-blank line uses most, outside quotes; a comma when none. */
    static char delimiter(String text) {
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : first.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }
}
