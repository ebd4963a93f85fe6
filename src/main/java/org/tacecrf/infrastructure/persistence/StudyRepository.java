package org.tacecrf.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.tacecrf.model.study.Site;
import org.tacecrf.model.study.Study;

/** Registered studies and their sites. */
@ApplicationScoped
public class StudyRepository {

    @PersistenceContext(unitName = "tace")
    private EntityManager em;

    public Optional<Study> find(String id) {
        return Optional.ofNullable(em.find(Study.class, id));
    }

    public List<Study> findAll() {
        return em.createQuery("select s from Study s order by s.id", Study.class).getResultList();
    }

    public Optional<Site> findSite(String studyId, String siteId) {
        return Optional.ofNullable(em.find(Site.class, new Site.Key(studyId, siteId)));
    }

    public List<Site> sites(String studyId) {
        return em.createQuery("select s from Site s where s.studyId = :study order by s.siteId", Site.class)
                .setParameter("study", studyId).getResultList();
    }

    public List<Site> allSites() {
        return em.createQuery("select s from Site s order by s.studyId, s.siteId", Site.class).getResultList();
    }

    public void add(Study study) {
        em.persist(study);
    }

    public void add(Site site) {
        em.persist(site);
    }
}
