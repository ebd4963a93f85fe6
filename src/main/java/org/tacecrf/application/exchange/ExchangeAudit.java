package org.tacecrf.application.exchange;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.application.security.CurrentUser;
import org.tacecrf.model.audit.AuditSource;

/**
 * Records exports in the audit trail in a short transaction of their own: the audit chain is
 * locked only for the record, not for the minutes a large export may stream.
 */
@Stateless
public class ExchangeAudit {

    @Inject
    private AuditTrail audit;
    @Inject
    private CurrentUser currentUser;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void exported(String studyId, String what) {
        audit.record(currentUser.actor(), AuditEntry.of("EXPORT", "STUDY", studyId).study(studyId, null).values(null, what)
                .source(AuditSource.FORM, null));
    }
}
