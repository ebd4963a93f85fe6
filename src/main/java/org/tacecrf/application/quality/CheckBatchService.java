package org.tacecrf.application.quality;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.tacecrf.application.audit.Actor;
import org.tacecrf.application.casebook.StudyAccess;
import org.tacecrf.application.study.StudyRegistration;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.validation.CheckOutcome;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.infrastructure.persistence.SiteScope;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.user.Role;

/**
 * Runs every edit check of a study over the stored data, on demand (after a definition change,
 * before a freeze): in the background, one transaction per subject so a problem with one subject
 * never rolls back the others, with progress for the page.
 */
@Stateless
public class CheckBatchService {

    private static final Logger LOG = Logger.getLogger(CheckBatchService.class.getName());

    @Inject
    private StudyAccess access;
    @Inject
    private CheckBatchProgress progress;
    @Inject
    private StudyRegistration registration;
    @Inject
    private CasebookRepository casebook;
    @Inject
    private CheckService checks;
    @PersistenceContext(unitName = "tace")
    private EntityManager em;
    @EJB
    private CheckBatchService self;

    /** Starts a run over the subjects of the user's sites; returns the job to follow. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CheckBatchProgress.Job start(String studyId) {
        access.study(studyId);
        access.user().requireAnyRole(Role.MONITOR, Role.DATA_MANAGER);
        boolean all = access.user().seesAllSites(studyId);
        var query = em.createQuery("select s.id from Subject s where s.studyId = :study"
                + (all ? "" : " and s.siteId in :sites") + " order by s.id", Long.class).setParameter("study", studyId);
        if (!all) {
            query.setParameter("sites", SiteScope.orNoSite(access.user().siteIds(studyId)));
        }
        List<Long> subjectIds = query.getResultList();
        CheckBatchProgress.Job job = progress.start(studyId, subjectIds.size());
        self.run(job, subjectIds, access.user().actor());
        return job;
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(CheckBatchProgress.Job job, List<Long> subjectIds, Actor actor) {
        StudyDefinition study = registration.definition(job.studyId());
        for (Long subjectId : subjectIds) {
            try {
                job.subjectDone(self.runOne(study, subjectId, actor));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Batch checks failed for subject " + subjectId, e);
                job.subjectFailed();
            }
        }
        job.finish();
    }

    /** One subject in its own transaction; returns how many checks failed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int runOne(StudyDefinition study, long subjectId, Actor actor) {
        Subject subject = casebook.subject(subjectId).orElseThrow();
        List<CheckOutcome> outcomes = checks.evaluateSubject(study, subject);
        checks.record(subject, null, outcomes, java.util.Map.of(), actor);
        return (int) outcomes.stream().filter(CheckOutcome::failed).count();
    }
}
