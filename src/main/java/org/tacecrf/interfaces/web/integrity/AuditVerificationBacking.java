package org.tacecrf.interfaces.web.integrity;

import java.io.Serializable;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditVerification;
import org.tacecrf.application.integrity.AuditQueryService;
import org.tacecrf.application.integrity.IndependentAudit;
import org.tacecrf.application.security.CurrentUser;
import org.tacecrf.infrastructure.persistence.AuditChainScanner;
import org.tacecrf.interfaces.web.support.Messages;
import org.tacecrf.model.audit.AuditSource;

/**
 * The data manager's check of the audit trail's hash chain: walks every record and names the first
 * one whose content, link or sequence is broken. The check itself is recorded in the trail.
 */
@Named
@ViewScoped
public class AuditVerificationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient AuditVerification verification;
    @Inject
    private transient IndependentAudit audit;
    @Inject
    private transient CurrentUser currentUser;
    @Inject
    private transient AuditQueryService auditQuery;

    private AuditChainScanner.Result result;
    private HistoryRow brokenRecord;
    private long millis;

    public void verify() {
        long start = System.nanoTime();
        result = verification.verify();
        millis = (System.nanoTime() - start) / 1_000_000;
        brokenRecord = null;
        if (result.firstBreak() != null) {
            brokenRecord = auditQuery.record(result.firstBreak().recordId()).map(HistoryRow::of).orElse(null);
        }
        String outcome = result.intact() ? "intact: " + result.checked() + " records"
                : result.firstBreak() != null ? "broken at record " + result.firstBreak().recordId() + " (" + result.firstBreak().failure() + ")"
                : "broken at its end after record " + result.checked();
        audit.record(currentUser.actor(), AuditEntry.of("VERIFY", "AUDIT_TRAIL", null).values(null, outcome)
                .source(AuditSource.ADMIN, "hash chain verification"));
        if (result.intact()) {
            Messages.info("verify.intact", result.checked());
        } else {
            Messages.error(null, "verify.broken");
        }
    }

    public AuditChainScanner.Result getResult() { return result; }
    public HistoryRow getBrokenRecord() { return brokenRecord; }
    public long getMillis() { return millis; }
}
