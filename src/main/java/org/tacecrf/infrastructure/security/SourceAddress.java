package org.tacecrf.infrastructure.security;

import jakarta.servlet.http.HttpServletRequest;

/** The client address recorded with sign-in events. */
public final class SourceAddress {

    private SourceAddress() {
    }

    /**
     * The remote address of the connection. A reverse proxy's X-Forwarded-For is recorded beside
     * it, not instead of it, because a client can forge the header.
     */
    public static String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        String value = forwarded == null || forwarded.isBlank() ? remote : remote + " (for " + forwarded.trim() + ")";
        return value.length() > 64 ? value.substring(0, 64) : value;
    }
}
