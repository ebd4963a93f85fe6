package org.tacecrf.domain.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The password rules of the installation: at least {@value #MIN_LENGTH} characters, not the user
 * name (in any case, and not containing it), not a single repeated character, not the current
 * password. Part 11 sets no numbers; these are the defaults of the risk assessment in the README.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    /** A rule a proposed password breaks; {@link #messageKey()} names the text in the bundle. */
    public enum Violation {
        TOO_SHORT, TOO_LONG, CONTAINS_USERNAME, SINGLE_CHARACTER, SAME_AS_CURRENT;

        public String messageKey() {
            return "password.violation." + name();
        }
    }

    private PasswordPolicy() {
    }

    /**
     * @param sameAsCurrent whether the proposal equals the password being replaced (the caller
     *                      checks it against the stored hash)
     */
    public static List<Violation> check(String username, String proposed, boolean sameAsCurrent) {
        List<Violation> violations = new ArrayList<>();
        String password = proposed == null ? "" : proposed;
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            violations.add(Violation.TOO_SHORT);
        }
        if (password.length() > MAX_LENGTH) {
            violations.add(Violation.TOO_LONG);
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            violations.add(Violation.CONTAINS_USERNAME);
        }
        if (!password.isEmpty() && password.chars().distinct().count() == 1) {
            violations.add(Violation.SINGLE_CHARACTER);
        }
        if (sameAsCurrent) {
            violations.add(Violation.SAME_AS_CURRENT);
        }
        return List.copyOf(violations);
    }
}
