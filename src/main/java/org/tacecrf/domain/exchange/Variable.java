package org.tacecrf.domain.exchange;

import java.util.List;
import java.util.Objects;

/**
 * One column of an exported data set as statistics software sees it: name, label, storage type,
 * decimals or width, and value labels.
 *
 * @param name    column name (a valid SPSS and R name: letters, digits and underscores)
 * @param label   variable label, in English
 * @param type    storage type
 * @param decimals decimal places of a DECIMAL, or null when not fixed
 * @param width   longest text of a TEXT or CODE, or null when not known
 * @param values  value labels of a CODE (text codes) or of an INTEGER (e.g. 0 censored, 1 event)
 */
public record Variable(String name, String label, Type type, Integer decimals, Integer width, List<ValueLabel> values) {

    /** Storage types. */
    public enum Type {
        /** Free text. */
        TEXT,
        /** A text code with value labels. */
        CODE,
        /** Whole number (value labels allowed). */
        INTEGER,
        /** Number with decimals. */
        DECIMAL,
        /** ISO date, yyyy-mm-dd. */
        DATE,
        /** ISO date and time to the minute, yyyy-mm-ddThh:mm (the site's local time). */
        DATETIME;

        public boolean numeric() {
            return this == INTEGER || this == DECIMAL;
        }
    }

    /** A value and its label. */
    public record ValueLabel(String value, String label) {
    }

    public Variable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        values = List.copyOf(values);
    }

    public static Variable text(String name, String label, Integer width) {
        return new Variable(name, label, Type.TEXT, null, width, List.of());
    }

    public static Variable date(String name, String label) {
        return new Variable(name, label, Type.DATE, null, 10, List.of());
    }

    public static Variable dateTime(String name, String label) {
        return new Variable(name, label, Type.DATETIME, null, 16, List.of());
    }

    public static Variable integer(String name, String label) {
        return new Variable(name, label, Type.INTEGER, 0, null, List.of());
    }

    public static Variable decimal(String name, String label, Integer decimals) {
        return new Variable(name, label, Type.DECIMAL, decimals, null, List.of());
    }

    public static Variable code(String name, String label, List<ValueLabel> values) {
        int width = values.stream().mapToInt(v -> v.value().length()).max().orElse(1);
        return new Variable(name, label, Type.CODE, null, width, values);
    }

    /** 0/1 flag with labels, as survival and logistic models expect. */
    public static Variable flag(String name, String label, String no, String yes) {
        return new Variable(name, label, Type.INTEGER, 0, null, List.of(new ValueLabel("0", no), new ValueLabel("1", yes)));
    }
}
