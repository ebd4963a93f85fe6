package org.tacecrf.domain.exchange;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An R script (base R only) that reads an exported CSV with the right column classes, turns dates
 * into {@code Date}, date-times into {@code POSIXct} (in a nominal UTC zone, so the site's clock
 * time reads back exactly as written, without daylight-saving gaps), coded text into factors with
 * their labels (levels in code-list order), keeps numeric flags numeric with a {@code labels}
 * attribute of the column's type (0 censored, 1 event), and sets each
 * column's {@code label} attribute, the convention of the haven and labelled packages.
 */
public final class RSyntax {

    private RSyntax() {
    }

    public static String of(List<Variable> variables, String csvFileName, String dataFrameName) {
        StringBuilder s = new StringBuilder();
        s.append("# Reads ").append(csvFileName).append(" (TACE eCRF export) with types, value labels and variable labels.\n");
        s.append("# Set the working directory to the folder of the CSV, or give its full path.\n\n");
        s.append(dataFrameName).append(" <- read.csv(\"").append(escape(csvFileName))
                .append("\", fileEncoding = \"UTF-8-BOM\", na.strings = \"\", stringsAsFactors = FALSE, check.names = FALSE,\n");
        s.append("    colClasses = c(\n");
        s.append(variables.stream().map(v -> "        " + name(v) + " = \"" + rClass(v) + "\"").collect(Collectors.joining(",\n")));
        s.append("))\n\n");
        for (Variable v : variables) {
            String column = dataFrameName + "[[\"" + escape(v.name()) + "\"]]";
            if (v.type() == Variable.Type.DATE) {
                s.append(column).append(" <- as.Date(").append(column).append(", format = \"%Y-%m-%d\")\n");
            } else if (v.type() == Variable.Type.DATETIME) {
                s.append(column).append(" <- as.POSIXct(").append(column).append(", format = \"%Y-%m-%dT%H:%M\", tz = \"UTC\")\n");
            } else if (v.type() == Variable.Type.CODE && !v.values().isEmpty()) {
                s.append(column).append(" <- factor(").append(column).append(", levels = c(")
                        .append(v.values().stream().map(l -> "\"" + escape(l.value()) + "\"").collect(Collectors.joining(", ")))
                        .append("), labels = c(")
                        .append(v.values().stream().map(l -> "\"" + escape(l.label()) + "\"").collect(Collectors.joining(", ")))
                        .append("))\n");
            } else if (v.type().numeric() && !v.values().isEmpty()) {
                s.append("attr(").append(column).append(", \"labels\") <- c(")
                        .append(v.values().stream().map(l -> "\"" + escape(l.label()) + "\" = " + l.value() + literalSuffix(v))
                                .collect(Collectors.joining(", ")))
                        .append(")\n");
            }
        }
        s.append('\n');
        for (Variable v : variables) {
            s.append("attr(").append(dataFrameName).append("[[\"").append(escape(v.name())).append("\"]], \"label\") <- \"")
                    .append(escape(v.label())).append("\"\n");
        }
        return s.toString();
    }

    /**
     * {@code L} after the values of an integer column: the labels must have the column's type
     * (haven and labelled refuse a double label vector on an integer column).
     */
    private static String literalSuffix(Variable v) {
        return v.type() == Variable.Type.INTEGER ? "L" : "";
    }

    private static String rClass(Variable v) {
        return switch (v.type()) {
            case INTEGER -> "integer";
            case DECIMAL -> "numeric";
            case TEXT, CODE, DATE, DATETIME -> "character";
        };
    }

    /** A syntactic R name, or the name in backquotes. */
    private static String name(Variable v) {
        return v.name().matches("[A-Za-z][A-Za-z0-9._]*") ? v.name() : "`" + v.name() + "`";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }

}
