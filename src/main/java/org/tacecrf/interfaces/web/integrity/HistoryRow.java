package org.tacecrf.interfaces.web.integrity;

import java.io.Serializable;
import java.time.Instant;

import org.tacecrf.model.audit.AuditEvent;

/** One audit record as the history dialogs and the audit log show it. */
public record HistoryRow(long id, Instant at, String user, String role, String action, String entity, String subject,
                         String visit, String form, String item, String oldValue, String newValue, String reason, String source,
                         String sourceDetail) implements Serializable {

    public static HistoryRow of(AuditEvent a) {
        return new HistoryRow(a.getId(), a.getOccurredAt(), a.getUsername(), a.getUserRole(), a.getAction(), a.getEntityType(),
                a.getSubjectNumber(), a.getVisitKey(), a.getFormKey(), a.getItemKey(), a.getOldValue(), a.getNewValue(),
                a.getReason(), a.getSource(), a.getSourceDetail());
    }

    /** Where in the casebook: visit / form / item, as far as given. */
    public String where() {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {visit, form, item}) {
            if (part != null) {
                text.append(text.length() == 0 ? "" : " / ").append(part);
            }
        }
        return text.toString();
    }
}
