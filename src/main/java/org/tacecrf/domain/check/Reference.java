package org.tacecrf.domain.check;

import java.util.Objects;

/**
 * A path to an item value as written in an expression: {@code item}, {@code form.item} or
 * {@code visit.form.item}, with visit and form ids as in the study definition (for example
 * {@code BASELINE.baseline.bili_total}, {@code TACE.tace_session.date}).
 * <p>
 * The language only records the path. What it means is decided by the {@link ValueResolver} of the
 * caller, relative to where the check runs: a bare {@code item} is in the current form (item-group
 * instance), {@code form.item} in the current visit, {@code visit.form.item} anywhere in the
 * subject's casebook. Ids are case-sensitive; an id starts with a letter or underscore followed by
 * letters, digits or underscores.
 *
 * @param visit visit (study event) id, or null when the path is relative to the current visit
 * @param form  form id, or null when the path is relative to the current form
 * @param item  item id
 */
public record Reference(String visit, String form, String item) {

    public Reference {
        Objects.requireNonNull(item, "item");
        if (visit != null && form == null) {
            throw new IllegalArgumentException("a path with a visit needs a form: " + visit + ".?." + item);
        }
        requireIdentifier(visit);
        requireIdentifier(form);
        requireIdentifier(item);
    }

    /** Parses a dotted path such as "BASELINE.baseline.bili_total". */
    public static Reference of(String path) {
        Objects.requireNonNull(path, "path");
        String[] parts = path.trim().split("\\.", -1);
        return switch (parts.length) {
            case 1 -> new Reference(null, null, parts[0]);
            case 2 -> new Reference(null, parts[0], parts[1]);
            case 3 -> new Reference(parts[0], parts[1], parts[2]);
            default -> throw new IllegalArgumentException("a path has one to three parts (visit.form.item): " + path);
        };
    }

    /** The path as written: "visit.form.item", "form.item" or "item". */
    public String path() {
        if (visit != null) {
            return visit + "." + form + "." + item;
        }
        return form != null ? form + "." + item : item;
    }

    /** Whether the text is a valid visit, form, item or parameter id. */
    public static boolean isIdentifier(String text) {
        if (text == null || text.isEmpty() || !isIdentifierStart(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            if (!isIdentifierPart(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }

    private static void requireIdentifier(String id) {
        if (id != null && !isIdentifier(id)) {
            throw new IllegalArgumentException("not a valid id: '" + id + "'");
        }
    }

    @Override
    public String toString() {
        return path();
    }
}
