package org.tacecrf.application.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.application.casebook.StudyAccess;
import org.tacecrf.application.common.AccessDeniedException;
import org.tacecrf.application.common.ConcurrentEditException;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.domain.exchange.ExchangeProblem;
import org.tacecrf.domain.exchange.ImportRecord;
import org.tacecrf.model.audit.AuditSource;

/**
 * The transactions of an import.
 * <ul>
 *   <li>A trial applies one subject's records in a transaction that is always rolled back: exactly
 *       what a commit would do, checked by the same services, and nothing kept. When a service refuses
 *       a record the trial stops there (the transaction can no longer be used) and reports which
 *       record; the caller tries again without it, so every problem of every record is found.</li>
 *   <li>A commit applies all records in one transaction: either every record is written, with its
 *       audit records and an audit record of the import, or nothing is. The persistence context is
 *       flushed and cleared after each subject, so a large file does not accumulate entities.</li>
 * </ul>
 */
@Stateless
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());

    @Inject
    private ImportApplier applier;
    @Inject
    private AuditTrail audit;
    @Inject
    private StudyAccess access;
    @PersistenceContext(unitName = "tace")
    private EntityManager em;
    @Resource
    private SessionContext session;

    /**
     * What a trial found: the outcomes of the records it applied and, when a service refused one, its
     * index and the problems.
     */
    public record Trial(List<RecordOutcome> outcomes, Integer refusedIndex, List<ExchangeProblem> refusal) {
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Trial trySubject(ImportApplier.Context ctx, List<ImportRecord> records, Set<Integer> skip) {
        List<RecordOutcome> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < records.size(); i++) {
                if (skip.contains(i)) {
                    continue;
                }
                ImportRecord record = records.get(i);
                List<ExchangeProblem> refusal = null;
                try {
                    outcomes.add(applier.apply(ctx, record));
                } catch (ValidationFailure failure) {
                    refusal = ImportApplier.problems(ctx.study(), record, failure.errors());
                } catch (AccessDeniedException | ConcurrentEditException | EJBException e) {
                    refusal = List.of(refusal(record, e));
                }
                if (refusal != null) {
                    return new Trial(outcomes, i, refusal);
                }
            }
            return new Trial(outcomes, null, List.of());
        } finally {
            session.setRollbackOnly();
        }
    }

    /** Applies every record, subject by subject, in one transaction; any refusal rolls all of it back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ImportTally commit(ImportApplier.Context ctx, List<List<ImportRecord>> subjects, ImportProgress.Tracker progress, String summary) {
        ImportTally tally = new ImportTally();
        for (List<ImportRecord> records : subjects) {
            for (ImportRecord record : records) {
                RecordOutcome outcome;
                try {
                    outcome = applier.apply(ctx, record);
                } catch (ValidationFailure failure) {
                    throw new ImportRecordFailure(ImportApplier.problems(ctx.study(), record, failure.errors()));
                } catch (AccessDeniedException | ConcurrentEditException e) {
                    throw new ImportRecordFailure(List.of(refusal(record, e)));
                }
                if (outcome.hasErrors()) {
                    throw new ImportRecordFailure(outcome.problems());
                }
                tally.add(outcome);
            }
            em.flush();
            em.clear();
            progress.step();
        }
        audit.record(access.user().actor(), AuditEntry.of("IMPORT", "IMPORT_JOB", ctx.jobId()).study(ctx.study().id(), null)
                .values(null, summary + ": " + tally.records + " records, " + tally.created.size() + " subjects created, "
                        + tally.formsChanged + " forms and " + tally.valuesChanged + " values changed")
                .reason(ctx.reason()).source(AuditSource.IMPORT, ctx.sourceDetail()));
        return tally;
    }

    private static ExchangeProblem refusal(ImportRecord record, RuntimeException e) {
        if (e instanceof EJBException) {
            LOG.log(Level.WARNING, "Import trial failed at " + record.target(), e);
        }
        if (e instanceof AccessDeniedException) {
            return ExchangeProblem.error(record.row(), null, record.subjectNumber(), "exchange.row.noAccess", record.target());
        }
        if (e instanceof ConcurrentEditException) {
            return ExchangeProblem.error(record.row(), null, null, "exchange.row.concurrent", record.target());
        }
        return ExchangeProblem.error(record.row(), null, null, "exchange.row.serverError", record.target());
    }
}
