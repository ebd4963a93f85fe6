package org.tacecrf.interfaces.web.account;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.tacecrf.application.user.AccountService;
import org.tacecrf.infrastructure.security.SourceAddress;
import org.tacecrf.interfaces.web.support.Messages;
import org.tacecrf.model.user.ApiToken;

/** The user's own account: password change and personal API tokens. */
@Named
@ViewScoped
public class AccountBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient AccountService account;

    private String current;
    private String proposed;
    private String confirmation;
    private String tokenName;
    private int tokenDays = 90;
    private String newToken;

    public void changePassword() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
        account.changePassword(chars(current), chars(proposed), chars(confirmation), SourceAddress.of(request));
        current = proposed = confirmation = null;
        context.getExternalContext().getFlash().setKeepMessages(true);
        Messages.info("password.changed");
        context.getExternalContext().redirect(context.getExternalContext().getRequestContextPath() + LoginBacking.HOME);
    }

    public void createToken() {
        newToken = account.createToken(tokenName, tokenDays);
        tokenName = null;
        Messages.info("token.created");
    }

    public void revoke(long tokenId) {
        account.revokeToken(tokenId);
        Messages.info("token.revoked");
    }

    /**
     * The idle time after which this session ends, in minutes, as the server applies it (set at
     * sign-in from {@code tace.session.timeout-minutes}), so users know when unsaved work is at risk.
     */
    public int getSessionTimeoutMinutes() {
        Object session = FacesContext.getCurrentInstance().getExternalContext().getSession(false);
        return session instanceof jakarta.servlet.http.HttpSession http ? http.getMaxInactiveInterval() / 60 : 0;
    }

    public List<ApiToken> getTokens() {
        return account.tokens();
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }

    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
    public String getProposed() { return proposed; }
    public void setProposed(String proposed) { this.proposed = proposed; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    public String getTokenName() { return tokenName; }
    public void setTokenName(String tokenName) { this.tokenName = tokenName; }
    public int getTokenDays() { return tokenDays; }
    public void setTokenDays(int tokenDays) { this.tokenDays = tokenDays; }
    public String getNewToken() { return newToken; }
}
