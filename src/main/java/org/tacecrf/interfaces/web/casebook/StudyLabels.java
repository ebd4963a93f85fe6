package org.tacecrf.interfaces.web.casebook;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.tacecrf.application.study.StudyRegistration;
import org.tacecrf.domain.study.ArmDef;
import org.tacecrf.domain.study.SiteDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.interfaces.web.LayoutBacking;
import org.tacecrf.interfaces.web.UserSession;

/** Labels from the current study's definition, in the user's language, for pages. */
@Named("studyLabels")
@RequestScoped
public class StudyLabels {

    @Inject
    private StudyRegistration registration;
    @Inject
    private LayoutBacking layout;
    @Inject
    private UserSession session;

    public Optional<StudyDefinition> study() {
        String id = layout.getStudyId();
        return id == null ? Optional.empty() : registration.catalog().find(id);
    }

    public List<SiteDef> getSites() {
        return study().map(StudyDefinition::sites).orElse(List.of());
    }

    public List<ArmDef> getArms() {
        return study().map(StudyDefinition::arms).orElse(List.of());
    }

    public List<org.tacecrf.domain.study.VisitDef> getVisits() {
        return study().map(StudyDefinition::schedule).orElse(List.of());
    }

    public List<org.tacecrf.domain.study.FormDef> getForms() {
        return study().map(StudyDefinition::forms).orElse(List.of());
    }

    public String site(String siteId) {
        return study().flatMap(s -> s.site(siteId)).map(s -> s.name().get(session.getLocale())).orElse(siteId);
    }

    public String arm(String armId) {
        if (armId == null) {
            return "";
        }
        return study().flatMap(s -> s.arm(armId)).map(a -> a.label().get(session.getLocale())).orElse(armId);
    }

    public String text(org.tacecrf.domain.study.LocalizedText text) {
        return text == null ? "" : text.get(session.getLocale());
    }
}
