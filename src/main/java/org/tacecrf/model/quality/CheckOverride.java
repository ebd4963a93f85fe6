package org.tacecrf.model.quality;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A soft edit check the nurse confirmed with a reason ("the value is correct: the patient's
 * bilirubin was remeasured"), so it raises no query. Reported to monitors as an overridden check.
 */
@Entity
@Table(name = "check_override")
public class CheckOverride {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "study_id", nullable = false, length = 64)
    private String studyId;
    @Column(name = "site_id", nullable = false, length = 64)
    private String siteId;
    @Column(name = "subject_id", nullable = false)
    private Long subjectId;
    @Column(name = "form_ref", nullable = false)
    private Long formRef;
    @Column(name = "item_key", length = 200)
    private String itemKey;
    @Column(name = "check_id", nullable = false, length = 64)
    private String checkId;
    @Column(nullable = false, length = 2000)
    private String message;
    @Column(nullable = false, length = 1000)
    private String reason;
    @Column(name = "confirmed_by", nullable = false, length = 64)
    private String confirmedBy;
    @Column(name = "confirmed_at", nullable = false)
    private Instant confirmedAt;
    @Column(nullable = false)
    private boolean active = true;

    protected CheckOverride() {
    }

    public CheckOverride(String studyId, String siteId, long subjectId, long formRef, String itemKey, String checkId,
                         String message, String reason, String confirmedBy, Instant confirmedAt) {
        this.studyId = studyId;
        this.siteId = siteId;
        this.subjectId = subjectId;
        this.formRef = formRef;
        this.itemKey = itemKey;
        this.checkId = checkId;
        this.message = message;
        this.reason = reason;
        this.confirmedBy = confirmedBy;
        this.confirmedAt = confirmedAt;
    }

    /** The condition no longer holds; the override stays on record but no longer applies. */
    public void deactivate() {
        this.active = false;
    }

    public Long getId() { return id; }
    public String getStudyId() { return studyId; }
    public String getSiteId() { return siteId; }
    public Long getSubjectId() { return subjectId; }
    public Long getFormRef() { return formRef; }
    public String getItemKey() { return itemKey; }
    public String getCheckId() { return checkId; }
    public String getMessage() { return message; }
    public String getReason() { return reason; }
    public String getConfirmedBy() { return confirmedBy; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public boolean isActive() { return active; }
}
