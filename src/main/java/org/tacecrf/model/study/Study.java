package org.tacecrf.model.study;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A study registered from its definition file. The definition itself stays in the file; this row
 * records which version was loaded and the study's freeze/lock status.
 */
@Entity
@Table(name = "study")
public class Study {

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 500)
    private String title;

    @Column(name = "definition_hash", nullable = false, length = 64)
    private String definitionHash;

    @Column(name = "definition_version", nullable = false, length = 40)
    private String definitionVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DataStatus status = DataStatus.ACTIVE;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    @Column(name = "status_changed_by", length = 64)
    private String statusChangedBy;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    @Version
    private long version;

    protected Study() {
    }

    public Study(String id, String title, String definitionVersion, String definitionHash, Instant registeredAt) {
        this.id = id;
        this.title = title;
        this.definitionVersion = definitionVersion;
        this.definitionHash = definitionHash;
        this.registeredAt = registeredAt;
    }

    public void updateDefinition(String title, String definitionVersion, String definitionHash) {
        this.title = title;
        this.definitionVersion = definitionVersion;
        this.definitionHash = definitionHash;
    }

    public void changeStatus(DataStatus status, Instant at, String by) {
        this.status = status;
        this.statusChangedAt = at;
        this.statusChangedBy = by;
    }

    public String getId() { return id; }
    public String getTitle() { return title; }
    public String getDefinitionHash() { return definitionHash; }
    public String getDefinitionVersion() { return definitionVersion; }
    public DataStatus getStatus() { return status; }
    public Instant getStatusChangedAt() { return statusChangedAt; }
    public String getStatusChangedBy() { return statusChangedBy; }
    public Instant getRegisteredAt() { return registeredAt; }
    public long getVersion() { return version; }
}
