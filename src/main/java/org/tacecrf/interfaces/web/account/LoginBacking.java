package org.tacecrf.interfaces.web.account;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.tacecrf.application.security.AuthenticationResult;
import org.tacecrf.application.security.AuthenticationService;
import org.tacecrf.infrastructure.security.SessionSetup;
import org.tacecrf.infrastructure.security.SourceAddress;
import org.tacecrf.infrastructure.security.TaceAuthenticationMechanism;
import org.tacecrf.interfaces.web.support.Messages;

/** The login page and sign-out. */
@Named
@RequestScoped
public class LoginBacking {

    public static final String HOME = "/app/home.xhtml";

    @Inject
    private SecurityContext securityContext;
    @Inject
    private AuthenticationService authentication;

    private String username;
    private String password;
    private String continueTo;

    public void login() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username == null ? "" : username, new Password(
                                password == null ? "" : password))));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            HttpSession session = request.getSession();
            session.setAttribute(SessionSetup.USER_ATTRIBUTE, request.getUserPrincipal().getName());
            session.setAttribute(SessionSetup.ADDRESS_ATTRIBUTE, SourceAddress.of(request));
            external.redirect(external.getRequestContextPath() + safeTarget(continueTo));
            context.responseComplete();
            return;
        }
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            context.responseComplete();
            return;
        }
        AuthenticationResult result = (AuthenticationResult) request.getAttribute(TaceAuthenticationMechanism.RESULT_ATTRIBUTE);
        if (result != null && result.status() == AuthenticationResult.Status.LOCKED) {
            String until = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault()).format(result.lockedUntil());
            Messages.error(null, "login.locked", until);
        } else if (result != null && result.status() == AuthenticationResult.Status.DISABLED) {
            Messages.error(null, "login.disabled");
        } else {
            Messages.error(null, "login.invalid");
        }
        context.getExternalContext().setResponseStatus(HttpServletResponse.SC_OK);
    }

    public void logout() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getUserPrincipal() != null) {
            authentication.recordLogout(request.getUserPrincipal().getName(), SourceAddress.of(request), false);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(SessionSetup.LOGGED_OUT_ATTRIBUTE, Boolean.TRUE);
        }
        try {
            request.logout();
        } catch (jakarta.servlet.ServletException e) {
            // The session is invalidated below either way.
        }
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?loggedOut=true");
        context.responseComplete();
    }

    /** Only paths inside this application: never another host (no open redirect). */
    static String safeTarget(String target) {
        if (target == null || target.isBlank() || !target.startsWith("/") || target.startsWith("//")
                || target.contains("\\") || target.contains("\r") || target.contains("\n")
                || target.startsWith("/login.xhtml") || target.startsWith("/error/")) {
            return HOME;
        }
        return target;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getContinueTo() {
        return continueTo;
    }

    public void setContinueTo(String continueTo) {
        this.continueTo = continueTo;
    }
}
