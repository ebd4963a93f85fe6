package org.tacecrf.domain.audit;

import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything an audit record says, in the order it is hashed. Who (user and role), when (UTC,
 * server clock, millisecond precision), what (study, site, subject, visit, form, item), old and
 * new value, reason and source (form, import, API, system derivation).
 */
public record AuditContent(
        long id,
        Instant occurredAt,
        Long userId,
        String username,
        String userRole,
        String action,
        String entityType,
        String entityId,
        String studyId,
        String siteId,
        Long subjectId,
        String subjectNumber,
        String visitKey,
        String formKey,
        String itemKey,
        String oldValue,
        String newValue,
        String reason,
        String source,
        String sourceDetail) {

    /** Unit separator: cannot be typed into a form, so fields cannot be shifted into each other. */
    private static final String SEPARATOR = "\u001f";
    private static final String NULL = "\u2400";

    /** The exact text the hash covers; a change to any field changes it. */
    public String canonical() {
        return Stream.of(id, occurredAt == null ? null : occurredAt.toEpochMilli(), userId, username, userRole, action,
                        entityType, entityId, studyId, siteId, subjectId, subjectNumber, visitKey, formKey, itemKey,
                        oldValue, newValue, reason, source, sourceDetail)
                .map(value -> value == null ? NULL : value.toString())
                .collect(Collectors.joining(SEPARATOR));
    }
}
