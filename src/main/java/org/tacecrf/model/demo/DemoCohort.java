package org.tacecrf.model.demo;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The synthetic demo cohort of one study: the seed it is generated from and how far its entry has
 * come. Subjects are entered in plan order, each in its own transaction together with this row's
 * count, so after an interruption the entry resumes at the first subject not yet entered.
 */
@Entity
@Table(name = "demo_cohort")
public class DemoCohort {

    /** Where the cohort's entry stands. */
    public enum Status {
        /** Planned, not started. */
        PENDING,
        /** Subjects are being entered. */
        RUNNING,
        /** Every subject is entered. */
        DONE,
        /** Entry stopped on an error (see the message); a restart resumes it. */
        FAILED
    }

    @Id
    @Column(name = "study_id", length = 64)
    private String studyId;

    @Column(nullable = false)
    private long seed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.PENDING;

    @Column(name = "subjects_total", nullable = false)
    private int subjectsTotal;

    @Column(name = "subjects_done", nullable = false)
    private int subjectsDone;

    @Column(name = "forms_total", nullable = false)
    private int formsTotal;

    @Column(name = "forms_done", nullable = false)
    private int formsDone;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "elapsed_ms", nullable = false)
    private long elapsedMs;

    @Column(length = 2000)
    private String message;

    @Version
    private long version;

    protected DemoCohort() {
    }

    public DemoCohort(String studyId, long seed, int subjectsTotal, int formsTotal) {
        this.studyId = studyId;
        this.seed = seed;
        this.subjectsTotal = subjectsTotal;
        this.formsTotal = formsTotal;
    }

    /** Entry starts (or resumes) with the plan's number of subjects and forms. */
    public void started(Instant at, int subjects, int forms) {
        status = Status.RUNNING;
        startedAt = at;
        subjectsTotal = subjects;
        formsTotal = forms;
        finishedAt = null;
        message = null;
    }

    /** One more subject entered, with its forms, in {@code millis} of entry time. */
    public void subjectEntered(int forms, long millis) {
        subjectsDone++;
        formsDone += forms;
        elapsedMs += millis;
    }

    public void finished(Instant at) {
        status = Status.DONE;
        finishedAt = at;
    }

    public void failed(Instant at, String why) {
        status = Status.FAILED;
        finishedAt = at;
        message = why == null ? null : why.length() > 2000 ? why.substring(0, 2000) : why;
    }

    public String getStudyId() { return studyId; }
    public long getSeed() { return seed; }
    public Status getStatus() { return status; }
    public int getSubjectsTotal() { return subjectsTotal; }
    public int getSubjectsDone() { return subjectsDone; }
    public int getFormsTotal() { return formsTotal; }
    public int getFormsDone() { return formsDone; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public long getElapsedMs() { return elapsedMs; }
    public String getMessage() { return message; }

    /** Per cent of the subjects entered (0 while the plan is not made yet). */
    public int getPercent() {
        if (subjectsTotal == 0) {
            return status == Status.DONE ? 100 : 0;
        }
        return (int) Math.round(100.0 * subjectsDone / subjectsTotal);
    }
}
