package org.tacecrf.application.integrity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.application.casebook.ItemsChanged;
import org.tacecrf.infrastructure.persistence.IntegrityRepository;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.integrity.Signature;

/**
 * Keeps signatures linked to the data they cover (21 CFR 11.70): when values of a form change by
 * any path (entry, correction, import, re-derivation), every valid signature over that form — its
 * own, its visit's, the casebook's — is invalidated in the same transaction, naming the first
 * changed item, and the invalidation is audited.
 */
@ApplicationScoped
public class SignatureLinks {

    @Inject
    private IntegrityRepository integrity;
    @Inject
    private AuditTrail audit;

    void invalidateSignaturesOverChangedData(@Observes ItemsChanged change) {
        List<Signature> affected = integrity.validSignaturesCovering(change.form());
        if (affected.isEmpty()) {
            return;
        }
        String location = change.visit().key() + "/" + change.form().key();
        String item = change.changedKeys().isEmpty() ? location : location + "/" + change.changedKeys().iterator().next();
        String reason = "signed data changed: " + item
                + (change.changedKeys().size() > 1 ? " and " + (change.changedKeys().size() - 1) + " more" : "")
                + (change.source() == AuditSource.SYSTEM ? " (recalculated)" : "");
        Instant now = Instant.now();
        Subject subject = change.subject();
        List<AuditEntry> entries = new ArrayList<>();
        for (Signature signature : affected) {
            signature.invalidate(now, change.actor().username(), item, reason);
            entries.add(AuditEntry.of("INVALIDATE", "SIGNATURE", signature.getId())
                    .study(subject.getStudyId(), subject.getSiteId()).subject(subject.getId(), subject.getSubjectNumber())
                    .location(change.visit().key(), change.form().key(),
                            change.changedKeys().isEmpty() ? null : change.changedKeys().iterator().next().toString())
                    .values("valid: " + signature.getSignerName() + ", " + signature.getSignedAt() + " UTC, " + signature.getScope()
                            + " " + signature.getScopeKey(), "invalidated")
                    .reason(reason).source(AuditSource.SYSTEM, "signature link check"));
        }
        audit.record(change.actor(), entries);
    }
}
