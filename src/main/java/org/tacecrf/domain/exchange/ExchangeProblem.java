package org.tacecrf.domain.exchange;

import java.util.List;

import org.tacecrf.domain.casebook.ValueProblem;

/**
 * Something wrong (an error: the file is refused) or worth a look (a warning: the file may still be
 * committed) in an import file, located as precisely as the file allows.
 *
 * @param row        spreadsheet row number (the header is row 1), ODM line number, or 0 for the whole file
 * @param column     column name or ODM item, or null when the problem is not about one cell
 * @param value      the offending value as found in the file, or null
 * @param messageKey key of the English text in the application bundle (also used by the interface)
 * @param arguments  arguments of the message
 * @param error      true when the problem refuses the file
 */
public record ExchangeProblem(int row, String column, String value, String messageKey, List<Object> arguments, boolean error) {

    public ExchangeProblem {
        arguments = List.copyOf(arguments);
    }

    public static ExchangeProblem error(int row, String column, String value, String key, Object... arguments) {
        return new ExchangeProblem(row, column, value, key, List.of(arguments), true);
    }

    public static ExchangeProblem warning(int row, String column, String value, String key, Object... arguments) {
        return new ExchangeProblem(row, column, value, key, List.of(arguments), false);
    }

    /** A problem of the whole file (encoding, size, no header). */
    public static ExchangeProblem file(String key, Object... arguments) {
        return error(0, null, null, key, arguments);
    }

    /** A refused or unusual value, with the parser's reason. */
    public static ExchangeProblem of(int row, String column, String value, ValueProblem problem) {
        return new ExchangeProblem(row, column, value, problem.messageKey(), problem.arguments(), problem.error());
    }

    /** The reason in English, for reports, logs and the API. */
    public String englishText() {
        return new ValueProblem(messageKey, arguments, error).englishText();
    }

    /** "row 12, column weight: reason", as a report line. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(error ? "error" : "warning");
        if (row > 0) {
            s.append(", row ").append(row);
        }
        if (column != null) {
            s.append(", column ").append(column);
        }
        if (value != null) {
            s.append(", value '").append(value).append('\'');
        }
        return s.append(": ").append(englishText()).toString();
    }
}
