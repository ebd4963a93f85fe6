package org.tacecrf.application.integrity;

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
import org.tacecrf.model.integrity.SourceVerification;

/**
 * A change to a verified value resets its verification in the same transaction, by any path that
 * changes values, and the reset is audited on the item: the monitor verifies the new value again.
 */
@ApplicationScoped
public class SdvReset {

    @Inject
    private IntegrityRepository integrity;
    @Inject
    private AuditTrail audit;

    void resetVerificationOfChangedValues(@Observes ItemsChanged change) {
        List<String> keys = change.changedKeys().stream().map(Object::toString).toList();
        List<SourceVerification> stale = integrity.verifications(change.form().getId(), keys);
        if (stale.isEmpty()) {
            return;
        }
        List<AuditEntry> entries = new ArrayList<>();
        for (SourceVerification v : stale) {
            integrity.remove(v);
            entries.add(SdvService.entry("SDV_RESET", change.subject(), change.visit(), change.form(), v.getItemKey())
                    .values(SdvService.describe(v), "not verified").reason("value changed after verification")
                    .source(AuditSource.SYSTEM, "source data verification reset"));
        }
        audit.record(change.actor(), entries);
    }
}
