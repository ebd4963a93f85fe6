package org.tacecrf.application.casebook;

import java.util.Map;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.model.audit.AuditSource;

/**
 * A request to save one form: every entry of the form as it stands (an item missing from the map
 * is empty; a repeating-group row missing from it is removed), whether to mark it complete, and a
 * reason when changing data that was already complete.
 *
 * @param expectedVersion the version the user opened, or null for a form not yet saved
 */
public record FormSave(long subjectId, long visitRef, String formId, int repeatKey, Long expectedVersion,
                       Map<ItemKey, RawEntry> entries, boolean complete, String reason, AuditSource source,
                       String sourceDetail) {

    public FormSave {
        entries = Map.copyOf(entries);
    }
}
