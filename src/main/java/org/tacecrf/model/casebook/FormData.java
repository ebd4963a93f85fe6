package org.tacecrf.model.casebook;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One form filled at one visit (an ODM FormData with its repeat key). */
@Entity
@Table(name = "form_data")
public class FormData {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "visit_ref", nullable = false, updatable = false)
    private Long visitRef;
    @Column(name = "subject_id", nullable = false, updatable = false)
    private Long subjectId;
    @Column(name = "form_id", nullable = false, length = 64, updatable = false)
    private String formId;
    @Column(name = "repeat_key", nullable = false, updatable = false)
    private int repeatKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FormState state = FormState.IN_PROGRESS;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "completed_by", length = 64)
    private String completedBy;
    @Column(nullable = false)
    private boolean locked;
    @Column(name = "locked_at")
    private Instant lockedAt;
    @Column(name = "locked_by", length = 64)
    private String lockedBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 64, updatable = false)
    private String createdBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;
    @Version
    private long version;

    protected FormData() {
    }

    public FormData(long visitRef, long subjectId, String formId, int repeatKey, Instant createdAt, String createdBy) {
        this.visitRef = visitRef;
        this.subjectId = subjectId;
        this.formId = formId;
        this.repeatKey = repeatKey;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = createdAt;
        this.updatedBy = createdBy;
    }

    public void touched(Instant at, String by) {
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public void complete(Instant at, String by) {
        this.state = FormState.COMPLETE;
        this.completedAt = at;
        this.completedBy = by;
    }

    public void reopen() {
        this.state = FormState.IN_PROGRESS;
        this.completedAt = null;
        this.completedBy = null;
    }

    public void lock(Instant at, String by) {
        this.locked = true;
        this.lockedAt = at;
        this.lockedBy = by;
    }

    public void unlock() {
        this.locked = false;
        this.lockedAt = null;
        this.lockedBy = null;
    }

    public Long getId() { return id; }
    public Long getVisitRef() { return visitRef; }
    public Long getSubjectId() { return subjectId; }
    public String getFormId() { return formId; }
    public int getRepeatKey() { return repeatKey; }
    public FormState getState() { return state; }
    public Instant getCompletedAt() { return completedAt; }
    public String getCompletedBy() { return completedBy; }
    public boolean isLocked() { return locked; }
    public Instant getLockedAt() { return lockedAt; }
    public String getLockedBy() { return lockedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public long getVersion() { return version; }

    /** The ODM-style key, e.g. {@code adverse_event[3]}. */
    public String key() {
        return formId + "[" + repeatKey + "]";
    }
}
