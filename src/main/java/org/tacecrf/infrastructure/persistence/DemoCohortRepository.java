package org.tacecrf.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.tacecrf.model.demo.DemoCohort;

/** The demo cohorts and their progress. */
@ApplicationScoped
public class DemoCohortRepository {

    @PersistenceContext(unitName = "tace")
    private EntityManager em;

    public Optional<DemoCohort> find(String studyId) {
        return Optional.ofNullable(em.find(DemoCohort.class, studyId));
    }

    public List<DemoCohort> all() {
        return em.createQuery("select c from DemoCohort c order by c.studyId", DemoCohort.class).getResultList();
    }

    public void add(DemoCohort cohort) {
        em.persist(cohort);
    }

    /** Number of subjects of a study, at any site. */
    public long subjects(String studyId) {
        return em.createQuery("select count(s) from Subject s where s.studyId = :study", Long.class)
                .setParameter("study", studyId).getSingleResult();
    }
}
