package org.tacecrf.application.integrity;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.common.AccessDeniedException;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.reading.ReadingBlinding;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.infrastructure.persistence.SiteScope;
import org.tacecrf.model.audit.AuditEvent;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.Visit;
import org.tacecrf.model.user.Role;

/**
 * Reading the audit trail (21 CFR 11.10(e); Annex 11 §9 "available, readable, regularly
 * reviewed"): the history of one item, one form or one subject for anyone who may see the
 * subject, and the study-wide log with filters, paging and CSV/XLSX export for data managers and
 * monitors. Monitors see the records of their sites; data managers also see records that belong to
 * no study (user administration). Exports are themselves audited.
 */
@Stateless
public class AuditQueryService {

    /** The columns of an export, in order. */
    public static final List<String> EXPORT_COLUMNS = List.of("id", "occurred_at_utc", "user", "role", "action", "entity",
            "entity_id", "study", "site", "subject", "visit", "form", "item", "old_value", "new_value", "reason", "source",
            "source_detail", "previous_hash", "hash");

    @PersistenceContext(unitName = "tace")
    private EntityManager em;
    @Inject
    private CasebookRepository casebook;
    @Inject
    private IntegrityGuard guard;
    @Inject
    private IndependentAudit independentAudit;

    /** The history of one value: entries, corrections, derivations, verification and signatures it broke. */
    public List<AuditEvent> itemHistory(long formDataId, String itemKey) {
        ItemKey.parse(itemKey);
        Location at = location(formDataId);
        return em.createQuery("select a from AuditEvent a where a.subjectId = :subject and a.visitKey = :visit and a.formKey = :form"
                        + " and a.itemKey = :item order by a.id", AuditEvent.class)
                .setParameter("subject", at.subject.getId()).setParameter("visit", at.visit.key())
                .setParameter("form", at.form.key()).setParameter("item", itemKey).getResultList();
    }

    /** The history of one form: its values, state, verification, signatures and locks. */
    public List<AuditEvent> formHistory(long formDataId) {
        Location at = location(formDataId);
        return em.createQuery("select a from AuditEvent a where a.subjectId = :subject and a.visitKey = :visit and a.formKey = :form"
                        + " order by a.id", AuditEvent.class)
                .setParameter("subject", at.subject.getId()).setParameter("visit", at.visit.key())
                .setParameter("form", at.form.key()).getResultList();
    }

    /** A page of one subject's history, newest first. */
    public List<AuditEvent> subjectHistory(long subjectId, int first, int max) {
        unblinded(subject(subjectId));
        return em.createQuery("select a from AuditEvent a where a.subjectId = :subject order by a.id desc", AuditEvent.class)
                .setParameter("subject", subjectId).setFirstResult(first).setMaxResults(Math.min(max, 500)).getResultList();
    }

    public long countSubjectHistory(long subjectId) {
        unblinded(subject(subjectId));
        return em.createQuery("select count(a) from AuditEvent a where a.subjectId = :subject", Long.class)
                .setParameter("subject", subjectId).getSingleResult();
    }

    /** A page of the study-wide log, newest first. */
    public List<AuditEvent> log(AuditFilter filter, int first, int max) {
        TypedQuery<AuditEvent> query = em.createQuery("select a from AuditEvent a where " + where(filter) + " order by a.id desc",
                AuditEvent.class);
        bind(query, filter);
        return query.setFirstResult(first).setMaxResults(Math.min(max, 500)).getResultList();
    }

    public long count(AuditFilter filter) {
        TypedQuery<Long> query = em.createQuery("select count(a) from AuditEvent a where " + where(filter), Long.class);
        bind(query, filter);
        return query.getSingleResult();
    }

    /** The actions and entity types found in the study's log, for the filter menus. */
    public Map<String, List<String>> vocabulary(String studyId) {
        AuditFilter filter = AuditFilter.of(studyId);
        Map<String, List<String>> words = new LinkedHashMap<>();
        for (String column : List.of("action", "entityType")) {
            TypedQuery<String> query = em.createQuery("select distinct a." + column + " from AuditEvent a where " + where(filter)
                    + " order by a." + column, String.class);
            bind(query, filter);
            words.put(column, query.getResultList());
        }
        return words;
    }

    /**
     * Writes the filtered log, oldest first, to the stream, after auditing the export in a
     * transaction of its own. The export itself runs outside a transaction: it holds no lock on the
     * audit chain while it streams, and every page of 1,000 rows is read into a persistence context
     * of its own, so memory stays flat.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long export(AuditFilter filter, AuditExportFormat format, OutputStream out) throws IOException {
        String where = where(filter);
        independentAudit.record(guard.user().actor(), AuditEntry.of("EXPORT", "AUDIT_TRAIL", filter.studyId())
                .study(filter.studyId(), blankToNull(filter.siteId())).values(null, format + ": " + filter.describe())
                .source(AuditSource.FORM, "audit trail export"));
        AuditExportFormat.RowWriter writer = format.open(out, "Audit trail " + filter.studyId());
        writer.row(EXPORT_COLUMNS);
        long written = 0;
        long after = 0;
        while (true) {
            TypedQuery<AuditEvent> query = em.createQuery("select a from AuditEvent a where " + where + " and a.id > :after order by a.id",
                    AuditEvent.class);
            bind(query, filter);
            List<AuditEvent> page = query.setParameter("after", after).setMaxResults(1000).getResultList();
            for (AuditEvent a : page) {
                writer.row(row(a));
                after = a.getId();
                written++;
            }
            if (page.size() < 1000) {
                break;
            }
        }
        writer.finish();
        return written;
    }

    static List<String> row(AuditEvent a) {
        List<String> row = new ArrayList<>(EXPORT_COLUMNS.size());
        row.add(String.valueOf(a.getId()));
        row.add(a.getOccurredAt().toString());
        row.add(a.getUsername());
        row.add(a.getUserRole());
        row.add(a.getAction());
        row.add(a.getEntityType());
        row.add(a.getEntityId());
        row.add(a.getStudyId());
        row.add(a.getSiteId());
        row.add(a.getSubjectNumber());
        row.add(a.getVisitKey());
        row.add(a.getFormKey());
        row.add(a.getItemKey());
        row.add(a.getOldValue());
        row.add(a.getNewValue());
        row.add(a.getReason());
        row.add(a.getSource());
        row.add(a.getSourceDetail());
        row.add(a.getPrevHash());
        row.add(a.getHash());
        return row;
    }

    /** One record by its id, for the data manager's verification page. */
    public java.util.Optional<AuditEvent> record(long id) {
        if (!guard.user().hasRole(Role.DATA_MANAGER)) {
            throw new AccessDeniedException("single audit records by id are for data managers");
        }
        AuditEvent event = em.find(AuditEvent.class, id);
        // A data manager who also reads blinded sees no record of that study: it may hold another reading's values.
        if (event != null && event.getStudyId() != null && guard.user().readerSlot(event.getStudyId()).isPresent()) {
            throw new AccessDeniedException("a blinded reader reads no single audit record of the study");
        }
        return java.util.Optional.ofNullable(event);
    }

    /** Whether the user may read the study-wide log. */
    public boolean canReadLog(String studyId) {
        return studyId != null && guard.user().canSeeStudy(studyId) && guard.user().hasAnyRole(Role.DATA_MANAGER, Role.MONITOR)
                && guard.user().readerSlot(studyId).isEmpty();
    }

    private String where(AuditFilter f) {
        if (!canReadLog(f.studyId())) {
            throw new AccessDeniedException("the audit log is for data managers and monitors of study " + f.studyId());
        }
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw new ValidationFailure(FieldError.of("to", "audit.error.dates"));
        }
        StringBuilder where = new StringBuilder();
        if (guard.user().hasRole(Role.DATA_MANAGER) && guard.user().seesAllSites(f.studyId())) {
            // Records of no study are user administration, visible to the data manager.
            where.append("(a.studyId = :study or a.studyId is null)");
        } else if (guard.user().seesAllSites(f.studyId())) {
            where.append("a.studyId = :study");
        } else {
            where.append("a.studyId = :study and a.siteId in :sites");
        }
        if (f.from() != null) {
            where.append(" and a.occurredAt >= :from");
        }
        if (f.to() != null) {
            where.append(" and a.occurredAt < :to");
        }
        if (notBlank(f.username())) {
            where.append(" and lower(a.username) = :user");
        }
        if (notBlank(f.action())) {
            where.append(" and a.action = :action");
        }
        if (notBlank(f.entityType())) {
            where.append(" and a.entityType = :entity");
        }
        if (notBlank(f.subjectNumber())) {
            where.append(" and upper(a.subjectNumber) = :subjectNumber");
        }
        if (notBlank(f.siteId())) {
            where.append(" and a.siteId = :site");
        }
        return where.toString();
    }

    private void bind(TypedQuery<?> query, AuditFilter f) {
        query.setParameter("study", f.studyId());
        if (!guard.user().seesAllSites(f.studyId())) {
            Set<String> sites = guard.user().siteIds(f.studyId());
            query.setParameter("sites", SiteScope.orNoSite(sites));
        }
        if (f.from() != null) {
            query.setParameter("from", f.from().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (f.to() != null) {
            query.setParameter("to", f.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (notBlank(f.username())) {
            query.setParameter("user", f.username().trim().toLowerCase());
        }
        if (notBlank(f.action())) {
            query.setParameter("action", f.action().trim());
        }
        if (notBlank(f.entityType())) {
            query.setParameter("entity", f.entityType().trim());
        }
        if (notBlank(f.subjectNumber())) {
            query.setParameter("subjectNumber", f.subjectNumber().trim().toUpperCase());
        }
        if (notBlank(f.siteId())) {
            query.setParameter("site", f.siteId().trim());
        }
    }

    private record Location(Subject subject, Visit visit, FormData form) {
    }

    private Location location(long formDataId) {
        FormData form = casebook.form(formDataId).orElseThrow(() -> notFound("form"));
        Subject subject = subject(form.getSubjectId());
        ReadingBlinding blinding = ReadingBlinding.of(guard.user().readerSlot(subject.getStudyId()).orElse(null));
        if (blinding.blinded() && blinding.visible(casebook.subjectData(subject.getId())).form(formDataId).isEmpty()) {
            throw new AccessDeniedException("another reader's assessment is blinded to this reader");
        }
        Visit visit = casebook.visit(form.getVisitRef()).orElseThrow(() -> notFound("visit"));
        return new Location(subject, visit, form);
    }

    private Subject subject(long subjectId) {
        Subject subject = casebook.subject(subjectId).orElseThrow(() -> notFound("subject"));
        guard.user().requireSite(subject.getStudyId(), subject.getSiteId());
        return subject;
    }

    /** A subject's whole history holds every reader's values: not for a blinded reader of the study. */
    private void unblinded(Subject subject) {
        if (guard.user().readerSlot(subject.getStudyId()).isPresent()) {
            throw new AccessDeniedException("a blinded reader does not read a subject's whole history");
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return notBlank(s) ? s.trim() : null;
    }

    private static ValidationFailure notFound(String what) {
        return new ValidationFailure(FieldError.of(null, "casebook.notFound", what));
    }
}
