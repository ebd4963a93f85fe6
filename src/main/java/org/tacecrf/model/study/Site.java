package org.tacecrf.model.study;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A site (centre) of a study, with its own freeze/lock status. */
@Entity
@IdClass(Site.Key.class)
@Table(name = "site")
public class Site {

    /** Composite key: study and site id. */
    public static class Key implements Serializable {
        private String studyId;
        private String siteId;

        public Key() {
        }

        public Key(String studyId, String siteId) {
            this.studyId = studyId;
            this.siteId = siteId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(studyId, k.studyId) && Objects.equals(siteId, k.siteId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(studyId, siteId);
        }
    }

    @Id
    @Column(name = "study_id", length = 64)
    private String studyId;

    @Id
    @Column(name = "site_id", length = 64)
    private String siteId;

    @Column(nullable = false, length = 300)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DataStatus status = DataStatus.ACTIVE;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    @Column(name = "status_changed_by", length = 64)
    private String statusChangedBy;

    @Version
    private long version;

    protected Site() {
    }

    public Site(String studyId, String siteId, String name) {
        this.studyId = studyId;
        this.siteId = siteId;
        this.name = name;
    }

    public void rename(String name) {
        this.name = name;
    }

    public void changeStatus(DataStatus status, Instant at, String by) {
        this.status = status;
        this.statusChangedAt = at;
        this.statusChangedBy = by;
    }

    public String getStudyId() { return studyId; }
    public String getSiteId() { return siteId; }
    public String getName() { return name; }
    public DataStatus getStatus() { return status; }
    public Instant getStatusChangedAt() { return statusChangedAt; }
    public String getStatusChangedBy() { return statusChangedBy; }
    public long getVersion() { return version; }
}
