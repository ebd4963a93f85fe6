package org.tacecrf.application.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.tacecrf.application.casebook.StudyAccess;
import org.tacecrf.application.quality.QueryService;
import org.tacecrf.domain.casebook.reading.ReadingBlinding;
import org.tacecrf.domain.integrity.SdvProgress;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.infrastructure.persistence.SiteScope;
import org.tacecrf.model.casebook.Deviation;
import org.tacecrf.model.quality.DataQuery;
import org.tacecrf.model.user.Role;

/**
 * What each role sees first on the home page, for the study in the header: work waiting for the
 * user (forms due, queries to answer or to close) and the state of the study (open deviations,
 * lock readiness, query trends).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Dashboard {

    @PersistenceContext(unitName = "tace")
    private EntityManager em;
    @Inject
    private StudyAccess access;
    @Inject
    private DataQualityService reports;

    /**
     * Work waiting, and the study's state. {@code monitoring} is the monitor's line of figures (null
     * for other roles); {@code awaitingSignature} the investigator's casebooks with complete forms
     * still unsigned (empty for other roles).
     */
    public record Summary(List<DataQualityService.VisitRow> overdueVisits, List<DataQualityService.MissingRow> formsDue,
                          List<DataQuery> queriesToAnswer, List<DataQuery> queriesToClose, long openDeviations,
                          List<DataQualityService.LockReadiness> readiness, Map<String, long[]> queryTrend,
                          List<DataQualityService.Unsigned> unsigned, Monitoring monitoring,
                          List<DataQualityService.AwaitingSignature> awaitingSignature) {
    }

    /**
     * The monitor's summary line at the user's sites: forms missing (required items empty on complete
     * forms, or mandatory forms not started at visits held or overdue), soft checks overridden and still
     * in force, items of complete forms source-verified (percent, rounded down), subjects enrolled
     * against the sum of the site targets (null when no site has one).
     */
    public record Monitoring(long missingForms, long overriddenChecks, int sdvPercent, long sdvVerified, long sdvTotal,
                             long enrolled, Integer enrolmentTarget) {
    }

    public Summary summary(StudyDefinition study) {
        ReportFilter filter = ReportFilter.of(study.id());
        LocalDate today = LocalDate.now();
        DataQualityService.DueWork work = reports.dueWork(study, filter, today);
        List<DataQualityService.VisitRow> overdue = work.visits().stream().filter(v -> "OVERDUE".equals(v.status())).limit(50).toList();
        List<DataQualityService.MissingRow> due = work.missing().stream().limit(50).toList();
        List<DataQuery> toAnswer = queries(study.id(), DataQuery.Status.OPEN);
        List<DataQuery> toClose = queries(study.id(), DataQuery.Status.ANSWERED);
        long deviations = scoped(em.createQuery("select count(d) from Deviation d where d.studyId = :study and d.status = :open"
                + siteClause(study.id(), "d"), Long.class), study.id()).setParameter("open", Deviation.Status.OPEN).getSingleResult();
        boolean investigator = access.user().hasRole(Role.INVESTIGATOR);
        List<DataQualityService.Unsigned> unsigned = investigator ? reports.unsignedCompleteForms(filter, 50) : List.of();
        List<DataQualityService.AwaitingSignature> awaiting = investigator ? reports.casebooksAwaitingSignature(filter, 50) : List.of();
        List<DataQualityService.LockReadiness> readiness = reports.lockReadiness(study, filter);
        Monitoring monitoring = access.user().hasAnyRole(Role.MONITOR, Role.DATA_MANAGER)
                ? monitoring(study, filter, work.missing().size(), readiness) : null;
        return new Summary(overdue, due, toAnswer, toClose, deviations, readiness, trend(study.id()), unsigned, monitoring, awaiting);
    }

    private Monitoring monitoring(StudyDefinition study, ReportFilter filter, long missing, List<DataQualityService.LockReadiness> readiness) {
        long overridden = scoped(em.createQuery("select count(o) from CheckOverride o where o.studyId = :study and o.active = true"
                + siteClause(study.id(), "o"), Long.class), study.id()).getSingleResult();
        // Lock readiness has read the verification progress of each site already: reading it again costs as much.
        SdvProgress sdv = readiness.stream().map(DataQualityService.LockReadiness::sdv).reduce(SdvProgress.NONE, SdvProgress::plus);
        DataQualityService.Enrolment enrolment = reports.enrolment(study, filter);
        long enrolled = enrolment.totals().values().stream().mapToLong(Long::longValue).sum();
        Integer target = enrolment.targets().isEmpty() ? null : enrolment.targets().values().stream().mapToInt(Integer::intValue).sum();
        return new Monitoring(missing, overridden, sdv.percent(), sdv.verified(), sdv.total(), enrolled, target);
    }

    private List<DataQuery> queries(String studyId, DataQuery.Status status) {
        ReadingBlinding blinding = access.blinding(studyId);
        TypedQuery<DataQuery> query = scoped(em.createQuery("select q from DataQuery q where q.studyId = :study and q.status = :status"
                + siteClause(studyId, "q") + QueryService.blindingClause(blinding) + " order by q.raisedAt", DataQuery.class), studyId);
        QueryService.bindBlinding(query, blinding);
        return query.setParameter("status", status).setMaxResults(50).getResultList();
    }

    /** Queries raised and closed per week over the last eight weeks (week starting Monday, UTC). */
    private Map<String, long[]> trend(String studyId) {
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate start = monday.minusWeeks(7);
        Map<String, long[]> weeks = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            weeks.put(start.plusWeeks(i).toString(), new long[2]);
        }
        Instant since = start.atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Object[]> rows = scoped(em.createQuery("select q.raisedAt, q.closedAt from DataQuery q where q.studyId = :study"
                + siteClause(studyId, "q") + " and (q.raisedAt >= :since or q.closedAt >= :since)", Object[].class), studyId)
                .setParameter("since", since).getResultList();
        for (Object[] r : rows) {
            count(weeks, start, (Instant) r[0], 0);
            count(weeks, start, (Instant) r[1], 1);
        }
        return weeks;
    }

    private static void count(Map<String, long[]> weeks, LocalDate start, Instant at, int index) {
        if (at == null) {
            return;
        }
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        if (day.isBefore(start)) {
            return;
        }
        long week = (day.toEpochDay() - start.toEpochDay()) / 7;
        long[] slot = new ArrayList<>(weeks.values()).get((int) Math.min(week, 7));
        slot[index]++;
    }

    private String siteClause(String studyId, String alias) {
        return access.user().seesAllSites(studyId) ? "" : " and " + alias + ".siteId in :sites";
    }

    private <T> jakarta.persistence.TypedQuery<T> scoped(jakarta.persistence.TypedQuery<T> query, String studyId) {
        access.study(studyId);
        query.setParameter("study", studyId);
        if (!access.user().seesAllSites(studyId)) {
            var sites = access.user().siteIds(studyId);
            query.setParameter("sites", SiteScope.orNoSite(sites));
        }
        return query;
    }
}
