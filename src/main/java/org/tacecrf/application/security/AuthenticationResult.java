package org.tacecrf.application.security;

import java.time.Instant;
import java.util.Set;

/** The answer to a sign-in attempt. Failures say no more than the user may know. */
public record AuthenticationResult(Status status, String username, Set<String> groups, Instant lockedUntil,
                                   boolean mustChangePassword) {

    public enum Status { SUCCESS, INVALID_CREDENTIALS, LOCKED, DISABLED }

    public static AuthenticationResult failed(Status status, Instant lockedUntil) {
        return new AuthenticationResult(status, null, Set.of(), lockedUntil, false);
    }

    public boolean succeeded() {
        return status == Status.SUCCESS;
    }
}
