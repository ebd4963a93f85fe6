package org.tacecrf.model.casebook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One entry of the screening log: a patient assessed against the eligibility criteria. Holds no
 * direct identifiers; sex and birth year only, as CONSORT needs nothing more.
 */
@Entity
@Table(name = "screening")
public class Screening {

    /** The answer to one criterion. */
    public enum Answer { YES, NO, UNKNOWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "study_id", nullable = false, length = 64, updatable = false)
    private String studyId;
    @Column(name = "site_id", nullable = false, length = 64, updatable = false)
    private String siteId;
    @Column(name = "screening_number", nullable = false, length = 64, updatable = false)
    private String screeningNumber;
    @Column(name = "screened_on", nullable = false)
    private LocalDate screenedOn;
    @Column(length = 8)
    private String sex;
    @Column(name = "birth_year")
    private Integer birthYear;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ScreeningOutcome outcome;
    @Column(name = "outcome_reason", length = 1000)
    private String outcomeReason;
    @Column(name = "subject_id")
    private Long subjectId;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 64, updatable = false)
    private String createdBy;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "screening_answer", joinColumns = @JoinColumn(name = "screening_id"))
    @MapKeyColumn(name = "criterion_id", length = 64)
    @Column(name = "answer", length = 8)
    @Enumerated(EnumType.STRING)
    private Map<String, Answer> answers = new LinkedHashMap<>();

    protected Screening() {
    }

    public Screening(String studyId, String siteId, String screeningNumber, LocalDate screenedOn, Instant createdAt, String createdBy) {
        this.studyId = studyId;
        this.siteId = siteId;
        this.screeningNumber = screeningNumber;
        this.screenedOn = screenedOn;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.outcome = ScreeningOutcome.ELIGIBLE;
    }

    public Long getId() { return id; }
    public String getStudyId() { return studyId; }
    public String getSiteId() { return siteId; }
    public String getScreeningNumber() { return screeningNumber; }
    public LocalDate getScreenedOn() { return screenedOn; }
    public void setScreenedOn(LocalDate screenedOn) { this.screenedOn = screenedOn; }
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = sex; }
    public Integer getBirthYear() { return birthYear; }
    public void setBirthYear(Integer birthYear) { this.birthYear = birthYear; }
    public ScreeningOutcome getOutcome() { return outcome; }
    public String getOutcomeReason() { return outcomeReason; }
    public Long getSubjectId() { return subjectId; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public long getVersion() { return version; }
    public Map<String, Answer> getAnswers() { return answers; }

    public void decide(ScreeningOutcome outcome, String reason) {
        this.outcome = outcome;
        this.outcomeReason = reason;
    }

    public void enrolled(long subjectId) {
        this.subjectId = subjectId;
        this.outcome = ScreeningOutcome.ENROLLED;
    }
}
