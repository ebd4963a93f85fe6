package org.tacecrf.infrastructure.persistence;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.ItemData;
import org.tacecrf.model.casebook.LabAeDecision;
import org.tacecrf.model.casebook.Subject;

/** Decisions on lab-based adverse-event proposals, and adverse events across a study. */
@ApplicationScoped
public class SafetyRepository {

    @PersistenceContext(unitName = "tace")
    private EntityManager em;

    public void add(LabAeDecision decision) {
        em.persist(decision);
        em.flush();
    }

    public List<LabAeDecision> decisions(long subjectId) {
        return em.createQuery("select d from LabAeDecision d where d.subjectId = :subject order by d.id", LabAeDecision.class)
                .setParameter("subject", subjectId).getResultList();
    }

    /** A form instance of a study's subjects, with its subject. */
    public record FormOfSubject(FormData form, Subject subject) {
    }

    /** Instances of a form across a study, limited to the given sites unless {@code allSites}. */
    public List<FormOfSubject> forms(String studyId, Collection<String> siteIds, boolean allSites, String formId) {
        TypedQuery<Object[]> query = em.createQuery("select f, s from FormData f, Subject s where f.subjectId = s.id"
                + " and s.studyId = :study and f.formId = :form" + (allSites ? "" : " and s.siteId in :sites")
                + " order by s.subjectNumber, f.id", Object[].class)
                .setParameter("study", studyId).setParameter("form", formId);
        if (!allSites) {
            query.setParameter("sites", SiteScope.orNoSite(siteIds));
        }
        return query.getResultList().stream().map(row -> new FormOfSubject((FormData) row[0], (Subject) row[1])).toList();
    }

    /** Values of some items of the given form instances. */
    public List<ItemData> items(Collection<Long> formRefs, Collection<String> itemIds) {
        if (formRefs.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select i from ItemData i where i.formRef in :forms and i.itemId in :items", ItemData.class)
                .setParameter("forms", formRefs).setParameter("items", itemIds).getResultList();
    }
}
