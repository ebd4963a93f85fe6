package org.tacecrf.interfaces.web;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.tacecrf.application.security.CurrentUser;
import org.tacecrf.infrastructure.persistence.StudyRepository;
import org.tacecrf.interfaces.web.support.Messages;
import org.tacecrf.model.study.Study;
import org.tacecrf.model.user.Role;

/** The header: the study the user works in, their site(s), name and role. */
@Named("layout")
@RequestScoped
public class LayoutBacking {

    @Inject
    private CurrentUser currentUser;
    @Inject
    private UserSession session;
    @Inject
    private StudyRepository studyRepository;

    private List<Study> studies;

    /** The studies the user is assigned to. */
    public List<Study> getStudies() {
        if (studies == null) {
            studies = currentUser.isAuthenticated()
                    ? studyRepository.findAll().stream().filter(s -> currentUser.canSeeStudy(s.getId())).toList()
                    : List.of();
        }
        return studies;
    }

    public String getStudyId() {
        String chosen = session.getStudyId();
        List<Study> visible = getStudies();
        if (chosen == null || visible.stream().noneMatch(s -> s.getId().equals(chosen))) {
            String first = visible.isEmpty() ? null : visible.get(0).getId();
            session.setStudyId(first);
            return first;
        }
        return chosen;
    }

    public void setStudyId(String studyId) {
        if (studyId != null && currentUser.canSeeStudy(studyId)) {
            session.setStudyId(studyId);
        }
    }

    public Study getStudy() {
        String id = getStudyId();
        return getStudies().stream().filter(s -> s.getId().equals(id)).findFirst().orElse(null);
    }

    /** Reloads the page so every part of it shows the newly chosen study. */
    public void switchStudy() throws java.io.IOException {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + FacesContext.getCurrentInstance().getViewRoot().getViewId());
    }

    public String getSiteLabel() {
        String study = getStudyId();
        if (study == null) {
            return Messages.text("header.noStudy");
        }
        if (currentUser.seesAllSites(study)) {
            return Messages.text("header.allSites");
        }
        return currentUser.siteIds(study).stream().sorted().collect(Collectors.joining(", "));
    }

    public String getRoleLabel() {
        return currentUser.getRoles().stream().sorted().map(Role::messageKey).map(Messages::text)
                .collect(Collectors.joining(", "));
    }

    public void toggleLanguage() throws java.io.IOException {
        session.setLanguage("zh-CN".equals(session.getLanguage()) ? "en" : "zh-CN");
        switchStudy();
    }
}
