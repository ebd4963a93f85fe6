package org.tacecrf.interfaces.web.integrity;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.tacecrf.application.integrity.SdvService;
import org.tacecrf.interfaces.web.LayoutBacking;

/** Source-data verification progress of the chosen study, per site and per subject within the user's sites. */
@Named
@ViewScoped
public class SdvProgressBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient SdvService sdv;
    @Inject
    private transient LayoutBacking layout;

    private String studyId;
    private String siteId;
    private List<SdvService.Progress> sites = List.of();
    private List<SdvService.Progress> subjects = List.of();

    @PostConstruct
    void init() {
        studyId = layout.getStudyId();
        if (studyId != null) {
            sites = sdv.progressBySite(studyId);
            loadSubjects();
        }
    }

    public void loadSubjects() {
        subjects = sdv.progressBySubject(studyId, siteId);
    }

    public List<SdvService.Progress> getSites() { return sites; }
    public List<SdvService.Progress> getSubjects() { return subjects; }
    public String getSiteId() { return siteId; }
    public void setSiteId(String siteId) { this.siteId = siteId; }
    public String getStudyId() { return studyId; }
}
