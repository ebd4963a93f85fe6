package org.tacecrf.infrastructure.security;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tacecrf.application.security.CurrentUser;

/**
 * A user whose password was set by someone else (new account, reset) must choose their own before
 * doing anything else.
 */
@WebFilter(filterName = "passwordChange", urlPatterns = {"/app/*", "/admin/*", "/index.xhtml"})
public class PasswordChangeFilter extends HttpFilter {

    public static final String CHANGE_PAGE = "/app/account/password.xhtml";

    @Inject
    private CurrentUser currentUser;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getUserPrincipal() != null && !path.equals(CHANGE_PAGE)
                && currentUser.isAuthenticated() && currentUser.get().isMustChangePassword()) {
            response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
