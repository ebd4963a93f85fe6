package org.tacecrf.application.casebook;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.tacecrf.domain.casebook.reading.ReadingBlinding;
import org.tacecrf.model.casebook.Subject;

/**
 * What the casebook matrix shows beside a form's entry state: open queries, source-data
 * verification and valid signatures, read for one subject in a few queries.
 */
@ApplicationScoped
public class CasebookFlags {

    @PersistenceContext(unitName = "tace")
    private EntityManager em;
    @jakarta.inject.Inject
    private org.tacecrf.infrastructure.persistence.IntegrityRepository integrity;
    @jakarta.inject.Inject
    private org.tacecrf.infrastructure.persistence.CasebookRepository casebook;

    public record Flags(Map<Long, Integer> queries, Set<Long> verifiedForms, Set<Long> signedForms) {
        public int openQueries(long formDataId) {
            return queries.getOrDefault(formDataId, 0);
        }

        public boolean verified(long formDataId) {
            return verifiedForms.contains(formDataId);
        }

        public boolean signed(long formDataId) {
            return signedForms.contains(formDataId);
        }
    }

    /** The flags of one subject's forms, every query counted. */
    public Flags of(Subject subject) {
        return of(subject, ReadingBlinding.none());
    }

    /** The flags of one subject's forms, counting only the queries {@code blinding} lets the user see. */
    public Flags of(Subject subject, ReadingBlinding blinding) {
        Map<Long, Integer> queries = new HashMap<>();
        em.createQuery("select q.formRef, q.checkId, count(q) from DataQuery q where q.subjectId = :s and q.status <> :closed"
                        + " and q.formRef is not null group by q.formRef, q.checkId", Object[].class)
                .setParameter("s", subject.getId()).setParameter("closed", org.tacecrf.model.quality.DataQuery.Status.CLOSED)
                .getResultList().stream().filter(row -> blinding.seesCheck((String) row[1]))
                .forEach(row -> queries.merge((Long) row[0], ((Long) row[2]).intValue(), Integer::sum));
        return new Flags(queries, integrity.verifiedForms(subject.getId()),
                integrity.signedForms(subject.getId(), casebook.forms(subject.getId())));
    }
}
