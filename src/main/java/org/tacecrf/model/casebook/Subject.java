package org.tacecrf.model.casebook;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An enrolled patient, known by a pseudonymous subject number such as {@code ZJU-001}. */
@Entity
@Table(name = "subject")
public class Subject {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "study_id", nullable = false, length = 64, updatable = false)
    private String studyId;
    @Column(name = "site_id", nullable = false, length = 64, updatable = false)
    private String siteId;
    @Column(name = "subject_number", nullable = false, length = 64, updatable = false)
    private String subjectNumber;
    @Column(name = "screening_id")
    private Long screeningId;
    @Column(name = "arm_id", length = 64)
    private String armId;
    @Column(name = "consent_date", nullable = false)
    private LocalDate consentDate;
    @Column(name = "enrolment_date", nullable = false)
    private LocalDate enrolmentDate;
    @Column(name = "eligibility_waiver", length = 2000)
    private String eligibilityWaiver;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SubjectStatus status = SubjectStatus.ON_STUDY;
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
    @Version
    private long version;

    protected Subject() {
    }

    public Subject(String studyId, String siteId, String subjectNumber, LocalDate consentDate, LocalDate enrolmentDate,
                   String armId, Instant createdAt, String createdBy) {
        this.studyId = studyId;
        this.siteId = siteId;
        this.subjectNumber = subjectNumber;
        this.consentDate = consentDate;
        this.enrolmentDate = enrolmentDate;
        this.armId = armId;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() { return id; }
    public String getStudyId() { return studyId; }
    public String getSiteId() { return siteId; }
    public String getSubjectNumber() { return subjectNumber; }
    public Long getScreeningId() { return screeningId; }
    public void setScreeningId(Long screeningId) { this.screeningId = screeningId; }
    public String getArmId() { return armId; }
    public void setArmId(String armId) { this.armId = armId; }
    public LocalDate getConsentDate() { return consentDate; }
    public void setConsentDate(LocalDate consentDate) { this.consentDate = consentDate; }
    public LocalDate getEnrolmentDate() { return enrolmentDate; }
    public void setEnrolmentDate(LocalDate enrolmentDate) { this.enrolmentDate = enrolmentDate; }
    public String getEligibilityWaiver() { return eligibilityWaiver; }
    public void setEligibilityWaiver(String eligibilityWaiver) { this.eligibilityWaiver = eligibilityWaiver; }
    public SubjectStatus getStatus() { return status; }
    public void setStatus(SubjectStatus status) { this.status = status; }
    public boolean isLocked() { return locked; }
    public Instant getLockedAt() { return lockedAt; }
    public String getLockedBy() { return lockedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public long getVersion() { return version; }

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
}
