package org.tacecrf.model.casebook;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One occurrence of a visit of the schedule (an ODM study event with its repeat key). */
@Entity
@Table(name = "visit")
public class Visit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "subject_id", nullable = false, updatable = false)
    private Long subjectId;
    @Column(name = "visit_id", nullable = false, length = 64, updatable = false)
    private String visitId;
    @Column(name = "repeat_key", nullable = false, updatable = false)
    private int repeatKey;
    @Column(name = "visit_date")
    private LocalDate visitDate;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 64, updatable = false)
    private String createdBy;
    @Version
    private long version;

    protected Visit() {
    }

    public Visit(long subjectId, String visitId, int repeatKey, Instant createdAt, String createdBy) {
        this.subjectId = subjectId;
        this.visitId = visitId;
        this.repeatKey = repeatKey;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() { return id; }
    public Long getSubjectId() { return subjectId; }
    public String getVisitId() { return visitId; }
    public int getRepeatKey() { return repeatKey; }
    public LocalDate getVisitDate() { return visitDate; }
    public void setVisitDate(LocalDate visitDate) { this.visitDate = visitDate; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public long getVersion() { return version; }

    /** The ODM-style key, e.g. {@code TACE[2]}. */
    public String key() {
        return visitId + "[" + repeatKey + "]";
    }
}
