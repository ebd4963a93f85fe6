package org.tacecrf.application.casebook;

import java.util.Map;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.model.audit.AuditSource;

/**
 * A request to save one form: every entry of the form as it stands (an item missing from the map
 * is empty; a repeating-group row missing from it is removed), whether to mark it complete, and a
 * reason when changing data that was already complete, and the reasons given for keeping values a
 * soft edit check questions (by outcome key).
 *
 * @param expectedVersion the version the user opened, or null for a form not yet saved
 */
public record FormSave(long subjectId, long visitRef, String formId, int repeatKey, Long expectedVersion,
                       Map<ItemKey, RawEntry> entries, boolean complete, String reason, AuditSource source,
                       String sourceDetail, Map<String, String> confirmations) {

    public FormSave {
        entries = Map.copyOf(entries);
        confirmations = confirmations == null ? Map.of() : Map.copyOf(confirmations);
    }

    /** A save without confirmations of soft checks (their failures raise queries). */
    public FormSave(long subjectId, long visitRef, String formId, int repeatKey, Long expectedVersion,
                    Map<ItemKey, RawEntry> entries, boolean complete, String reason, AuditSource source, String sourceDetail) {
        this(subjectId, visitRef, formId, repeatKey, expectedVersion, entries, complete, reason, source, sourceDetail, Map.of());
    }
}
