package org.tacecrf.application.audit;

/**
 * Who acts: the signed-in user with the role(s) they hold, or the system itself (start-up,
 * derivations, scheduled checks).
 */
public record Actor(Long userId, String username, String role) {

    public static final String SYSTEM_NAME = "system";

    public static Actor system() {
        return new Actor(null, SYSTEM_NAME, "SYSTEM");
    }

    public boolean isSystem() {
        return userId == null;
    }
}
