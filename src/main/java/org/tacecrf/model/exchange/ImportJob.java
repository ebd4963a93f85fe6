package org.tacecrf.model.exchange;

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

/**
 * One import of a data file: a preview (checked, nothing written) or a commit (all or nothing).
 * Written in its own transaction, so a refused or failed import is recorded too.
 */
@Entity
@Table(name = "import_job")
public class ImportJob {

    /** Preview checks and shows; commit writes. */
    public enum Mode { PREVIEW, COMMIT }

    /** How the job ended. */
    public enum Status {
        /** Being read or applied. */
        RUNNING,
        /** Checked without errors; nothing written. */
        PREVIEWED,
        /** Errors in the file or its rows; nothing written. */
        REJECTED,
        /** Written in one transaction. */
        COMMITTED,
        /** Stopped by a server error; nothing written. */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "study_id", nullable = false, length = 64, updatable = false)
    private String studyId;
    @Column(name = "form_id", length = 64, updatable = false)
    private String formId;
    @Column(name = "file_name", nullable = false, length = 255, updatable = false)
    private String fileName;
    @Column(name = "file_size", nullable = false, updatable = false)
    private long fileSize;
    @Column(name = "file_sha256", nullable = false, length = 64, updatable = false)
    private String fileSha256;
    @Column(name = "file_format", length = 8)
    private String fileFormat;
    @Column(name = "file_encoding", length = 32)
    private String fileEncoding;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10, updatable = false)
    private Mode mode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Status status = Status.RUNNING;
    @Column(nullable = false, length = 64, updatable = false)
    private String username;
    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(nullable = false)
    private int records;
    @Column(name = "subjects_created", nullable = false)
    private int subjectsCreated;
    @Column(name = "subjects_updated", nullable = false)
    private int subjectsUpdated;
    @Column(name = "forms_changed", nullable = false)
    private int formsChanged;
    @Column(name = "values_changed", nullable = false)
    private int valuesChanged;
    @Column(nullable = false)
    private int warnings;
    @Column(nullable = false)
    private int errors;
    @Column(length = 2000)
    private String message;
    @Version
    private long version;

    protected ImportJob() {
    }

    public ImportJob(String studyId, String formId, String fileName, long fileSize, String fileSha256, Mode mode, String username,
                     Instant startedAt) {
        this.studyId = studyId;
        this.formId = formId;
        this.fileName = fileName;
        this.fileSize = fileSize;
        this.fileSha256 = fileSha256;
        this.mode = mode;
        this.username = username;
        this.startedAt = startedAt;
    }

    /** Records how the job ended. */
    public void finish(Status status, String format, String encoding, int records, int subjectsCreated, int subjectsUpdated,
                       int formsChanged, int valuesChanged, int warnings, int errors, String message, Instant at) {
        this.status = status;
        this.fileFormat = format;
        this.fileEncoding = encoding;
        this.records = records;
        this.subjectsCreated = subjectsCreated;
        this.subjectsUpdated = subjectsUpdated;
        this.formsChanged = formsChanged;
        this.valuesChanged = valuesChanged;
        this.warnings = warnings;
        this.errors = errors;
        this.message = message == null || message.length() <= 2000 ? message : message.substring(0, 1999) + "…";
        this.finishedAt = at;
    }

    public Long getId() { return id; }
    public String getStudyId() { return studyId; }
    public String getFormId() { return formId; }
    public String getFileName() { return fileName; }
    public long getFileSize() { return fileSize; }
    public String getFileSha256() { return fileSha256; }
    public String getFileFormat() { return fileFormat; }
    public String getFileEncoding() { return fileEncoding; }
    public Mode getMode() { return mode; }
    public Status getStatus() { return status; }
    public String getUsername() { return username; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public int getRecords() { return records; }
    public int getSubjectsCreated() { return subjectsCreated; }
    public int getSubjectsUpdated() { return subjectsUpdated; }
    public int getFormsChanged() { return formsChanged; }
    public int getValuesChanged() { return valuesChanged; }
    public int getWarnings() { return warnings; }
    public int getErrors() { return errors; }
    public String getMessage() { return message; }
    public long getVersion() { return version; }
}
