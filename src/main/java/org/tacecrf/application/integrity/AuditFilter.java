package org.tacecrf.application.integrity;

import java.time.LocalDate;

/**
 * What the study-wide audit log shows: a study and optional limits. Dates are UTC days, both
 * inclusive; text filters match exactly (user names and subject numbers ignoring case).
 */
public record AuditFilter(String studyId, LocalDate from, LocalDate to, String username, String action, String entityType,
                          String subjectNumber, String siteId) {

    public static AuditFilter of(String studyId) {
        return new AuditFilter(studyId, null, null, null, null, null, null, null);
    }

    /** A readable summary, for the audit record of an export. */
    public String describe() {
        StringBuilder text = new StringBuilder("study=").append(studyId);
        append(text, "from", from);
        append(text, "to", to);
        append(text, "user", username);
        append(text, "action", action);
        append(text, "entity", entityType);
        append(text, "subject", subjectNumber);
        append(text, "site", siteId);
        return text.toString();
    }

    private static void append(StringBuilder text, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            text.append("; ").append(name).append('=').append(value);
        }
    }
}
