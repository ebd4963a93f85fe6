package org.tacecrf.application.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.tacecrf.domain.audit.AuditChain;
import org.tacecrf.domain.audit.AuditContent;
import org.tacecrf.model.audit.AuditChainHead;
import org.tacecrf.model.audit.AuditEvent;

/**
 * Appends records to the audit trail inside the caller's transaction, so a change and its audit
 * record commit or roll back together ({@link TransactionAttributeType#MANDATORY}).
 * <p>
 * The chain head row is locked for the rest of the transaction: audited writes are serialised,
 * which keeps ids gapless and the chain linear on H2 and PostgreSQL alike.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditTrail {

    @PersistenceContext(unitName = "tace")
    private EntityManager em;

    public void record(Actor actor, AuditEntry entry) {
        record(actor, List.of(entry));
    }

    public void record(Actor actor, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long id = head.getLastId();
        String previousHash = head.getLastHash();
        for (AuditEntry e : entries) {
            id++;
            AuditContent content = new AuditContent(id, now, actor.userId(), actor.username(), actor.role(), e.action,
                    e.entityType, e.entityId, e.studyId, e.siteId, e.subjectId, e.subjectNumber, e.visitKey, e.formKey,
                    e.itemKey, e.oldValue, e.newValue, e.reason, e.source.name(), e.sourceDetail);
            String hash = AuditChain.hash(previousHash, content);
            em.persist(new AuditEvent(content, previousHash, hash));
            previousHash = hash;
        }
        head.advance(id, previousHash);
    }
}
