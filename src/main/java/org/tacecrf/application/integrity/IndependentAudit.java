package org.tacecrf.application.integrity;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.tacecrf.application.audit.Actor;
import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;

/**
 * Records an audit entry in a transaction of its own, for actions that change no data and must not
 * hold the audit chain's lock while they run (an export) or whose outcome is known only after a
 * long read (a verification).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IndependentAudit {

    @Inject
    private AuditTrail audit;

    public void record(Actor actor, AuditEntry entry) {
        audit.record(actor, entry);
    }
}
