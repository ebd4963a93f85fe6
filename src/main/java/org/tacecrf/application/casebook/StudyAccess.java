package org.tacecrf.application.casebook;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.tacecrf.application.common.AccessDeniedException;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.application.security.CurrentUser;
import org.tacecrf.application.study.StudyRegistration;
import org.tacecrf.domain.casebook.reading.ReadingBlinding;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.infrastructure.persistence.StudyRepository;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.study.DataStatus;
import org.tacecrf.model.user.Role;

/**
 * The checks every casebook service makes before reading or changing data: the user's role, their
 * site, and whether the study, site, subject and form still accept changes.
 */
@RequestScoped
public class StudyAccess {

    /** Roles that enter and correct clinical data. Monitors only read, query and verify. */
    public static final Role[] DATA_ENTRY = {Role.NURSE, Role.INVESTIGATOR, Role.DATA_MANAGER};

    @Inject
    private CurrentUser currentUser;
    @Inject
    private StudyRegistration registration;
    @Inject
    private StudyRepository studies;

    public StudyDefinition study(String studyId) {
        if (!currentUser.canSeeStudy(studyId)) {
            throw new AccessDeniedException("no access to study " + studyId);
        }
        return registration.definition(studyId);
    }

    /** The subject's study definition, after checking the user may see the subject's site. */
    public StudyDefinition readable(Subject subject) {
        currentUser.requireSite(subject.getStudyId(), subject.getSiteId());
        return registration.definition(subject.getStudyId());
    }

    public void requireDataEntry(String studyId, String siteId) {
        currentUser.requireAnyRole(DATA_ENTRY);
        currentUser.requireSite(studyId, siteId);
        requireActive(studyId, siteId);
    }

    /** Refuses changes while the study or the site is frozen or locked. */
    public void requireActive(String studyId, String siteId) {
        DataStatus study = studies.find(studyId).map(s -> s.getStatus()).orElse(DataStatus.ACTIVE);
        DataStatus site = studies.findSite(studyId, siteId).map(s -> s.getStatus()).orElse(DataStatus.ACTIVE);
        if (!study.allowsDataChanges()) {
            throw new ValidationFailure(FieldError.of(null, "lock.studyNotActive", studyId, study.name()));
        }
        if (!site.allowsDataChanges()) {
            throw new ValidationFailure(FieldError.of(null, "lock.siteNotActive", siteId, site.name()));
        }
    }

    /** Whether the study and the site still take data changes (neither frozen nor locked). */
    public boolean isActive(String studyId, String siteId) {
        return studies.find(studyId).map(s -> s.getStatus().allowsDataChanges()).orElse(true)
                && studies.findSite(studyId, siteId).map(s -> s.getStatus().allowsDataChanges()).orElse(true);
    }

    public void requireEditable(Subject subject, FormData form) {
        requireDataEntry(subject.getStudyId(), subject.getSiteId());
        if (subject.isLocked()) {
            throw new ValidationFailure(FieldError.of(null, "lock.subjectLocked", subject.getSubjectNumber()));
        }
        if (form != null && form.isLocked()) {
            throw new ValidationFailure(FieldError.of(null, "lock.formLocked"));
        }
    }

    /**
     * The blinding of the study's double reading for this user: a user holding a reader slot in the
     * study sees and writes only what {@link ReadingBlinding} allows that slot; anyone else is not blinded.
     */
    public ReadingBlinding blinding(String studyId) {
        return ReadingBlinding.of(currentUser.readerSlot(studyId).orElse(null));
    }

    /**
     * Refuses study-wide outputs (exports, analysis tables, reports, the audit trail) to a user holding
     * a reader slot in the study: they would show every reader's reading at once.
     */
    public void requireUnblinded(String studyId) {
        if (currentUser.readerSlot(studyId).isPresent()) {
            throw new AccessDeniedException("a blinded reader of study " + studyId + " sees no study-wide output");
        }
    }

    public boolean canEnterData() {
        return currentUser.hasAnyRole(DATA_ENTRY);
    }

    public CurrentUser user() {
        return currentUser;
    }
}
