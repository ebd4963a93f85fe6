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

/** A protocol deviation of one subject: raised by a check or recorded by hand, then handled. */
@Entity
@Table(name = "deviation")
public class Deviation {

    /** The kinds of deviation TACE studies report. */
    public enum Type { ELIGIBILITY_WAIVER, ELIGIBILITY_VIOLATION, VISIT_OUT_OF_WINDOW, MISSED_ASSESSMENT, TREATMENT, CONSENT, OTHER }

    /** Where the record came from. */
    public enum Source { CHECK, MANUAL, ENROLMENT }

    /** Open until someone documents how it was handled. */
    public enum Status { OPEN, HANDLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "study_id", nullable = false, length = 64, updatable = false)
    private String studyId;
    @Column(name = "site_id", nullable = false, length = 64, updatable = false)
    private String siteId;
    @Column(name = "subject_id", nullable = false, updatable = false)
    private Long subjectId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Type type;
    @Column(nullable = false, length = 2000)
    private String description;
    @Column(name = "occurred_on", nullable = false)
    private LocalDate occurredOn;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private Source source;
    @Column(name = "check_id", length = 64)
    private String checkId;
    @Column(name = "form_ref")
    private Long formRef;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.OPEN;
    @Column(name = "handled_by", length = 64)
    private String handledBy;
    @Column(name = "handled_at")
    private Instant handledAt;
    @Column(length = 2000)
    private String resolution;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 64, updatable = false)
    private String createdBy;
    @Version
    private long version;

    protected Deviation() {
    }

    public Deviation(String studyId, String siteId, long subjectId, Type type, String description, LocalDate occurredOn,
                     Source source, Instant createdAt, String createdBy) {
        this.studyId = studyId;
        this.siteId = siteId;
        this.subjectId = subjectId;
        this.type = type;
        this.description = description;
        this.occurredOn = occurredOn;
        this.source = source;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public void handle(String by, Instant at, String resolution) {
        this.status = Status.HANDLED;
        this.handledBy = by;
        this.handledAt = at;
        this.resolution = resolution;
    }

    public void fromCheck(String checkId, Long formRef) {
        this.checkId = checkId;
        this.formRef = formRef;
    }

    public Long getId() { return id; }
    public String getStudyId() { return studyId; }
    public String getSiteId() { return siteId; }
    public Long getSubjectId() { return subjectId; }
    public Type getType() { return type; }
    public String getDescription() { return description; }
    public LocalDate getOccurredOn() { return occurredOn; }
    public Source getSource() { return source; }
    public String getCheckId() { return checkId; }
    public Long getFormRef() { return formRef; }
    public Status getStatus() { return status; }
    public String getHandledBy() { return handledBy; }
    public Instant getHandledAt() { return handledAt; }
    public String getResolution() { return resolution; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public long getVersion() { return version; }
}
