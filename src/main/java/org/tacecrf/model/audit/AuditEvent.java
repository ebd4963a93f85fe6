package org.tacecrf.model.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.tacecrf.domain.audit.AuditContent;

/**
 * One append-only audit record. {@link Immutable}: Hibernate never issues an UPDATE for it, and
 * no repository offers a delete; the hash chain detects changes made around the application.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    private long id;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(name = "user_id")
    private Long userId;
    @Column(nullable = false, length = 64)
    private String username;
    @Column(name = "user_role", length = 64)
    private String userRole;
    @Column(nullable = false, length = 40)
    private String action;
    @Column(name = "entity_type", nullable = false, length = 40)
    private String entityType;
    @Column(name = "entity_id", length = 100)
    private String entityId;
    @Column(name = "study_id", length = 64)
    private String studyId;
    @Column(name = "site_id", length = 64)
    private String siteId;
    @Column(name = "subject_id")
    private Long subjectId;
    @Column(name = "subject_number", length = 64)
    private String subjectNumber;
    @Column(name = "visit_key", length = 100)
    private String visitKey;
    @Column(name = "form_key", length = 100)
    private String formKey;
    @Column(name = "item_key", length = 200)
    private String itemKey;
    @Column(name = "old_value", length = 4000)
    private String oldValue;
    @Column(name = "new_value", length = 4000)
    private String newValue;
    @Column(length = 1000)
    private String reason;
    @Column(nullable = false, length = 20)
    private String source;
    @Column(name = "source_detail", length = 300)
    private String sourceDetail;
    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;
    @Column(nullable = false, length = 64)
    private String hash;

    protected AuditEvent() {
    }

    public AuditEvent(AuditContent c, String prevHash, String hash) {
        this.id = c.id();
        this.occurredAt = c.occurredAt();
        this.userId = c.userId();
        this.username = c.username();
        this.userRole = c.userRole();
        this.action = c.action();
        this.entityType = c.entityType();
        this.entityId = c.entityId();
        this.studyId = c.studyId();
        this.siteId = c.siteId();
        this.subjectId = c.subjectId();
        this.subjectNumber = c.subjectNumber();
        this.visitKey = c.visitKey();
        this.formKey = c.formKey();
        this.itemKey = c.itemKey();
        this.oldValue = c.oldValue();
        this.newValue = c.newValue();
        this.reason = c.reason();
        this.source = c.source();
        this.sourceDetail = c.sourceDetail();
        this.prevHash = prevHash;
        this.hash = hash;
    }

    public AuditContent content() {
        return new AuditContent(id, occurredAt, userId, username, userRole, action, entityType, entityId, studyId, siteId,
                subjectId, subjectNumber, visitKey, formKey, itemKey, oldValue, newValue, reason, source, sourceDetail);
    }

    public long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public Long getUserId() { return userId; }
    public String getUsername() { return username; }
    public String getUserRole() { return userRole; }
    public String getAction() { return action; }
    public String getEntityType() { return entityType; }
    public String getEntityId() { return entityId; }
    public String getStudyId() { return studyId; }
    public String getSiteId() { return siteId; }
    public Long getSubjectId() { return subjectId; }
    public String getSubjectNumber() { return subjectNumber; }
    public String getVisitKey() { return visitKey; }
    public String getFormKey() { return formKey; }
    public String getItemKey() { return itemKey; }
    public String getOldValue() { return oldValue; }
    public String getNewValue() { return newValue; }
    public String getReason() { return reason; }
    public String getSource() { return source; }
    public String getSourceDetail() { return sourceDetail; }
    public String getPrevHash() { return prevHash; }
    public String getHash() { return hash; }
}
