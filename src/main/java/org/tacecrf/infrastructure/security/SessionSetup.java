package org.tacecrf.infrastructure.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tacecrf.application.security.AuthenticationService;

/**
 * Session cookie attributes that web.xml cannot express from configuration (SameSite, Secure
 * behind TLS), and a sign-out event when an idle session times out.
 */
@WebListener
public class SessionSetup implements ServletContextListener, HttpSessionListener {

    /** Session attribute holding the user name, so an expiring session can be attributed. */
    public static final String USER_ATTRIBUTE = "org.tacecrf.username";
    public static final String ADDRESS_ATTRIBUTE = "org.tacecrf.address";
    public static final String LOGGED_OUT_ATTRIBUTE = "org.tacecrf.loggedOut";

    @Inject
    @ConfigProperty(name = "tace.security.cookie.secure", defaultValue = "false")
    boolean secureCookie;

    @Inject
    private AuthenticationService authentication;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookie);
        cookie.setAttribute("SameSite", "Lax");
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object user = event.getSession().getAttribute(USER_ATTRIBUTE);
        if (user != null && event.getSession().getAttribute(LOGGED_OUT_ATTRIBUTE) == null) {
            try {
                authentication.recordLogout(user.toString(), (String) event.getSession().getAttribute(ADDRESS_ATTRIBUTE), true);
            } catch (RuntimeException e) {
                // The database may already be closing at shutdown; the sign-in event stays recorded.
                java.util.logging.Logger.getLogger(SessionSetup.class.getName()).fine(() -> "Expiry not recorded: " + e);
            }
        }
    }
}
