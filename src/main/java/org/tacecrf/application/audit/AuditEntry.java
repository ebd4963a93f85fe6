package org.tacecrf.application.audit;

import org.tacecrf.model.audit.AuditSource;

/**
 * What happened, for one audit record; the trail adds who, when and the hash. Built fluently:
 * {@code AuditEntry.of("UPDATE", "ITEM", id).study(s).subject(...).values(old, new).reason(r)}.
 */
public final class AuditEntry {

    final String action;
    final String entityType;
    final String entityId;
    String studyId;
    String siteId;
    Long subjectId;
    String subjectNumber;
    String visitKey;
    String formKey;
    String itemKey;
    String oldValue;
    String newValue;
    String reason;
    AuditSource source = AuditSource.FORM;
    String sourceDetail;

    private AuditEntry(String action, String entityType, String entityId) {
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
    }

    public static AuditEntry of(String action, String entityType, Object entityId) {
        return new AuditEntry(action, entityType, entityId == null ? null : entityId.toString());
    }

    public AuditEntry study(String studyId, String siteId) {
        this.studyId = studyId;
        this.siteId = siteId;
        return this;
    }

    public AuditEntry subject(Long subjectId, String subjectNumber) {
        this.subjectId = subjectId;
        this.subjectNumber = subjectNumber;
        return this;
    }

    public AuditEntry location(String visitKey, String formKey, String itemKey) {
        this.visitKey = visitKey;
        this.formKey = formKey;
        this.itemKey = itemKey;
        return this;
    }

    public AuditEntry values(Object oldValue, Object newValue) {
        this.oldValue = oldValue == null ? null : truncate(oldValue.toString());
        this.newValue = newValue == null ? null : truncate(newValue.toString());
        return this;
    }

    public AuditEntry reason(String reason) {
        this.reason = reason == null || reason.isBlank() ? null : truncate(reason, 1000);
        return this;
    }

    public AuditEntry source(AuditSource source, String detail) {
        this.source = source;
        this.sourceDetail = detail == null ? null : truncate(detail, 300);
        return this;
    }

    public String action() {
        return action;
    }

    public String newValue() {
        return newValue;
    }

    private static String truncate(String value) {
        return truncate(value, 4000);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
