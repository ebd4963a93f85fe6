package org.tacecrf.domain.study;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A label or message in English (always present) with an optional Simplified Chinese version.
 *
 * @param en English text, never blank
 * @param zh Chinese text, or null when none was given
 */
public record LocalizedText(String en, String zh) {

    public LocalizedText {
        Objects.requireNonNull(en, "en");
        if (en.isBlank()) {
            throw new IllegalArgumentException("English text must not be blank");
        }
        if (zh != null && zh.isBlank()) {
            zh = null;
        }
    }

    public static LocalizedText of(String en) {
        return new LocalizedText(en, null);
    }

    public static LocalizedText of(String en, String zh) {
        return new LocalizedText(en, zh);
    }

    /** The text for the locale: Chinese when asked for and available, English otherwise. */
    public String get(Locale locale) {
        if (zh != null && locale != null && "zh".equals(locale.getLanguage())) {
            return zh;
        }
        return en;
    }

    public Optional<String> chinese() {
        return Optional.ofNullable(zh);
    }

    @Override
    public String toString() {
        return en;
    }
}
