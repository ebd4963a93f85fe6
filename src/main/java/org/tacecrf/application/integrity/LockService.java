package org.tacecrf.application.integrity;

import java.time.Instant;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.tacecrf.application.audit.Actor;
import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.infrastructure.persistence.StudyRepository;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.FormState;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.Visit;
import org.tacecrf.model.study.DataStatus;
import org.tacecrf.model.study.Site;
import org.tacecrf.model.study.Study;

/**
 * Locks on the way to database lock: a form or a whole casebook is locked by an investigator of
 * its site or a data manager; a site or the whole study is frozen (no data changes; review goes
 * on) and then locked (read-only, for analysis and export) by the study's data manager. Taking any
 * lock back needs a reason. Every step is audited. Enforcement is in the write paths
 * ({@code StudyAccess.requireEditable} for every form save, {@code FormRules} for re-derivations).
 */
@Stateless
public class LockService {

    @Inject
    private CasebookRepository casebook;
    @Inject
    private StudyRepository studies;
    @Inject
    private IntegrityGuard guard;
    @Inject
    private AuditTrail audit;

    public void lockForm(long formDataId) {
        FormData form = casebook.form(formDataId).orElseThrow(() -> notFound("form"));
        Subject subject = subject(form.getSubjectId());
        guard.requireLocker(subject);
        guard.requireNotLocked(subject.getStudyId(), subject.getSiteId());
        if (form.isLocked()) {
            throw new ValidationFailure(FieldError.of(null, "lock.error.formAlreadyLocked", form.key()));
        }
        if (form.getState() != FormState.COMPLETE) {
            throw new ValidationFailure(FieldError.of(null, "lock.error.formIncomplete", form.key()));
        }
        Actor actor = guard.user().actor();
        form.lock(Instant.now(), actor.username());
        audit.record(actor, formEntry("LOCK", subject, form).values("unlocked", "locked"));
    }

    public void unlockForm(long formDataId, String reason) {
        FormData form = casebook.form(formDataId).orElseThrow(() -> notFound("form"));
        Subject subject = subject(form.getSubjectId());
        guard.requireLocker(subject);
        guard.requireNotLocked(subject.getStudyId(), subject.getSiteId());
        requireReason(reason);
        if (!form.isLocked()) {
            throw new ValidationFailure(FieldError.of(null, "lock.error.formNotLocked", form.key()));
        }
        String was = "locked by " + form.getLockedBy() + " at " + form.getLockedAt() + " UTC";
        form.unlock();
        audit.record(guard.user().actor(), formEntry("UNLOCK", subject, form).values(was, "unlocked").reason(reason));
    }

    public void lockSubject(long subjectId) {
        Subject subject = subject(subjectId);
        guard.requireLocker(subject);
        guard.requireNotLocked(subject.getStudyId(), subject.getSiteId());
        if (subject.isLocked()) {
            throw new ValidationFailure(FieldError.of(null, "lock.subjectLocked", subject.getSubjectNumber()));
        }
        Actor actor = guard.user().actor();
        subject.lock(Instant.now(), actor.username());
        audit.record(actor, subjectEntry("LOCK", subject).values("unlocked", "locked"));
    }

    public void unlockSubject(long subjectId, String reason) {
        Subject subject = subject(subjectId);
        guard.requireLocker(subject);
        guard.requireNotLocked(subject.getStudyId(), subject.getSiteId());
        requireReason(reason);
        if (!subject.isLocked()) {
            throw new ValidationFailure(FieldError.of(null, "lock.error.subjectNotLocked", subject.getSubjectNumber()));
        }
        String was = "locked by " + subject.getLockedBy() + " at " + subject.getLockedAt() + " UTC";
        subject.unlock();
        audit.record(guard.user().actor(), subjectEntry("UNLOCK", subject).values(was, "unlocked").reason(reason));
    }

    /** Freezes, locks or reopens the whole study. */
    public Study changeStudyStatus(String studyId, DataStatus target, String reason) {
        guard.requireStudyDataManager(studyId);
        Study study = studies.find(studyId).orElseThrow(() -> notFound("study"));
        String action = transition(study.getStatus(), target, reason);
        Actor actor = guard.user().actor();
        DataStatus was = study.getStatus();
        study.changeStatus(target, Instant.now(), actor.username());
        audit.record(actor, AuditEntry.of(action, "STUDY", studyId).study(studyId, null).values(was, target).reason(reason)
                .source(AuditSource.ADMIN, null));
        return study;
    }

    /** Freezes, locks or reopens one site of the study. */
    public Site changeSiteStatus(String studyId, String siteId, DataStatus target, String reason) {
        guard.requireStudyDataManager(studyId);
        Site site = studies.findSite(studyId, siteId).orElseThrow(() -> notFound("site"));
        String action = transition(site.getStatus(), target, reason);
        Actor actor = guard.user().actor();
        DataStatus was = site.getStatus();
        site.changeStatus(target, Instant.now(), actor.username());
        audit.record(actor, AuditEntry.of(action, "SITE", studyId + "/" + siteId).study(studyId, siteId).values(was, target)
                .reason(reason).source(AuditSource.ADMIN, null));
        return site;
    }

    /** The study and its sites, for the study administration page. */
    public List<Site> sites(String studyId) {
        guard.requireStudyDataManager(studyId);
        return studies.sites(studyId);
    }

    public Study study(String studyId) {
        guard.requireStudyDataManager(studyId);
        return studies.find(studyId).orElseThrow(() -> notFound("study"));
    }

    public boolean canLock(long subjectId) {
        return casebook.subject(subjectId).map(guard::canLock).orElse(false);
    }

    /**
     * The audit action of a status change, after checking it: moving towards database lock is
     * FREEZE or LOCK; moving back is UNFREEZE or UNLOCK and needs a reason.
     */
    static String transition(DataStatus from, DataStatus to, String reason) {
        if (to == null) {
            throw new ValidationFailure(FieldError.of("status", "validation.required"));
        }
        if (from == to) {
            throw new ValidationFailure(FieldError.of("status", "status.error.unchanged", to.name()));
        }
        boolean back = to.ordinal() < from.ordinal();
        if (back && (reason == null || reason.isBlank())) {
            throw new ValidationFailure(FieldError.of("reason", "validation.reasonRequired"));
        }
        if (back) {
            return from == DataStatus.LOCKED ? "UNLOCK" : "UNFREEZE";
        }
        return to == DataStatus.FROZEN ? "FREEZE" : "LOCK";
    }

    private AuditEntry formEntry(String action, Subject subject, FormData form) {
        Visit visit = casebook.visit(form.getVisitRef()).orElseThrow();
        return AuditEntry.of(action, "FORM", form.getId()).study(subject.getStudyId(), subject.getSiteId())
                .subject(subject.getId(), subject.getSubjectNumber()).location(visit.key(), form.key(), null)
                .source(AuditSource.FORM, null);
    }

    private static AuditEntry subjectEntry(String action, Subject subject) {
        return AuditEntry.of(action, "SUBJECT", subject.getId()).study(subject.getStudyId(), subject.getSiteId())
                .subject(subject.getId(), subject.getSubjectNumber()).source(AuditSource.FORM, null);
    }

    private Subject subject(long subjectId) {
        Subject subject = casebook.subject(subjectId).orElseThrow(() -> notFound("subject"));
        guard.user().requireSite(subject.getStudyId(), subject.getSiteId());
        return subject;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationFailure(FieldError.of("reason", "validation.reasonRequired"));
        }
    }

    private static ValidationFailure notFound(String what) {
        return new ValidationFailure(FieldError.of(null, "casebook.notFound", what));
    }
}
