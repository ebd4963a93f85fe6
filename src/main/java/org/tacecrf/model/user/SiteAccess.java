package org.tacecrf.model.user;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One site of one study a user may see. {@link #ALL_SITES} as the site grants the whole study.
 */
@Embeddable
public class SiteAccess {

    public static final String ALL_SITES = "*";

    @Column(name = "study_id", nullable = false, length = 64)
    private String studyId;

    @Column(name = "site_id", nullable = false, length = 64)
    private String siteId;

    protected SiteAccess() {
    }

    public SiteAccess(String studyId, String siteId) {
        this.studyId = Objects.requireNonNull(studyId);
        this.siteId = Objects.requireNonNull(siteId);
    }

    public String getStudyId() {
        return studyId;
    }

    public String getSiteId() {
        return siteId;
    }

    public boolean isAllSites() {
        return ALL_SITES.equals(siteId);
    }

    public boolean covers(String study, String site) {
        return studyId.equals(study) && (isAllSites() || siteId.equals(site));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SiteAccess other && studyId.equals(other.studyId) && siteId.equals(other.siteId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(studyId, siteId);
    }

    @Override
    public String toString() {
        return studyId + "/" + siteId;
    }
}
