package org.tacecrf.application.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.tacecrf.application.audit.Actor;
import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.application.casebook.StudyAccess;
import org.tacecrf.application.common.ConcurrentEditException;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.infrastructure.persistence.SiteScope;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.Deviation;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.user.Role;

/**
 * Protocol deviations: recorded by checks (visit windows, eligibility), at enrolment (waivers) or
 * by hand by site staff, monitors or data managers; handled by an investigator or data manager who
 * documents what was done.
 */
@Stateless
public class DeviationService {

    public static final Role[] RECORD = {Role.NURSE, Role.INVESTIGATOR, Role.MONITOR, Role.DATA_MANAGER};
    public static final Role[] HANDLE = {Role.INVESTIGATOR, Role.DATA_MANAGER};

    @PersistenceContext(unitName = "tace")
    private EntityManager em;
    @Inject
    private CasebookRepository casebook;
    @Inject
    private StudyAccess access;
    @Inject
    private AuditTrail audit;

    public Deviation record(String studyId, String subjectNumber, Deviation.Type type, String description, LocalDate occurredOn) {
        access.study(studyId);
        access.user().requireAnyRole(RECORD);
        List<FieldError> errors = new ArrayList<>();
        Subject subject = subjectNumber == null ? null : casebook.subjectByNumber(studyId, subjectNumber.trim()).orElse(null);
        if (subject == null) {
            errors.add(FieldError.of("subject", "deviation.error.subject"));
        } else if (!access.user().canSee(studyId, subject.getSiteId())) {
            errors.add(FieldError.of("subject", "deviation.error.subject"));
        }
        if (type == null) {
            errors.add(FieldError.of("type", "validation.required"));
        }
        if (description == null || description.isBlank()) {
            errors.add(FieldError.of("description", "validation.required"));
        } else if (description.length() > 2000) {
            errors.add(FieldError.of("description", "validation.tooLong", 2000));
        }
        if (occurredOn == null) {
            errors.add(FieldError.of("occurredOn", "validation.required"));
        } else if (occurredOn.isAfter(LocalDate.now())) {
            errors.add(FieldError.of("occurredOn", "value.error.futureDate", occurredOn));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailure(errors);
        }
        access.requireActive(studyId, subject.getSiteId());
        Actor actor = access.user().actor();
        Deviation deviation = new Deviation(studyId, subject.getSiteId(), subject.getId(), type, description.trim(), occurredOn,
                Deviation.Source.MANUAL, Instant.now(), actor.username());
        em.persist(deviation);
        em.flush();
        audit.record(actor, AuditEntry.of("CREATE", "DEVIATION", deviation.getId())
                .study(studyId, subject.getSiteId()).subject(subject.getId(), subject.getSubjectNumber())
                .values(null, type + ": " + description.trim()).source(AuditSource.FORM, null));
        return deviation;
    }

    public Deviation handle(long deviationId, long expectedVersion, String resolution) {
        Deviation deviation = em.find(Deviation.class, deviationId);
        if (deviation == null) {
            throw new ValidationFailure(FieldError.of(null, "casebook.notFound", "deviation"));
        }
        access.user().requireSite(deviation.getStudyId(), deviation.getSiteId());
        access.user().requireAnyRole(HANDLE);
        if (deviation.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("Deviation " + deviationId);
        }
        if (resolution == null || resolution.isBlank()) {
            throw new ValidationFailure(FieldError.of("resolution", "validation.required"));
        }
        Actor actor = access.user().actor();
        deviation.handle(actor.username(), Instant.now(), resolution.trim());
        Subject subject = casebook.subject(deviation.getSubjectId()).orElseThrow();
        audit.record(actor, AuditEntry.of("HANDLE", "DEVIATION", deviation.getId())
                .study(deviation.getStudyId(), deviation.getSiteId()).subject(subject.getId(), subject.getSubjectNumber())
                .values(Deviation.Status.OPEN.name(), Deviation.Status.HANDLED.name()).reason(resolution.trim())
                .source(AuditSource.FORM, null));
        return deviation;
    }

    /** Deviations of the study within the user's sites; null filters do not filter. */
    public List<Deviation> list(String studyId, String siteId, Deviation.Type type, Deviation.Status status, Long subjectId) {
        return list(studyId, siteId, type, status, subjectId, null);
    }

    /**
     * As {@link #list(String, String, Deviation.Type, Deviation.Status, Long)}, and raised on a form
     * of the given id (only deviations recorded by an edit check have a form).
     */
    public List<Deviation> list(String studyId, String siteId, Deviation.Type type, Deviation.Status status, Long subjectId,
                                String formId) {
        boolean byForm = formId != null && !formId.isBlank();
        access.study(studyId);
        boolean all = access.user().seesAllSites(studyId);
        StringBuilder jpql = new StringBuilder("select d from Deviation d where d.studyId = :study");
        if (!all) {
            jpql.append(" and d.siteId in :sites");
        }
        if (siteId != null && !siteId.isBlank()) {
            jpql.append(" and d.siteId = :site");
        }
        if (type != null) {
            jpql.append(" and d.type = :type");
        }
        if (status != null) {
            jpql.append(" and d.status = :status");
        }
        if (subjectId != null) {
            jpql.append(" and d.subjectId = :subject");
        }
        if (byForm) {
            jpql.append(" and d.formRef in (select f.id from FormData f where f.formId = :form)");
        }
        TypedQuery<Deviation> query = em.createQuery(jpql + " order by d.occurredOn desc, d.id desc", Deviation.class)
                .setParameter("study", studyId);
        if (!all) {
            Collection<String> sites = access.user().siteIds(studyId);
            query.setParameter("sites", SiteScope.orNoSite(sites));
        }
        if (siteId != null && !siteId.isBlank()) {
            query.setParameter("site", siteId);
        }
        if (type != null) {
            query.setParameter("type", type);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        if (subjectId != null) {
            query.setParameter("subject", subjectId);
        }
        if (byForm) {
            query.setParameter("form", formId);
        }
        return query.setMaxResults(5000).getResultList();
    }
}
