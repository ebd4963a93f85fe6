package org.tacecrf.application.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.tacecrf.application.audit.Actor;
import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.application.casebook.StudyAccess;
import org.tacecrf.application.common.AccessDeniedException;
import org.tacecrf.application.common.ConcurrentEditException;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.reading.ReaderSlot;
import org.tacecrf.domain.casebook.reading.ReadingBlinding;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.infrastructure.persistence.SiteScope;
import org.tacecrf.infrastructure.persistence.StudyRepository;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.quality.DataQuery;
import org.tacecrf.model.quality.QueryMessage;
import org.tacecrf.model.study.DataStatus;
import org.tacecrf.model.user.Role;

/**
 * Queries: raised by a monitor or data manager on an item, form or subject, answered by the site
 * (nurse or investigator: by correcting the data or explaining), closed or re-opened by the monitor
 * or data manager. Automatic queries come from edit checks ({@link #raiseAutomatic}) and close when
 * the data no longer fail the check. Every step is kept in the thread and the audit trail.
 */
@Stateless
public class QueryService {

    public static final Role[] RAISE = {Role.MONITOR, Role.DATA_MANAGER};
    public static final Role[] ANSWER = {Role.NURSE, Role.INVESTIGATOR};
    public static final Role[] CLOSE = {Role.MONITOR, Role.DATA_MANAGER};

    @PersistenceContext(unitName = "tace")
    private EntityManager em;
    @Inject
    private CasebookRepository casebook;
    @Inject
    private StudyRepository studies;
    @Inject
    private StudyAccess access;
    @Inject
    private AuditTrail audit;

    /**
     * What a query list filters on; null fields do not filter. {@code statuses} keeps queries in any of
     * them (open and answered together are the unresolved ones, which block a freeze); null or empty
     * keeps every status.
     */
    public record Filter(String studyId, String siteId, Set<DataQuery.Status> statuses, String formId, String raisedBy,
                         Integer minDaysOpen, DataQuery.Origin origin, Long subjectId) {
        public Filter {
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        }
    }

    public DataQuery raise(long subjectId, Long formRef, String itemKey, String text) {
        return raise(subjectId, formRef, itemKey, text, AuditSource.FORM, null);
    }

    /** Raises a manual query; the source (form page or API, with the token named) goes into the audit record. */
    public DataQuery raise(long subjectId, Long formRef, String itemKey, String text, AuditSource source, String sourceDetail) {
        Subject subject = subject(subjectId);
        access.user().requireAnyRole(RAISE);
        requireNotLocked(subject);
        requireText(text);
        FormData form = formRef == null ? null : casebook.form(formRef).filter(f -> f.getSubjectId().equals(subjectId))
                .orElseThrow(() -> new ValidationFailure(FieldError.of("form", "casebook.notFound", "form")));
        Actor actor = access.user().actor();
        Instant now = Instant.now();
        DataQuery query = new DataQuery(subject.getStudyId(), subject.getSiteId(), subjectId, form == null ? null : form.getVisitRef(),
                formRef, form == null ? null : form.getFormId(), blankToNull(itemKey), DataQuery.Origin.MANUAL, null, text.trim(),
                actor.username(), now);
        em.persist(query);
        em.flush();
        message(query, QueryMessage.Kind.RAISED, text.trim(), actor, now);
        audit(actor, query, "RAISE_QUERY", null, query.getStatus().name(), text.trim(), source, sourceDetail);
        return query;
    }

    /** An edit check failed: one open automatic query per check and place. */
    public DataQuery raiseAutomatic(Subject subject, FormData form, String itemKey, String checkId, String text) {
        List<DataQuery> open = em.createQuery("select q from DataQuery q where q.subjectId = :s and q.checkId = :c"
                        + " and q.status <> :closed and (q.formRef = :f or (q.formRef is null and :f is null))"
                        + " and (q.itemKey = :i or (q.itemKey is null and :i is null))", DataQuery.class)
                .setParameter("s", subject.getId()).setParameter("c", checkId).setParameter("closed", DataQuery.Status.CLOSED)
                .setParameter("f", form == null ? null : form.getId()).setParameter("i", itemKey).getResultList();
        if (!open.isEmpty()) {
            return open.get(0);
        }
        Actor system = Actor.system();
        Instant now = Instant.now();
        DataQuery query = new DataQuery(subject.getStudyId(), subject.getSiteId(), subject.getId(), form == null ? null : form.getVisitRef(),
                form == null ? null : form.getId(), form == null ? null : form.getFormId(), itemKey, DataQuery.Origin.AUTO, checkId,
                truncate(text), system.username(), now);
        em.persist(query);
        em.flush();
        message(query, QueryMessage.Kind.RAISED, truncate(text), system, now);
        audit(system, query, "RAISE_QUERY", null, query.getStatus().name(), truncate(text), AuditSource.SYSTEM, "edit check " + checkId);
        return query;
    }

    /** The check no longer fails: its open automatic queries close, with the reason in the thread. */
    public int resolveAutomatic(long subjectId, String checkId, Long formRef, String itemKey) {
        List<DataQuery> open = em.createQuery("select q from DataQuery q where q.subjectId = :s and q.checkId = :c"
                        + " and q.origin = :auto and q.status <> :closed", DataQuery.class)
                .setParameter("s", subjectId).setParameter("c", checkId).setParameter("auto", DataQuery.Origin.AUTO)
                .setParameter("closed", DataQuery.Status.CLOSED).getResultList();
        Actor system = Actor.system();
        Instant now = Instant.now();
        int closed = 0;
        for (DataQuery query : open) {
            if ((formRef != null && !formRef.equals(query.getFormRef())) || (itemKey != null && !itemKey.equals(query.getItemKey()))) {
                continue;
            }
            String before = query.getStatus().name();
            query.closed(now, system.username());
            message(query, QueryMessage.Kind.RESOLVED_BY_DATA, "The data no longer fail check " + checkId + ".", system, now);
            audit(system, query, "CLOSE_QUERY", before, query.getStatus().name(), "resolved by corrected data", AuditSource.SYSTEM,
                    "edit check " + checkId);
            closed++;
        }
        return closed;
    }

    public DataQuery answer(long queryId, long expectedVersion, String text) {
        return answer(queryId, expectedVersion, text, AuditSource.FORM, null);
    }

    public DataQuery answer(long queryId, long expectedVersion, String text, AuditSource source, String sourceDetail) {
        DataQuery query = load(queryId, expectedVersion);
        access.user().requireAnyRole(ANSWER);
        requireNotLocked(subject(query.getSubjectId()));
        requireText(text);
        if (query.getStatus() == DataQuery.Status.CLOSED) {
            throw new ValidationFailure(FieldError.of("text", "query.error.closed"));
        }
        Actor actor = access.user().actor();
        Instant now = Instant.now();
        String before = query.getStatus().name();
        query.answered(now);
        message(query, QueryMessage.Kind.ANSWERED, text.trim(), actor, now);
        audit(actor, query, "ANSWER_QUERY", before, query.getStatus().name(), text.trim(), source, sourceDetail);
        return query;
    }

    public DataQuery close(long queryId, long expectedVersion, String text) {
        return close(queryId, expectedVersion, text, AuditSource.FORM, null);
    }

    /** Closing is allowed while the study or site is frozen (no data changes), not once it is locked. */
    public DataQuery close(long queryId, long expectedVersion, String text, AuditSource source, String sourceDetail) {
        DataQuery query = load(queryId, expectedVersion);
        access.user().requireAnyRole(CLOSE);
        requireNotLocked(subject(query.getSubjectId()));
        if (query.getStatus() == DataQuery.Status.CLOSED) {
            throw new ValidationFailure(FieldError.of("text", "query.error.closed"));
        }
        Actor actor = access.user().actor();
        Instant now = Instant.now();
        String before = query.getStatus().name();
        query.closed(now, actor.username());
        message(query, QueryMessage.Kind.CLOSED, blankToNull(text), actor, now);
        audit(actor, query, "CLOSE_QUERY", before, query.getStatus().name(), blankToNull(text), source, sourceDetail);
        return query;
    }

    public DataQuery reopen(long queryId, long expectedVersion, String text) {
        return reopen(queryId, expectedVersion, text, AuditSource.FORM, null);
    }

    public DataQuery reopen(long queryId, long expectedVersion, String text, AuditSource source, String sourceDetail) {
        DataQuery query = load(queryId, expectedVersion);
        access.user().requireAnyRole(CLOSE);
        requireNotLocked(subject(query.getSubjectId()));
        requireText(text);
        if (query.getStatus() != DataQuery.Status.CLOSED) {
            throw new ValidationFailure(FieldError.of("text", "query.error.notClosed"));
        }
        Actor actor = access.user().actor();
        Instant now = Instant.now();
        query.reopened(now);
        message(query, QueryMessage.Kind.REOPENED, text.trim(), actor, now);
        audit(actor, query, "REOPEN_QUERY", DataQuery.Status.CLOSED.name(), query.getStatus().name(), text.trim(), source, sourceDetail);
        return query;
    }

    public List<QueryMessage> thread(long queryId) {
        DataQuery query = em.find(DataQuery.class, queryId);
        if (query == null) {
            throw new ValidationFailure(FieldError.of(null, "casebook.notFound", "query"));
        }
        access.user().requireSite(query.getStudyId(), query.getSiteId());
        requireVisible(query);
        return em.createQuery("select m from QueryMessage m where m.queryId = :q order by m.id", QueryMessage.class)
                .setParameter("q", queryId).getResultList();
    }

    public DataQuery get(long queryId) {
        DataQuery query = em.find(DataQuery.class, queryId);
        if (query == null) {
            throw new ValidationFailure(FieldError.of(null, "casebook.notFound", "query"));
        }
        access.user().requireSite(query.getStudyId(), query.getSiteId());
        requireVisible(query);
        return query;
    }

    private void requireVisible(DataQuery query) {
        if (query.getSubjectId() != null && access.blinding(query.getStudyId()).blinded()
                && !visibleTo(subject(query.getSubjectId())).test(query)) {
            throw new AccessDeniedException("this query concerns a reading blinded to this reader");
        }
    }

    /** Queries of one form, for the icons at its items. */
    public List<DataQuery> forForm(long formRef) {
        FormData form = casebook.form(formRef).orElseThrow(() -> new ValidationFailure(FieldError.of(null, "casebook.notFound", "form")));
        Subject subject = subject(form.getSubjectId());
        return em.createQuery("select q from DataQuery q where q.formRef = :f order by q.id", DataQuery.class)
                .setParameter("f", formRef).getResultList().stream().filter(visibleTo(subject)).toList();
    }

    public List<DataQuery> forSubject(long subjectId) {
        Subject subject = subject(subjectId);
        return em.createQuery("select q from DataQuery q where q.subjectId = :s order by q.id", DataQuery.class)
                .setParameter("s", subjectId).getResultList().stream().filter(visibleTo(subject)).toList();
    }

    /**
     * The subject's queries a blinded reader may see: none on another reader's assessment, none of
     * the disagreement checks for an independent reader ({@link ReadingBlinding}).
     */
    private java.util.function.Predicate<DataQuery> visibleTo(Subject subject) {
        ReadingBlinding blinding = access.blinding(subject.getStudyId());
        if (!blinding.blinded()) {
            return q -> true;
        }
        SubjectData visible = blinding.visible(casebook.subjectData(subject.getId()));
        return q -> blinding.seesCheck(q.getCheckId()) && (q.getFormRef() == null || visible.form(q.getFormRef()).isPresent());
    }

    /** Open (not closed) queries per form of a subject, for the casebook matrix. */
    public Map<Long, Integer> openCounts(long subjectId) {
        Map<Long, Integer> counts = new HashMap<>();
        em.createQuery("select q.formRef, count(q) from DataQuery q where q.subjectId = :s and q.status <> :closed"
                        + " and q.formRef is not null group by q.formRef", Object[].class)
                .setParameter("s", subjectId).setParameter("closed", DataQuery.Status.CLOSED)
                .getResultList().forEach(row -> counts.put((Long) row[0], ((Long) row[1]).intValue()));
        return counts;
    }

    /** The query list, within the user's sites, newest first. */
    public List<DataQuery> list(Filter filter, int first, int max) {
        TypedQuery<DataQuery> query = em.createQuery("select q from DataQuery q where " + where(filter) + " order by q.raisedAt desc, q.id desc",
                DataQuery.class);
        bind(query, filter);
        return query.setFirstResult(first).setMaxResults(Math.min(max, 1000)).getResultList();
    }

    public long count(Filter filter) {
        TypedQuery<Long> query = em.createQuery("select count(q) from DataQuery q where " + where(filter), Long.class);
        bind(query, filter);
        return query.getSingleResult();
    }

    private String where(Filter f) {
        access.study(f.studyId());
        StringBuilder where = new StringBuilder("q.studyId = :study");
        if (!access.user().seesAllSites(f.studyId())) {
            where.append(" and q.siteId in :sites");
        }
        if (f.siteId() != null && !f.siteId().isBlank()) {
            where.append(" and q.siteId = :site");
        }
        if (!f.statuses().isEmpty()) {
            where.append(" and q.status in :statuses");
        }
        if (f.formId() != null && !f.formId().isBlank()) {
            where.append(" and q.formId = :form");
        }
        if (f.raisedBy() != null && !f.raisedBy().isBlank()) {
            where.append(" and q.raisedBy = :raisedBy");
        }
        if (f.minDaysOpen() != null) {
            where.append(" and q.raisedAt <= :openedBefore");
        }
        if (f.origin() != null) {
            where.append(" and q.origin = :origin");
        }
        if (f.subjectId() != null) {
            where.append(" and q.subjectId = :subject");
        }
        where.append(blindingClause(access.blinding(f.studyId())));
        return where.toString();
    }

    private void bind(TypedQuery<?> query, Filter f) {
        query.setParameter("study", f.studyId());
        if (!access.user().seesAllSites(f.studyId())) {
            Collection<String> sites = access.user().siteIds(f.studyId());
            query.setParameter("sites", SiteScope.orNoSite(sites));
        }
        if (f.siteId() != null && !f.siteId().isBlank()) {
            query.setParameter("site", f.siteId());
        }
        if (!f.statuses().isEmpty()) {
            query.setParameter("statuses", f.statuses());
        }
        if (f.formId() != null && !f.formId().isBlank()) {
            query.setParameter("form", f.formId());
        }
        if (f.raisedBy() != null && !f.raisedBy().isBlank()) {
            query.setParameter("raisedBy", f.raisedBy());
        }
        if (f.minDaysOpen() != null) {
            query.setParameter("openedBefore", Instant.now().minus(Duration.ofDays(f.minDaysOpen())));
        }
        if (f.origin() != null) {
            query.setParameter("origin", f.origin());
        }
        if (f.subjectId() != null) {
            query.setParameter("subject", f.subjectId());
        }
        bindBlinding(query, access.blinding(f.studyId()));
    }

    /**
     * The condition (on query alias {@code q}) a blinded reader's query lists add: the queries of their
     * own slot's assessments only, and for an independent reader none of the disagreement checks
     * ({@link ReadingBlinding}). Empty without a slot; bind with {@link #bindBlinding}.
     */
    public static String blindingClause(ReadingBlinding blinding) {
        if (!blinding.blinded()) {
            return "";
        }
        String withSlot = "select i.formRef from ItemData i where i.groupId = :readerGroup and i.groupRepeat = 1"
                + " and i.itemId = :readerItem and i.valueText = ";
        // The adjudicator also sees the queries of a scan both readers have read: the disagreement is their work.
        String bothRead = blinding.slot().orElseThrow().isReader() ? ""
                : " or q.formRef in (select f.id from FormData f where f.formId = :blindedForm"
                + " and f.visitRef in (select f1.visitRef from FormData f1 where f1.id in (" + withSlot + ":reader1))"
                + " and f.visitRef in (select f2.visitRef from FormData f2 where f2.id in (" + withSlot + ":reader2)))";
        String clause = " and (q.formId is null or q.formId <> :blindedForm or q.formRef in (" + withSlot + ":slot)" + bothRead + ")";
        return blinding.seesCheck(ReadingBlinding.DISAGREEMENT_CHECKS) ? clause
                : clause + " and (q.checkId is null or q.checkId not like :disagreement)";
    }

    public static void bindBlinding(TypedQuery<?> query, ReadingBlinding blinding) {
        if (!blinding.blinded()) {
            return;
        }
        query.setParameter("blindedForm", ReadingBlinding.ASSESSMENT_FORM);
        query.setParameter("readerGroup", ReadingBlinding.READER_ITEM.groupId());
        query.setParameter("readerItem", ReadingBlinding.READER_ITEM.itemId());
        query.setParameter("slot", blinding.slot().orElseThrow().code());
        if (!blinding.slot().orElseThrow().isReader()) {
            query.setParameter("reader1", ReaderSlot.READER_1.code());
            query.setParameter("reader2", ReaderSlot.READER_2.code());
        }
        if (!blinding.seesCheck(ReadingBlinding.DISAGREEMENT_CHECKS)) {
            query.setParameter("disagreement", ReadingBlinding.DISAGREEMENT_CHECKS + "%");
        }
    }

    private Subject subject(long subjectId) {
        Subject subject = casebook.subject(subjectId).orElseThrow(() -> new ValidationFailure(FieldError.of(null, "casebook.notFound", "subject")));
        access.readable(subject);
        return subject;
    }

    private DataQuery load(long queryId, long expectedVersion) {
        DataQuery query = get(queryId);
        if (query.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("Query " + queryId);
        }
        return query;
    }

    /** Queries stay workable while frozen; a locked study or site is read-only. */
    private void requireNotLocked(Subject subject) {
        DataStatus study = studies.find(subject.getStudyId()).map(s -> s.getStatus()).orElse(DataStatus.ACTIVE);
        DataStatus site = studies.findSite(subject.getStudyId(), subject.getSiteId()).map(s -> s.getStatus()).orElse(DataStatus.ACTIVE);
        if (study == DataStatus.LOCKED || site == DataStatus.LOCKED) {
            throw new ValidationFailure(FieldError.of(null, "query.error.locked"));
        }
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationFailure(FieldError.of("text", "validation.required"));
        }
        if (text.length() > 2000) {
            throw new ValidationFailure(FieldError.of("text", "validation.tooLong", 2000));
        }
    }

    private void message(DataQuery query, QueryMessage.Kind kind, String text, Actor actor, Instant at) {
        em.persist(new QueryMessage(query.getId(), kind, text, actor.username(), actor.role(), at));
    }

    private void audit(Actor actor, DataQuery query, String action, String before, String after, String text, AuditSource source,
                       String detail) {
        Subject subject = casebook.subject(query.getSubjectId()).orElseThrow();
        audit.record(actor, AuditEntry.of(action, "QUERY", query.getId())
                .study(query.getStudyId(), query.getSiteId()).subject(subject.getId(), subject.getSubjectNumber())
                .location(query.getVisitRef() == null ? null : String.valueOf(query.getVisitRef()),
                        query.getFormRef() == null ? null : query.getFormId() + "#" + query.getFormRef(), query.getItemKey())
                .values(before, after).reason(text).source(source, detail));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String truncate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
    }

    static List<String> roles(Role... roles) {
        List<String> names = new ArrayList<>();
        for (Role r : roles) {
            names.add(r.name());
        }
        return names;
    }

    static void deny(String why) {
        throw new AccessDeniedException(why);
    }
}
