package org.tacecrf.interfaces.web.integrity;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.primefaces.PrimeFaces;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.application.integrity.LockService;
import org.tacecrf.application.integrity.SignatureService;
import org.tacecrf.application.security.CurrentUser;
import org.tacecrf.domain.integrity.SignatureMeaning;
import org.tacecrf.domain.integrity.SignatureScope;
import org.tacecrf.infrastructure.security.SourceAddress;
import org.tacecrf.interfaces.web.account.LoginBacking;
import org.tacecrf.interfaces.web.support.Messages;
import org.tacecrf.model.audit.AuditEvent;

/**
 * The dialogs the form page and the casebook share: the signing dialog (user name on the first
 * signature of the session, password always, with printed name and meaning shown before signing),
 * the reason for an unlock, and an audit history.
 */
public abstract class ReviewDialogs implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient SignatureService signatures;
    @Inject
    private transient LockService locks;
    @Inject
    private transient CurrentUser currentUser;
    @Inject
    private transient LoginBacking login;
    @Inject
    private SigningSession signingSession;

    private List<HistoryRow> history = List.of();
    private String historyTitle;

    private SignatureScope signScope;
    private Long signVisitRef;
    private Long signFormDataId;
    private String signWhat;
    private String signUsername;
    private String signPassword;

    private String unlockKind;
    private Long unlockId;
    private String unlockReason;

    /** The subject whose data the page shows. */
    protected abstract long subjectId();

    /** Reloads what the page shows after a signature, lock or verification. */
    protected abstract void changed();

    protected void showHistory(String title, List<AuditEvent> events) {
        historyTitle = title;
        history = events.stream().map(HistoryRow::of).toList();
    }

    public void startSign(String scope, Long visitRef, Long formDataId, String what) {
        signScope = SignatureScope.valueOf(scope);
        signVisitRef = visitRef;
        signFormDataId = formDataId;
        signWhat = what;
        signUsername = null;
        signPassword = null;
    }

    public void confirmSign() {
        char[] password = signPassword == null ? new char[0] : signPassword.toCharArray();
        signPassword = null;
        String username = isUsernameNeeded() ? (signUsername == null ? "" : signUsername) : null;
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        try {
            signatures.sign(new SignatureService.SignRequest(signScope, subjectId(), signVisitRef, signFormDataId,
                    SignatureMeaning.INVESTIGATOR_REVIEW, username, password, SourceAddress.of(request)));
        } catch (ValidationFailure failure) {
            if (failure.errors().stream().anyMatch(e -> "signature.error.locked".equals(e.messageKey()))) {
                // Too many wrong passwords: the account is locked and this session ends with it (21 CFR 11.300(d)).
                try {
                    login.logout();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                return;
            }
            throw failure;
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        signingSession.signed();
        changed();
        Messages.info("signature.signed", signWhat);
        PrimeFaces.current().executeScript("PF('signDialog').hide()");
    }

    public void startUnlock(String kind, long id) {
        unlockKind = kind;
        unlockId = id;
        unlockReason = null;
    }

    public void confirmUnlock() {
        if ("subject".equals(unlockKind)) {
            locks.unlockSubject(unlockId, unlockReason);
            Messages.info("lock.subjectUnlocked");
        } else {
            locks.unlockForm(unlockId, unlockReason);
            Messages.info("lock.formUnlocked");
        }
        unlockReason = null;
        changed();
        PrimeFaces.current().executeScript("PF('unlockDialog').hide()");
    }

    public boolean isUsernameNeeded() {
        return !signingSession.isSigned();
    }

    public String getMeaningStatement() {
        return SignatureMeaning.INVESTIGATOR_REVIEW.statement();
    }

    public String getPrintedName() {
        return currentUser.getFullName();
    }

    public List<HistoryRow> getHistory() { return history; }
    public String getHistoryTitle() { return historyTitle; }
    public String getSignWhat() { return signWhat; }
    public String getSignScope() { return signScope == null ? null : signScope.name(); }
    public String getSignUsername() { return signUsername; }
    public void setSignUsername(String signUsername) { this.signUsername = signUsername; }
    public String getSignPassword() { return null; }
    public void setSignPassword(String signPassword) { this.signPassword = signPassword; }
    public String getUnlockReason() { return unlockReason; }
    public void setUnlockReason(String unlockReason) { this.unlockReason = unlockReason; }
    public String getUnlockKind() { return unlockKind; }
}
