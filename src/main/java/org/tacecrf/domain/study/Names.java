package org.tacecrf.domain.study;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads enum values written by people: case, spaces, dots and dashes are ignored, so
 * {@code follow_up}, {@code follow-up} and {@code FOLLOW_UP} are the same, and so are
 * {@code RECIST1.1}, {@code RECIST 1.1} and {@code recist_1_1}.
 */
final class Names {

    private Names() {
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        String wanted = normalize(text);
        return Arrays.stream(type.getEnumConstants()).filter(e -> normalize(e.name()).equals(wanted)).findFirst();
    }

    /** The names as written in YAML: lowercase snake_case unless the enum says otherwise. */
    static <E extends Enum<E>> List<String> yamlNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> e instanceof YamlName y ? y.yamlName() : e.name().toLowerCase(Locale.ROOT)).toList();
    }

    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
