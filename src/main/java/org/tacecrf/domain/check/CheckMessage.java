package org.tacecrf.domain.check;

import java.util.Locale;
import java.util.Objects;

/**
 * The query text of an edit check in English, and optionally in Chinese for sites that work in
 * Chinese. Both are {@link MessageTemplate}s.
 *
 * @param english required
 * @param chinese may be null; English is used when it is
 */
public record CheckMessage(MessageTemplate english, MessageTemplate chinese) {

    public CheckMessage {
        Objects.requireNonNull(english, "english");
    }

    /** Parses both texts; a blank or null Chinese text means none. */
    public static CheckMessage of(String english, String chinese) {
        return new CheckMessage(MessageTemplate.parse(english),
                chinese == null || chinese.isBlank() ? null : MessageTemplate.parse(chinese));
    }

    /** The Chinese template for a Chinese locale when there is one, else the English one. */
    public MessageTemplate forLocale(Locale locale) {
        boolean wantsChinese = locale != null && "zh".equals(locale.getLanguage());
        return wantsChinese && chinese != null ? chinese : english;
    }
}
