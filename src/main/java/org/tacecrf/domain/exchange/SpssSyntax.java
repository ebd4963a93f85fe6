package org.tacecrf.domain.exchange;

import java.util.List;
import java.util.stream.Collectors;

/**
 * SPSS syntax that reads an exported CSV (UTF-8, comma-separated, first row names) with each
 * column's type, then sets variable labels, value labels and date display formats. Text is read as
 * strings of the column's width, codes as strings with their labels, numbers as F formats with
 * the item's decimals, dates ({@code yyyy-mm-dd}) as SDATE10, and date-times
 * ({@code yyyy-mm-ddThh:mm}, which no SPSS input format reads with its {@code T}) as strings turned
 * into date-time values shown as YMDHMS16.
 * <p>
 * No {@code SET UNICODE=ON}: SPSS 21 and later run in Unicode mode already, refuse the command while
 * a data set is open, and PSPP rejects it as a syntax error; the file's encoding comment and the
 * {@code /ENCODING} subcommand are what both read.
 */
public final class SpssSyntax {

    /** SPSS limits: 256 bytes for a label, 32767 for a string. */
    private static final int MAX_LABEL = 250;
    private static final int MAX_STRING = 32767;

    private SpssSyntax() {
    }

    public static String of(List<Variable> variables, String csvFileName, String datasetName) {
        StringBuilder s = new StringBuilder();
        s.append("* Encoding: UTF-8.\n");
        s.append("* Reads ").append(csvFileName).append(" (TACE eCRF export). Put the CSV next to this file or give its full path.\n\n");
        s.append("GET DATA\n  /TYPE=TXT\n  /FILE='").append(quote(csvFileName)).append("'\n  /ENCODING='UTF8'\n  /DELCASE=LINE\n")
                .append("  /DELIMITERS=\",\"\n  /QUALIFIER='\"'\n  /ARRANGEMENT=DELIMITED\n  /FIRSTCASE=2\n  /VARIABLES=\n");
        for (Variable v : variables) {
            s.append("    ").append(v.name()).append(' ').append(format(v)).append('\n');
        }
        s.append(".\n");
        for (Variable v : variables) {
            if (v.type() == Variable.Type.DATETIME) {
                String iso = v.name() + "_iso";
                // SUBSTR rather than CHAR.SUBSTR: SPSS reads both, PSPP only the first.
                s.append("RENAME VARIABLES (").append(v.name()).append(" = ").append(iso).append(").\n")
                        .append("COMPUTE ").append(v.name()).append(" = NUMBER(SUBSTR(").append(iso)
                        .append(", 1, 10), SDATE10) + NUMBER(SUBSTR(").append(iso).append(", 12, 5), TIME5).\n")
                        .append("FORMATS ").append(v.name()).append(" (YMDHMS16).\n")
                        .append("DELETE VARIABLES ").append(iso).append(".\n");
            }
        }
        s.append("VARIABLE LABELS\n");
        s.append(variables.stream().map(v -> "  " + v.name() + " '" + quote(truncate(v.label())) + "'")
                .collect(Collectors.joining("\n  /", "", ".\n")));
        List<Variable> labelled = variables.stream().filter(v -> !v.values().isEmpty()).toList();
        if (!labelled.isEmpty()) {
            s.append("VALUE LABELS\n");
            s.append(labelled.stream().map(SpssSyntax::valueLabels).collect(Collectors.joining("\n  /", "  ", ".\n")));
        }
        List<String> dates = variables.stream().filter(v -> v.type() == Variable.Type.DATE).map(Variable::name).toList();
        if (!dates.isEmpty()) {
            s.append("FORMATS ").append(String.join(" ", dates)).append(" (SDATE10).\n");
        }
        s.append("EXECUTE.\n");
        s.append("DATASET NAME ").append(datasetName).append(" WINDOW=FRONT.\n");
        return s.toString();
    }

    private static String format(Variable v) {
        return switch (v.type()) {
            case TEXT, CODE -> "A" + Math.max(1, Math.min(MAX_STRING, v.width() == null ? 255 : v.width()));
            case INTEGER -> "F8.0";
            case DECIMAL -> "F16." + (v.decimals() == null ? 4 : v.decimals());
            case DATE -> "SDATE10";
            case DATETIME -> "A16";
        };
    }

    private static String valueLabels(Variable v) {
        String values = v.values().stream().map(l -> (v.type().numeric() ? l.value() : "'" + quote(l.value()) + "'") + " '"
                + quote(truncate(l.label())) + "'").collect(Collectors.joining(" "));
        return v.name() + " " + values;
    }

    private static String truncate(String label) {
        return label.length() <= MAX_LABEL / 3 ? label : label.substring(0, MAX_LABEL / 3);
    }

    /** An apostrophe inside an SPSS string is written twice. */
    private static String quote(String text) {
        return text.replace("'", "''").replace("\n", " ");
    }
}
