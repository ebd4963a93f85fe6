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

/**
 * What the nurse decided about an adverse event proposed from a post-procedure laboratory value:
 * accepted (the adverse event it created) or rejected (with the reason). Written once, never
 * changed; a proposal of a higher grade for the same value is a new decision.
 */
@Entity
@Table(name = "lab_ae_decision")
public class LabAeDecision {

    /** Accepted as an adverse event, or rejected. */
    public enum Decision { ACCEPTED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "study_id", nullable = false, length = 64, updatable = false)
    private String studyId;
    @Column(name = "site_id", nullable = false, length = 64, updatable = false)
    private String siteId;
    @Column(name = "subject_id", nullable = false, updatable = false)
    private Long subjectId;
    /** The post-procedure laboratory form the value is on. */
    @Column(name = "form_ref", nullable = false, updatable = false)
    private Long formRef;
    @Column(name = "item_id", nullable = false, length = 64, updatable = false)
    private String itemId;
    @Column(name = "term_code", nullable = false, length = 64, updatable = false)
    private String termCode;
    @Column(nullable = false, updatable = false)
    private int grade;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10, updatable = false)
    private Decision decision;
    @Column(name = "ae_form_ref", updatable = false)
    private Long aeFormRef;
    @Column(length = 1000, updatable = false)
    private String reason;
    @Column(name = "decided_by", nullable = false, length = 64, updatable = false)
    private String decidedBy;
    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    protected LabAeDecision() {
    }

    public LabAeDecision(Subject subject, long formRef, String itemId, String termCode, int grade, Decision decision,
                         Long aeFormRef, String reason, String decidedBy, Instant decidedAt) {
        this.studyId = subject.getStudyId();
        this.siteId = subject.getSiteId();
        this.subjectId = subject.getId();
        this.formRef = formRef;
        this.itemId = itemId;
        this.termCode = termCode;
        this.grade = grade;
        this.decision = decision;
        this.aeFormRef = aeFormRef;
        this.reason = reason;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Long getId() { return id; }
    public String getStudyId() { return studyId; }
    public String getSiteId() { return siteId; }
    public Long getSubjectId() { return subjectId; }
    public Long getFormRef() { return formRef; }
    public String getItemId() { return itemId; }
    public String getTermCode() { return termCode; }
    public int getGrade() { return grade; }
    public Decision getDecision() { return decision; }
    public Long getAeFormRef() { return aeFormRef; }
    public String getReason() { return reason; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
}
