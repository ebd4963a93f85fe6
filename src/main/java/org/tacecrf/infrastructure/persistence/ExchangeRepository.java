package org.tacecrf.infrastructure.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.model.audit.AuditEvent;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.FormState;
import org.tacecrf.model.casebook.ItemData;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.Visit;
import org.tacecrf.model.user.AppUser;

/**
 * Reads for exports, a page of subjects at a time: the subjects of the user's sites in id order, then
 * all their visits, forms and values in three queries, read-only (no change tracking), so the
 * caller can clear the persistence context after each page and export any number of subjects in
 * flat memory.
 */
@ApplicationScoped
public class ExchangeRepository {

    private static final String READ_ONLY = "org.hibernate.readOnly";

    @PersistenceContext(unitName = "tace")
    private EntityManager em;

    /** The next page of subjects after {@code afterId}, within the sites given (or all). */
    public List<Subject> subjects(String studyId, Collection<String> siteIds, boolean allSites, long afterId, int max) {
        TypedQuery<Subject> query = em.createQuery("select s from Subject s where s.studyId = :study and s.id > :after"
                + (allSites ? "" : " and s.siteId in :sites") + " order by s.id", Subject.class)
                .setParameter("study", studyId).setParameter("after", afterId).setMaxResults(max).setHint(READ_ONLY, true);
        if (!allSites) {
            query.setParameter("sites", SiteScope.orNoSite(siteIds));
        }
        return query.getResultList();
    }

    /** The data of several subjects, by subject id, in three queries. */
    public Map<Long, SubjectData> subjectData(Collection<Long> subjectIds) {
        Map<Long, SubjectData> result = new LinkedHashMap<>();
        if (subjectIds.isEmpty()) {
            return result;
        }
        Map<Long, SubjectData.VisitInstance> visits = new HashMap<>();
        Map<Long, List<SubjectData.VisitInstance>> visitsBySubject = new HashMap<>();
        for (Visit v : em.createQuery("select v from Visit v where v.subjectId in :ids order by v.id", Visit.class)
                .setParameter("ids", subjectIds).setHint(READ_ONLY, true).getResultList()) {
            SubjectData.VisitInstance instance = new SubjectData.VisitInstance(v.getId(), v.getVisitId(), v.getRepeatKey(), v.getVisitDate());
            visits.put(v.getId(), instance);
            visitsBySubject.computeIfAbsent(v.getSubjectId(), k -> new ArrayList<>()).add(instance);
        }
        Map<Long, Map<ItemKey, StoredValue>> values = new HashMap<>();
        for (ItemData item : em.createQuery("select i from ItemData i where i.subjectId in :ids", ItemData.class)
                .setParameter("ids", subjectIds).setHint(READ_ONLY, true).getResultList()) {
            values.computeIfAbsent(item.getFormRef(), k -> new LinkedHashMap<>())
                    .put(new ItemKey(item.getGroupId(), item.getGroupRepeat(), item.getItemId()), item.value());
        }
        Map<Long, List<SubjectData.FormInstance>> forms = new HashMap<>();
        for (FormData f : em.createQuery("select f from FormData f where f.subjectId in :ids order by f.id", FormData.class)
                .setParameter("ids", subjectIds).setHint(READ_ONLY, true).getResultList()) {
            forms.computeIfAbsent(f.getSubjectId(), k -> new ArrayList<>()).add(new SubjectData.FormInstance(f.getId(),
                    visits.get(f.getVisitRef()), f.getFormId(), f.getRepeatKey(), f.getState() == FormState.COMPLETE,
                    values.getOrDefault(f.getId(), Map.of())));
        }
        for (Long id : subjectIds) {
            result.put(id, new SubjectData(id, visitsBySubject.getOrDefault(id, List.of()), forms.getOrDefault(id, List.of())));
        }
        return result;
    }

    /** The most rows any instance of the form has in each repeating group, across the study. */
    public Map<String, Integer> maxGroupRepeats(String studyId, String formId) {
        Map<String, Integer> max = new HashMap<>();
        em.createQuery("select i.groupId, max(i.groupRepeat) from ItemData i, FormData f, Subject s where i.formRef = f.id"
                        + " and f.subjectId = s.id and s.studyId = :study and f.formId = :form group by i.groupId", Object[].class)
                .setParameter("study", studyId).setParameter("form", formId).getResultList()
                .forEach(row -> max.put((String) row[0], ((Number) row[1]).intValue()));
        return max;
    }

    /** The audit records of item changes and enrolments of the subjects, in the order they were written. */
    public List<AuditEvent> itemHistory(Collection<Long> subjectIds) {
        if (subjectIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select e from AuditEvent e where e.subjectId in :ids and (e.entityType = 'ITEM' or e.action = 'ENROL')"
                        + " order by e.id", AuditEvent.class)
                .setParameter("ids", subjectIds).setHint(READ_ONLY, true).getResultList();
    }

    /** The users who changed the study's data, by user name. */
    public List<String> auditUsers(String studyId) {
        return em.createQuery("select distinct e.username from AuditEvent e where e.studyId = :study and e.subjectId is not null",
                String.class).setParameter("study", studyId).getResultList();
    }

    /** Full names and roles of the given users. */
    public List<AppUser> users(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select u from AppUser u where u.username in :names", AppUser.class)
                .setParameter("names", usernames).setHint(READ_ONLY, true).getResultList();
    }

    public void clear() {
        em.clear();
    }
}
