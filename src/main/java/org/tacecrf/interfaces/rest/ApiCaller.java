package org.tacecrf.interfaces.rest;

import jakarta.ws.rs.core.HttpHeaders;

import org.tacecrf.domain.security.ApiTokens;

/** Names the API caller's token in audit records ("API token tace_ab12cd3…"), never the token itself. */
final class ApiCaller {

    private ApiCaller() {
    }

    static String sourceDetail(HttpHeaders headers) {
        String authorization = headers == null ? null : headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "API session";
        }
        return "API token " + ApiTokens.displayPrefix(authorization.substring(7).trim()) + "…";
    }
}
