package org.tacecrf.model.integrity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A monitor's source-data verification of one stored value in the version they compared with the
 * source. It is never changed: a change to the value removes it (the audit trail keeps both).
 */
@Entity
@Immutable
@Table(name = "sdv_item")
public class SourceVerification {

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
    @Column(name = "item_key", nullable = false, length = 200)
    private String itemKey;
    @Column(name = "item_ref", nullable = false)
    private Long itemRef;
    @Column(name = "item_version", nullable = false)
    private long itemVersion;
    @Column(name = "verified_at", nullable = false)
    private Instant verifiedAt;
    @Column(name = "verified_by", nullable = false, length = 64)
    private String verifiedBy;

    protected SourceVerification() {
    }

    public SourceVerification(String studyId, String siteId, long subjectId, long formRef, String itemKey, long itemRef,
                              long itemVersion, Instant verifiedAt, String verifiedBy) {
        this.studyId = studyId;
        this.siteId = siteId;
        this.subjectId = subjectId;
        this.formRef = formRef;
        this.itemKey = itemKey;
        this.itemRef = itemRef;
        this.itemVersion = itemVersion;
        this.verifiedAt = verifiedAt;
        this.verifiedBy = verifiedBy;
    }

    public Long getId() { return id; }
    public String getStudyId() { return studyId; }
    public String getSiteId() { return siteId; }
    public Long getSubjectId() { return subjectId; }
    public Long getFormRef() { return formRef; }
    public String getItemKey() { return itemKey; }
    public Long getItemRef() { return itemRef; }
    public long getItemVersion() { return itemVersion; }
    public Instant getVerifiedAt() { return verifiedAt; }
    public String getVerifiedBy() { return verifiedBy; }
}
