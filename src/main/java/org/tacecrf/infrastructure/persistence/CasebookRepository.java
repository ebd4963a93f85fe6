package org.tacecrf.infrastructure.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.FormState;
import org.tacecrf.model.casebook.ItemData;
import org.tacecrf.model.casebook.NumberSequence;
import org.tacecrf.model.casebook.Screening;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.SubjectStatus;
import org.tacecrf.model.casebook.Visit;

/** Subjects, screenings, visits, forms and item values. */
@ApplicationScoped
public class CasebookRepository {

    @PersistenceContext(unitName = "tace")
    private EntityManager em;

    /**
     * What a subject list shows, filtered on the server and paged; {@code pending} (optional) keeps
     * the subjects with that work still to do before a freeze, as the lock-readiness report counts it.
     */
    public record SubjectFilter(String studyId, Collection<String> siteIds, boolean allSites, String search,
                                String siteId, String armId, String status, PendingWork pending) {

        public SubjectFilter(String studyId, Collection<String> siteIds, boolean allSites, String search,
                             String siteId, String armId, String status) {
            this(studyId, siteIds, allSites, search, siteId, armId, status, null);
        }
    }

    public Optional<Subject> subject(long id) {
        return Optional.ofNullable(em.find(Subject.class, id));
    }

    public Optional<Subject> subjectForUpdate(long id) {
        return Optional.ofNullable(em.find(Subject.class, id, LockModeType.OPTIMISTIC_FORCE_INCREMENT));
    }

    public Optional<Subject> subjectByNumber(String studyId, String number) {
        return em.createQuery("select s from Subject s where s.studyId = :study and s.subjectNumber = :number", Subject.class)
                .setParameter("study", studyId).setParameter("number", number).getResultStream().findFirst();
    }

    public List<Subject> subjects(SubjectFilter filter, int first, int max, String sortField, boolean ascending) {
        String order = switch (sortField == null ? "" : sortField) {
            case "siteId" -> "s.siteId";
            case "enrolmentDate" -> "s.enrolmentDate";
            case "armId" -> "s.armId";
            case "status" -> "s.status";
            default -> "s.subjectNumber";
        };
        TypedQuery<Subject> query = em.createQuery("select s from Subject s where " + where(filter)
                + " order by " + order + (ascending ? " asc" : " desc") + ", s.id", Subject.class);
        bind(query, filter);
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long countSubjects(SubjectFilter filter) {
        TypedQuery<Long> query = em.createQuery("select count(s) from Subject s where " + where(filter), Long.class);
        bind(query, filter);
        return query.getSingleResult();
    }

    private static String where(SubjectFilter f) {
        StringBuilder where = new StringBuilder("s.studyId = :study");
        if (!f.allSites()) {
            where.append(" and s.siteId in :sites");
        }
        if (f.search() != null && !f.search().isBlank()) {
            where.append(" and upper(s.subjectNumber) like :search");
        }
        if (f.siteId() != null && !f.siteId().isBlank()) {
            where.append(" and s.siteId = :site");
        }
        if (f.armId() != null && !f.armId().isBlank()) {
            where.append(" and s.armId = :arm");
        }
        if (f.status() != null && !f.status().isBlank()) {
            where.append(" and s.status = :status");
        }
        if (f.pending() != null) {
            where.append(" and ").append(f.pending().subjectCondition());
        }
        return where.toString();
    }

    /**
     * Subject id → how many of its forms are pending in that way (forms not complete, or complete and
     * not signed), for a page of subjects in one query; subjects with none are left out.
     */
    public Map<Long, Long> pendingForms(Collection<Long> subjectIds, PendingWork pending) {
        Map<Long, Long> counts = new HashMap<>();
        if (subjectIds.isEmpty() || !pending.countsForms()) {
            return counts;
        }
        pending.bind(em.createQuery("select f.subjectId, count(f) from FormData f where f.subjectId in :ids and " + pending.formCondition()
                + " group by f.subjectId", Object[].class)).setParameter("ids", subjectIds).getResultStream()
                .forEach(r -> counts.put((Long) r[0], (Long) r[1]));
        return counts;
    }

    private static void bind(TypedQuery<?> query, SubjectFilter f) {
        query.setParameter("study", f.studyId());
        if (!f.allSites()) {
            query.setParameter("sites", SiteScope.orNoSite(f.siteIds()));
        }
        if (f.search() != null && !f.search().isBlank()) {
            query.setParameter("search", "%" + f.search().trim().toUpperCase() + "%");
        }
        if (f.siteId() != null && !f.siteId().isBlank()) {
            query.setParameter("site", f.siteId());
        }
        if (f.armId() != null && !f.armId().isBlank()) {
            query.setParameter("arm", f.armId());
        }
        if (f.status() != null && !f.status().isBlank()) {
            query.setParameter("status", SubjectStatus.valueOf(f.status()));
        }
        if (f.pending() != null) {
            f.pending().bind(query);
        }
    }

    /** Subject id → subject number for a whole study, in one query. */
    public Map<Long, String> subjectNumbers(String studyId) {
        Map<Long, String> numbers = new HashMap<>();
        em.createQuery("select s.id, s.subjectNumber from Subject s where s.studyId = :study", Object[].class)
                .setParameter("study", studyId).getResultStream().forEach(r -> numbers.put((Long) r[0], (String) r[1]));
        return numbers;
    }

    public List<Screening> screenings(String studyId, Collection<String> siteIds, boolean allSites) {
        TypedQuery<Screening> query = em.createQuery("select s from Screening s where s.studyId = :study"
                + (allSites ? "" : " and s.siteId in :sites") + " order by s.screenedOn desc, s.id desc", Screening.class)
                .setParameter("study", studyId);
        if (!allSites) {
            query.setParameter("sites", SiteScope.orNoSite(siteIds));
        }
        return query.getResultList();
    }

    public Optional<Screening> screening(long id) {
        return Optional.ofNullable(em.find(Screening.class, id));
    }

    public void add(Object entity) {
        em.persist(entity);
    }

    public void remove(Object entity) {
        em.remove(entity);
    }

    public void flush() {
        em.flush();
    }

    /** The next number of a kind at a site; the row is locked until the transaction ends. */
    public int nextNumber(String studyId, String siteId, String kind) {
        NumberSequence sequence = em.find(NumberSequence.class, new NumberSequence.Key(studyId, siteId, kind),
                LockModeType.PESSIMISTIC_WRITE);
        if (sequence == null) {
            sequence = new NumberSequence(studyId, siteId, kind);
            em.persist(sequence);
            em.flush();
        }
        return sequence.take();
    }

    public void ensureSequence(String studyId, String siteId, String kind) {
        if (em.find(NumberSequence.class, new NumberSequence.Key(studyId, siteId, kind)) == null) {
            em.persist(new NumberSequence(studyId, siteId, kind));
        }
    }

    public List<Visit> visits(long subjectId) {
        return em.createQuery("select v from Visit v where v.subjectId = :subject order by v.id", Visit.class)
                .setParameter("subject", subjectId).getResultList();
    }

    public Optional<Visit> visit(long id) {
        return Optional.ofNullable(em.find(Visit.class, id));
    }

    public List<FormData> forms(long subjectId) {
        return em.createQuery("select f from FormData f where f.subjectId = :subject order by f.id", FormData.class)
                .setParameter("subject", subjectId).getResultList();
    }

    public Optional<FormData> form(long id) {
        return Optional.ofNullable(em.find(FormData.class, id));
    }

    public Optional<FormData> form(long visitRef, String formId, int repeatKey) {
        return em.createQuery("select f from FormData f where f.visitRef = :visit and f.formId = :form and f.repeatKey = :repeat",
                        FormData.class)
                .setParameter("visit", visitRef).setParameter("form", formId).setParameter("repeat", repeatKey)
                .getResultStream().findFirst();
    }

    public List<ItemData> items(long formRef) {
        return em.createQuery("select i from ItemData i where i.formRef = :form", ItemData.class)
                .setParameter("form", formRef).getResultList();
    }

    public List<ItemData> subjectItems(long subjectId) {
        return em.createQuery("select i from ItemData i where i.subjectId = :subject", ItemData.class)
                .setParameter("subject", subjectId).getResultList();
    }

    /** All of a subject's data in three queries. */
    public SubjectData subjectData(long subjectId) {
        Map<Long, SubjectData.VisitInstance> visits = new LinkedHashMap<>();
        for (Visit v : visits(subjectId)) {
            visits.put(v.getId(), new SubjectData.VisitInstance(v.getId(), v.getVisitId(), v.getRepeatKey(), v.getVisitDate()));
        }
        Map<Long, Map<ItemKey, StoredValue>> values = new HashMap<>();
        for (ItemData item : subjectItems(subjectId)) {
            values.computeIfAbsent(item.getFormRef(), k -> new LinkedHashMap<>())
                    .put(new ItemKey(item.getGroupId(), item.getGroupRepeat(), item.getItemId()), item.value());
        }
        List<SubjectData.FormInstance> forms = new ArrayList<>();
        for (FormData f : forms(subjectId)) {
            forms.add(new SubjectData.FormInstance(f.getId(), visits.get(f.getVisitRef()), f.getFormId(), f.getRepeatKey(),
                    f.getState() == FormState.COMPLETE, values.getOrDefault(f.getId(), Map.of())));
        }
        return new SubjectData(subjectId, new ArrayList<>(visits.values()), forms);
    }
}
