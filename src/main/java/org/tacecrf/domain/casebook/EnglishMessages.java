package org.tacecrf.domain.casebook;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Renders a message key of the application bundle in English outside the web layer. */
final class EnglishMessages {

    private static final String BUNDLE = "org.tacecrf.i18n.messages";

    private EnglishMessages() {
    }

    static String format(String key, List<Object> arguments) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH).getString(key);
        } catch (MissingResourceException e) {
            return key + (arguments.isEmpty() ? "" : " " + arguments);
        }
        return new MessageFormat(pattern, Locale.ENGLISH).format(arguments.toArray());
    }
}
