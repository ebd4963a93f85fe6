package org.tacecrf.infrastructure.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tacecrf.application.security.ApiTokenAuthenticator;
import org.tacecrf.application.security.AuthenticationResult;
import org.tacecrf.application.security.AuthenticationService;
import org.tacecrf.infrastructure.config.AppSettings;

/**
 * The one authentication mechanism of the application (Jakarta Security allows one):
 * <ul>
 *   <li>the project's own login page calls {@code SecurityContext.authenticate} with a user name and
 *       password; a success starts a session ({@link AutoApplySession});</li>
 *   <li>REST clients send {@code Authorization: Bearer <token>} with a personal API token and are
 *       authenticated per request, with no session;</li>
 *   <li>an unauthenticated request for a protected page is sent to the login page, and one for the
 *       API gets a JSON 401.</li>
 * </ul>
 */
@ApplicationScoped
@AutoApplySession
public class TaceAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String LOGIN_PAGE = "/login.xhtml";
    public static final String API_PREFIX = "/api/";
    /** Request attribute with the failed {@link AuthenticationResult}, for the login page's message. */
    public static final String RESULT_ATTRIBUTE = "org.tacecrf.authenticationResult";

    @Inject
    private AuthenticationService authentication;
    @Inject
    private ApiTokenAuthenticator apiTokens;
    @Inject
    private AppSettings settings;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return apiTokens.authenticate(authorization.substring(7).trim(), SourceAddress.of(request))
                    .map(caller -> context.notifyContainerAboutLogin(caller.username(), caller.groups()))
                    .orElseGet(() -> unauthorized(response, context, "invalid or expired API token"));
        }
        if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential credential) {
            AuthenticationResult result = authentication.authenticate(credential.getCaller(),
                    credential.getPassword().getValue(), SourceAddress.of(request));
            if (!result.succeeded()) {
                // No sendError: the login page renders again with the reason, as a 200.
                request.setAttribute(RESULT_ATTRIBUTE, result);
                return AuthenticationStatus.SEND_FAILURE;
            }
            request.changeSessionId();
            request.getSession().setMaxInactiveInterval(settings.sessionTimeoutMinutes() * 60);
            return context.notifyContainerAboutLogin(result.username(), result.groups());
        }
        if (context.isProtected() && context.getCallerPrincipal() == null) {
            if (isApi(request)) {
                return unauthorized(response, context, "authentication required");
            }
            return redirectToLogin(request, response, context);
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + API_PREFIX);
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context, String reason) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"tace-ecrf\"");
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"status\":401,\"error\":\"unauthorized\",\"message\":\"" + reason + "\"}");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus redirectToLogin(HttpServletRequest request, HttpServletResponse response,
                                                        HttpMessageContext context) {
        String target = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            target += "?" + request.getQueryString();
        }
        String location = request.getContextPath() + LOGIN_PAGE;
        if ("GET".equals(request.getMethod()) && !target.isEmpty() && !"/".equals(target)) {
            location += "?continue=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
        }
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // An AJAX request after the session expired: Faces' JavaScript follows this redirect.
            try {
                response.setContentType("text/xml;charset=UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                        + location.replace("&", "&amp;") + "\"/></partial-response>");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.redirect(location);
    }
}
