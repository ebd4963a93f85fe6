package org.tacecrf.application.integrity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.tacecrf.application.common.AccessDeniedException;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.application.security.CurrentUser;
import org.tacecrf.infrastructure.persistence.StudyRepository;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.study.DataStatus;
import org.tacecrf.model.user.Role;

/**
 * Who may review, sign, verify and lock, and when. The permission matrix:
 * <table>
 *   <caption>Review permissions</caption>
 *   <tr><th>action</th><th>who</th><th>study/site status</th></tr>
 *   <tr><td>sign a form, visit or casebook</td><td>investigator of the subject's site</td><td>active or frozen</td></tr>
 *   <tr><td>verify source data</td><td>monitor of the site</td><td>active or frozen</td></tr>
 *   <tr><td>lock / unlock a form or casebook</td><td>investigator of the site, data manager</td><td>active or frozen</td></tr>
 *   <tr><td>freeze / lock / unlock a site or the study</td><td>data manager of the study</td><td>any</td></tr>
 *   <tr><td>close a query</td><td>(query rules)</td><td>active or frozen</td></tr>
 * </table>
 * A frozen study or site takes no data changes (see {@code StudyAccess.requireActive}) but its
 * review goes on; a locked one is read-only.
 */
@RequestScoped
public class IntegrityGuard {

    @Inject
    private CurrentUser user;
    @Inject
    private StudyRepository studies;

    public CurrentUser user() {
        return user;
    }

    /** The stricter of the study's and the site's status. */
    public DataStatus status(String studyId, String siteId) {
        DataStatus study = studies.find(studyId).map(s -> s.getStatus()).orElse(DataStatus.ACTIVE);
        DataStatus site = studies.findSite(studyId, siteId).map(s -> s.getStatus()).orElse(DataStatus.ACTIVE);
        return study.stricter(site);
    }

    /** Refuses anything but reading and export while the study or the site is locked. */
    public void requireNotLocked(String studyId, String siteId) {
        DataStatus study = studies.find(studyId).map(s -> s.getStatus()).orElse(DataStatus.ACTIVE);
        if (!study.allowsReview()) {
            throw new ValidationFailure(FieldError.of(null, "review.error.studyLocked", studyId));
        }
        DataStatus site = studies.findSite(studyId, siteId).map(s -> s.getStatus()).orElse(DataStatus.ACTIVE);
        if (!site.allowsReview()) {
            throw new ValidationFailure(FieldError.of(null, "review.error.siteLocked", siteId));
        }
    }

    /**
     * The rule for closing a query: allowed while the study and site are active or frozen, refused
     * once either is locked. Query services call this instead of the data-change check.
     */
    public void requireQueryClosable(String studyId, String siteId) {
        requireNotLocked(studyId, siteId);
    }

    /** Signing and verification need data that are not locked at any level. */
    public void requireOpenForReview(Subject subject, Iterable<FormData> forms) {
        requireNotLocked(subject.getStudyId(), subject.getSiteId());
        if (subject.isLocked()) {
            throw new ValidationFailure(FieldError.of(null, "lock.subjectLocked", subject.getSubjectNumber()));
        }
        for (FormData form : forms) {
            if (form.isLocked()) {
                throw new ValidationFailure(FieldError.of(null, "review.error.formLocked", form.key()));
            }
        }
    }

    public boolean isInvestigatorAt(Subject subject) {
        return user.hasRole(Role.INVESTIGATOR) && user.canSee(subject.getStudyId(), subject.getSiteId());
    }

    public boolean canSign(Subject subject) {
        return isInvestigatorAt(subject);
    }

    public boolean canVerify(Subject subject) {
        return user.hasRole(Role.MONITOR) && user.canSee(subject.getStudyId(), subject.getSiteId());
    }

    public boolean canLock(Subject subject) {
        return isInvestigatorAt(subject)
                || user.hasRole(Role.DATA_MANAGER) && user.canSee(subject.getStudyId(), subject.getSiteId());
    }

    public void requireSigner(Subject subject) {
        if (!canSign(subject)) {
            throw new AccessDeniedException("only an investigator of site " + subject.getSiteId() + " may sign");
        }
    }

    public void requireVerifier(Subject subject) {
        if (!canVerify(subject)) {
            throw new AccessDeniedException("only a monitor of site " + subject.getSiteId() + " may verify source data");
        }
    }

    public void requireLocker(Subject subject) {
        if (!canLock(subject)) {
            throw new AccessDeniedException("only an investigator of site " + subject.getSiteId() + " or a data manager may lock");
        }
    }

    /** Study and site status belong to the study's data managers (study-wide access). */
    public void requireStudyDataManager(String studyId) {
        if (!user.hasRole(Role.DATA_MANAGER) || !user.seesAllSites(studyId)) {
            throw new AccessDeniedException("only a data manager of study " + studyId + " may change its status");
        }
    }
}
