package org.tacecrf.interfaces.web.integrity;

import java.io.Serializable;

import jakarta.enterprise.context.SessionScoped;

/**
 * Whether the user has signed in this continuous session (21 CFR 11.200(a)(1)): the first
 * signature of a session asks for user name and password, later ones for the password only. A new
 * sign-in starts a new session, so the first signature after it asks for both again.
 */
@SessionScoped
public class SigningSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean signed;

    public boolean isSigned() {
        return signed;
    }

    void signed() {
        this.signed = true;
    }
}
