package org.tacecrf.application.exchange;

import java.time.Instant;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.tacecrf.model.exchange.ImportJob;

/**
 * The record of imports, written in transactions of their own so a refused, failed or rolled-back
 * import is still on record.
 */
@Stateless
public class ImportJobs {

    @PersistenceContext(unitName = "tace")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long start(String studyId, String formId, String fileName, long size, String sha256, ImportJob.Mode mode, String username) {
        ImportJob job = new ImportJob(studyId, formId, fileName, size, sha256, mode, username, Instant.now());
        em.persist(job);
        em.flush();
        return job.getId();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(long jobId, ImportReport report, String message) {
        ImportJob job = em.find(ImportJob.class, jobId);
        job.finish(report.status(), report.format(), report.encoding(), report.records(), report.subjectsCreated(), report.subjectsUpdated(),
                report.formsChanged(), report.valuesChanged(), report.warnings(), report.errors(), message, Instant.now());
    }

    /** A study's imports, newest first. */
    public List<ImportJob> list(String studyId, int max) {
        return em.createQuery("select j from ImportJob j where j.studyId = :study order by j.id desc", ImportJob.class)
                .setParameter("study", studyId).setMaxResults(max).getResultList();
    }

    public ImportJob get(long jobId) {
        return em.find(ImportJob.class, jobId);
    }
}
