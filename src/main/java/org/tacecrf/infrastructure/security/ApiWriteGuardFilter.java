package org.tacecrf.infrastructure.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CSRF defence for the REST API: a request that changes data must carry a bearer token. A browser
 * session cookie alone never authorises an API write, so another site cannot make a signed-in
 * user's browser post to the API.
 */
@WebFilter(filterName = "apiWriteGuard", urlPatterns = "/api/*")
public class ApiWriteGuardFilter extends HttpFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        if (!SAFE.contains(request.getMethod()) && !bearer) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"status\":403,\"error\":\"forbidden\",\"message\":\"API requests that change data need an API token (Authorization: Bearer ...)\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
