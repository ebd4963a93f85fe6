package org.tacecrf.application.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.tacecrf.application.casebook.StudyAccess;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.VisitSchedule;
import org.tacecrf.domain.integrity.SdvProgress;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.ItemType;
import org.tacecrf.domain.study.SiteDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.domain.study.VisitForm;
import org.tacecrf.domain.study.VisitType;
import org.tacecrf.infrastructure.persistence.IntegrityRepository;
import org.tacecrf.infrastructure.persistence.PendingWork;
import org.tacecrf.infrastructure.persistence.SiteScope;
import org.tacecrf.model.audit.AuditEvent;
import org.tacecrf.model.casebook.Deviation;
import org.tacecrf.model.casebook.FormState;
import org.tacecrf.model.casebook.SubjectStatus;
import org.tacecrf.model.quality.CheckOverride;
import org.tacecrf.model.quality.DataQuery;
import org.tacecrf.model.user.Role;

/**
 * The monitor's data-quality reports over a study, within the user's sites: missing data,
 * overdue and out-of-window visits, queries by status and age, overridden soft checks,
 * deviations, enrolment against targets, data-entry lag and what still blocks a freeze. Each is a
 * few aggregate queries over the whole study, so it stays interactive with ten thousand subjects;
 * every row carries what the page needs to link to the place to act.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DataQualityService {

    public static final Role[] READERS = {Role.MONITOR, Role.DATA_MANAGER, Role.INVESTIGATOR, Role.NURSE};

    @PersistenceContext(unitName = "tace")
    private EntityManager em;
    @Inject
    private StudyAccess access;
    @Inject
    private IntegrityRepository integrity;

    /** A form that lacks data: required items empty although complete, or not started although due. */
    public record MissingRow(long subjectId, String subjectNumber, String siteId, String visitId, int visitRepeat, Long visitRef,
                             String formId, Long formDataId, String reason, int missingItems) {
    }

    /** A visit that is overdue or took place outside its window. */
    public record VisitRow(long subjectId, String subjectNumber, String siteId, String visitId, int repeat, Long visitRef,
                           LocalDate target, LocalDate earliest, LocalDate latest, LocalDate actual, String status, long daysLate) {
    }

    /** Queries counted by one dimension. */
    public record Count(String key, long open, long answered, long closed) {
        public long total() {
            return open + answered + closed;
        }
    }

    /** The query report: counts by status, site and form, an age histogram and time to close. */
    public record QueryReport(long open, long answered, long closed, List<Count> bySite, List<Count> byForm,
                              Map<String, Long> ageBuckets, Double meanDaysToClose, Double medianDaysToClose) {
    }

    /** Subjects enrolled per month and site, cumulative, against the site targets. */
    public record Enrolment(List<String> months, Map<String, List<Long>> cumulativeBySite, Map<String, Integer> targets,
                            Map<String, Long> totals) {
    }

    /** Visit date to first entry of its forms, by site. */
    public record EntryLag(String siteId, long forms, double meanDays, double medianDays, long p90Days) {
    }

    /**
     * What still blocks freezing a site: unresolved queries (open or answered), forms not complete,
     * complete forms that no valid investigator signature covers (form, visit or casebook), items of
     * complete forms not source-verified, and open deviations. {@code verifiedItems} are those of
     * complete forms verified: with the unverified ones, the site's verification progress.
     */
    public record LockReadiness(String siteId, long subjects, long openQueries, long incompleteForms, long unsignedForms,
                                long unverifiedItems, long openDeviations, long unlockedSubjects, long verifiedItems) {
        public SdvProgress sdv() {
            return new SdvProgress(verifiedItems, verifiedItems + unverifiedItems);
        }

        public boolean ready() {
            return openQueries == 0 && incompleteForms == 0 && unsignedForms == 0 && unverifiedItems == 0 && openDeviations == 0;
        }
    }

    private record Scope(String studyId, boolean all, Collection<String> sites) {
    }

    private Scope scope(ReportFilter filter) {
        access.study(filter.studyId());
        access.user().requireAnyRole(READERS);
        boolean all = access.user().seesAllSites(filter.studyId());
        Collection<String> sites = access.user().siteIds(filter.studyId());
        if (filter.siteFilter()) {
            if (!all && !sites.contains(filter.siteId())) {
                return new Scope(filter.studyId(), false, List.of(SiteScope.NO_SITE));
            }
            return new Scope(filter.studyId(), false, List.of(filter.siteId()));
        }
        return new Scope(filter.studyId(), all, SiteScope.orNoSite(sites));
    }

    private static String siteClause(Scope scope, String alias) {
        return scope.all() ? "" : " and " + alias + ".siteId in :sites";
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Scope scope) {
        query.setParameter("study", scope.studyId());
        if (!scope.all()) {
            query.setParameter("sites", scope.sites());
        }
        return query;
    }

    // ---- Missing data -------------------------------------------------------------------------------------------

    /** Forms due and visits outside their windows, from one pass over the schedule (the home page needs both). */
    public record DueWork(List<MissingRow> missing, List<VisitRow> visits) {
    }

    public DueWork dueWork(StudyDefinition study, ReportFilter filter, LocalDate today) {
        Scope scope = scope(filter);
        Schedules schedules = schedules(study, scope, filter, today);
        return new DueWork(missingData(study, filter, today, scope, schedules), visitWindows(filter, schedules));
    }

    /**
     * Every visit occurrence of the study with its schedule status, computed once per report; {@code byId}
     * holds every visit in the user's sites (whatever the visit filter), to date the forms read without them.
     */
    private record Schedules(Map<Long, String[]> subjects, List<Scheduled> visits, Map<Long, SubjectData.VisitInstance> byId) {
    }

    private record Scheduled(long subjectId, SubjectData.VisitInstance visit, VisitDef def, VisitSchedule.WindowStatus status,
                             VisitSchedule.Expected expected) {
    }

    private Schedules schedules(StudyDefinition study, Scope scope, ReportFilter filter, LocalDate today) {
        Map<Long, LocalDate> enrolled = new HashMap<>();
        Map<Long, String[]> subjects = subjects(scope, enrolled);
        List<Scheduled> visits = new ArrayList<>();
        Map<Long, SubjectData.VisitInstance> byId = new HashMap<>();
        Map<String, VisitDef> defs = new HashMap<>();
        study.schedule().forEach(v -> defs.putIfAbsent(v.id(), v));
        for (Map.Entry<Long, List<SubjectData.VisitInstance>> entry : visitsBySubject(scope).entrySet()) {
            if (!subjects.containsKey(entry.getKey())) {
                continue;
            }
            entry.getValue().forEach(v -> byId.put(v.id(), v));
            VisitSchedule schedule = new VisitSchedule(study, new SubjectData(entry.getKey(), entry.getValue(), List.of()),
                    enrolled.get(entry.getKey()));
            for (SubjectData.VisitInstance visit : entry.getValue()) {
                if (filter.visitFilter() && !visit.visitId().equals(filter.visitId())) {
                    continue;
                }
                VisitDef def = defs.get(visit.visitId());
                if (def == null) {
                    continue;
                }
                // The window once per occurrence; the visit read is the occurrence itself (one per visit and repeat).
                VisitSchedule.Expected expected = schedule.expected(def, visit.repeatKey()).orElse(null);
                VisitSchedule.WindowStatus status = VisitSchedule.status(expected, visit.date(), today);
                // A subject who left the study (died, withdrew, lost, completed) will not attend the visits still to come.
                if (status == VisitSchedule.WindowStatus.OVERDUE && visit.date() == null
                        && !SubjectStatus.ON_STUDY.name().equals(subjects.get(entry.getKey())[2])) {
                    continue;
                }
                visits.add(new Scheduled(entry.getKey(), visit, def, status, expected));
            }
        }
        return new Schedules(subjects, visits, byId);
    }

    public List<MissingRow> missingData(StudyDefinition study, ReportFilter filter, LocalDate today) {
        Scope scope = scope(filter);
        return missingData(study, filter, today, scope, schedules(study, scope, filter, today));
    }

    private List<MissingRow> missingData(StudyDefinition study, ReportFilter filter, LocalDate today, Scope scope, Schedules schedules) {
        List<MissingRow> rows = new ArrayList<>();
        Map<Long, String[]> subjects = schedules.subjects();
        // 1. Complete forms lacking an unconditional required item of a non-repeating group.
        Set<String> completeForms = bind(em.createQuery("select distinct f.formId from FormData f join Subject s on s.id = f.subjectId"
                + " where s.studyId = :study" + siteClause(scope, "s") + " and f.state = :complete", String.class), scope)
                .setParameter("complete", FormState.COMPLETE).getResultStream().collect(Collectors.toSet());
        for (FormDef form : study.forms()) {
            if ((filter.formFilter() && !form.id().equals(filter.formId())) || !completeForms.contains(form.id())) {
                continue;
            }
            List<String> required = new ArrayList<>();
            for (ItemGroupDef group : form.groups()) {
                if (!group.repeating()) {
                    group.items().stream().filter(i -> i.required() && i.type() != ItemType.CALCULATED && i.visibleWhen() == null)
                            .map(ItemDef::id).forEach(required::add);
                }
            }
            if (required.isEmpty()) {
                continue;
            }
            // The visits were read with the schedule: the forms are counted without joining them again.
            TypedQuery<Object[]> query = bind(em.createQuery("select f.id, f.subjectId, f.visitRef, count(i.id)"
                    + " from FormData f join Subject s on s.id = f.subjectId"
                    + " left join ItemData i on i.formRef = f.id and i.itemId in :items"
                    + " where s.studyId = :study" + siteClause(scope, "s") + " and f.formId = :form and f.state = :complete"
                    + " group by f.id, f.subjectId, f.visitRef having count(i.id) < :n", Object[].class), scope)
                    .setParameter("items", required).setParameter("form", form.id())
                    .setParameter("complete", FormState.COMPLETE)
                    .setParameter("n", (long) required.size());
            for (Object[] r : query.getResultList()) {
                String[] subject = subjects.get((Long) r[1]);
                SubjectData.VisitInstance visit = schedules.byId().get((Long) r[2]);
                if (subject != null && visit != null && (!filter.visitFilter() || visit.visitId().equals(filter.visitId()))
                        && inRange(filter, visit.date())) {
                    rows.add(new MissingRow((Long) r[1], subject[0], subject[1], visit.visitId(), visit.repeatKey(), visit.id(), form.id(),
                            (Long) r[0], "COMPLETE_MISSING_REQUIRED", required.size() - ((Long) r[3]).intValue()));
                }
            }
        }
        // 2. Mandatory forms not started at visits that took place or are overdue.
        // Forms started, by visit: read as pairs rather than concatenated in the database, which costs more at ten thousand subjects.
        Map<Long, Set<String>> startedForms = new HashMap<>();
        bind(em.createQuery("select f.visitRef, f.formId from FormData f join Subject s on s.id = f.subjectId where s.studyId = :study"
                + siteClause(scope, "s"), Object[].class), scope).getResultStream()
                .forEach(r -> startedForms.computeIfAbsent((Long) r[0], k -> new HashSet<>()).add((String) r[1]));
        for (Scheduled scheduled : schedules.visits()) {
            SubjectData.VisitInstance visit = scheduled.visit();
            boolean due = visit.date() != null || scheduled.status() == VisitSchedule.WindowStatus.OVERDUE;
            // Log forms (adverse events, other treatments) are entered when something happens, never due.
            if (!due || scheduled.def().type() == VisitType.LOG) {
                continue;
            }
            // Dated by the visit, or by its target while it has not taken place.
            if (!inRange(filter, visit.date() != null ? visit.date()
                    : scheduled.expected() == null ? null : scheduled.expected().target())) {
                continue;
            }
            String[] subject = schedules.subjects().get(scheduled.subjectId());
            for (VisitForm vf : scheduled.def().forms()) {
                if (vf.mandatory() && (!filter.formFilter() || vf.formId().equals(filter.formId()))
                        && !startedForms.getOrDefault(visit.id(), Set.of()).contains(vf.formId())) {
                    rows.add(new MissingRow(scheduled.subjectId(), subject[0], subject[1], visit.visitId(), visit.repeatKey(), visit.id(),
                            vf.formId(), null, visit.date() == null ? "VISIT_OVERDUE" : "NOT_STARTED", 0));
                }
            }
        }
        rows.sort(Comparator.comparing(MissingRow::siteId).thenComparing(MissingRow::subjectNumber).thenComparing(MissingRow::formId));
        return rows;
    }

    // ---- Visits against the schedule ---------------------------------------------------------------------------

    public List<VisitRow> visitWindows(StudyDefinition study, ReportFilter filter, LocalDate today) {
        Scope scope = scope(filter);
        return visitWindows(filter, schedules(study, scope, filter, today));
    }

    private List<VisitRow> visitWindows(ReportFilter filter, Schedules schedules) {
        LocalDate today = LocalDate.now();
        List<VisitRow> rows = new ArrayList<>();
        for (Scheduled scheduled : schedules.visits()) {
            if (scheduled.status() != VisitSchedule.WindowStatus.OVERDUE && scheduled.status() != VisitSchedule.WindowStatus.OUT_OF_WINDOW) {
                continue;
            }
            VisitSchedule.Expected expected = scheduled.expected();
            SubjectData.VisitInstance visit = scheduled.visit();
            LocalDate reference = visit.date() != null ? visit.date() : today;
            long late = reference.isAfter(expected.latest()) ? expected.latest().until(reference, java.time.temporal.ChronoUnit.DAYS)
                    : -reference.until(expected.earliest(), java.time.temporal.ChronoUnit.DAYS);
            if (inRange(filter, expected.target())) {
                String[] subject = schedules.subjects().get(scheduled.subjectId());
                rows.add(new VisitRow(scheduled.subjectId(), subject[0], subject[1], visit.visitId(), visit.repeatKey(), visit.id(),
                        expected.target(), expected.earliest(), expected.latest(), visit.date(), scheduled.status().name(), late));
            }
        }
        rows.sort(Comparator.comparing(VisitRow::status).thenComparing(VisitRow::daysLate, Comparator.reverseOrder()));
        return rows;
    }

    /** Whether a row dated {@code date} lies in the filter's range; an undated row only when no range is asked. */
    private static boolean inRange(ReportFilter filter, LocalDate date) {
        if (date == null) {
            return filter.from() == null && filter.to() == null;
        }
        return (filter.from() == null || !date.isBefore(filter.from())) && (filter.to() == null || !date.isAfter(filter.to()));
    }

    // ---- Queries ---------------------------------------------------------------------------------------------------

    public QueryReport queries(ReportFilter filter) {
        Scope scope = scope(filter);
        String where = " from DataQuery q where q.studyId = :study" + siteClause(scope, "q")
                + (filter.formFilter() ? " and q.formId = :form" : "")
                // Queries on a subject as a whole have no visit: a visit filter leaves them out.
                + (filter.visitFilter() ? " and q.visitRef in (select v.id from Visit v where v.visitId = :visit)" : "")
                + (filter.from() != null ? " and q.raisedAt >= :from" : "") + (filter.to() != null ? " and q.raisedAt < :to" : "");
        Map<String, long[]> bySite = new TreeMap<>();
        Map<String, long[]> byForm = new TreeMap<>();
        long[] totals = new long[3];
        for (Object[] r : params(bind(em.createQuery("select q.siteId, q.formId, q.status, count(q)" + where
                + " group by q.siteId, q.formId, q.status", Object[].class), scope), filter).getResultList()) {
            int index = ((DataQuery.Status) r[2]).ordinal();
            long n = (Long) r[3];
            bySite.computeIfAbsent((String) r[0], k -> new long[3])[index] += n;
            byForm.computeIfAbsent(r[1] == null ? "—" : (String) r[1], k -> new long[3])[index] += n;
            totals[index] += n;
        }
        Map<String, Long> buckets = new LinkedHashMap<>();
        for (String bucket : List.of("0-7", "8-14", "15-30", "31-60", ">60")) {
            buckets.put(bucket, 0L);
        }
        Instant now = Instant.now();
        List<Instant> openSince = params(bind(em.createQuery("select q.raisedAt" + where + " and q.status <> :closed", Instant.class),
                scope), filter).setParameter("closed", DataQuery.Status.CLOSED).getResultList();
        for (Instant raised : openSince) {
            long days = Duration.between(raised, now).toDays();
            String bucket = days <= 7 ? "0-7" : days <= 14 ? "8-14" : days <= 30 ? "15-30" : days <= 60 ? "31-60" : ">60";
            buckets.merge(bucket, 1L, Long::sum);
        }
        List<Double> closeDays = params(bind(em.createQuery("select q.raisedAt, q.closedAt" + where + " and q.status = :closed",
                Object[].class), scope), filter).setParameter("closed", DataQuery.Status.CLOSED).getResultStream()
                .map(r -> Duration.between((Instant) r[0], (Instant) r[1]).toHours() / 24.0).sorted().toList();
        Double mean = closeDays.isEmpty() ? null : closeDays.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        Double median = closeDays.isEmpty() ? null : median(closeDays);
        return new QueryReport(totals[0], totals[1], totals[2], counts(bySite), counts(byForm), buckets, mean, median);
    }

    private static <T> TypedQuery<T> params(TypedQuery<T> query, ReportFilter filter) {
        if (filter.formFilter()) {
            query.setParameter("form", filter.formId());
        }
        if (filter.visitFilter() && query.getParameters().stream().anyMatch(p -> "visit".equals(p.getName()))) {
            query.setParameter("visit", filter.visitId());
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from().atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        return query;
    }

    private static List<Count> counts(Map<String, long[]> map) {
        return map.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * Refuses the reports page to a blinded reader of the study: its reports run across every reading
     * (overridden checks and changes after verification name them), and a reader needs none of them.
     * The home page's own lists use the report queries too, so they are not refused one by one.
     */
    public void requireReportsAccess(String studyId) {
        access.requireUnblinded(studyId);
    }

    // ---- Overridden checks, deviations -------------------------------------------------------------------------------

    /** Refused to a blinded reader of the study: the reasons and checks would tell of the other reading. */
    public List<CheckOverride> overriddenChecks(ReportFilter filter) {
        Scope scope = scope(filter);
        access.requireUnblinded(filter.studyId());
        return params(bind(em.createQuery("select o from CheckOverride o where o.studyId = :study" + siteClause(scope, "o")
                + (filter.from() != null ? " and o.confirmedAt >= :from" : "") + (filter.to() != null ? " and o.confirmedAt < :to" : "")
                + (filter.formFilter() ? " and o.formRef in (select f.id from FormData f where f.formId = :form)" : "")
                + " order by o.confirmedAt desc", CheckOverride.class), scope), filter).setMaxResults(5000).getResultList();
    }

    /**
     * Deviations counted by type (rows) and site (columns), dated by when they occurred; a form filter
     * keeps those raised on that form (by an edit check), as only they have one.
     */
    public Map<String, Map<String, Long>> deviationsByTypeAndSite(ReportFilter filter) {
        Scope scope = scope(filter);
        Map<String, Map<String, Long>> table = new TreeMap<>();
        TypedQuery<Object[]> query = bind(em.createQuery("select d.type, d.siteId, count(d) from Deviation d where d.studyId = :study"
                + siteClause(scope, "d") + (filter.from() != null ? " and d.occurredOn >= :fromDay" : "")
                + (filter.to() != null ? " and d.occurredOn <= :toDay" : "")
                + (filter.formFilter() ? " and d.formRef in (select f.id from FormData f where f.formId = :form)" : "")
                + " group by d.type, d.siteId", Object[].class), scope);
        days(query, filter);
        if (filter.formFilter()) {
            query.setParameter("form", filter.formId());
        }
        for (Object[] r : query.getResultList()) {
            table.computeIfAbsent(((Deviation.Type) r[0]).name(), k -> new TreeMap<>()).put((String) r[1], (Long) r[2]);
        }
        return table;
    }

    /** Binds the filter's days to {@code :fromDay} and {@code :toDay} (both inclusive), for date columns. */
    private static void days(TypedQuery<?> query, ReportFilter filter) {
        if (filter.from() != null) {
            query.setParameter("fromDay", filter.from());
        }
        if (filter.to() != null) {
            query.setParameter("toDay", filter.to());
        }
    }

    // ---- Enrolment ---------------------------------------------------------------------------------------------------

    public Enrolment enrolment(StudyDefinition study, ReportFilter filter) {
        Scope scope = scope(filter);
        Map<String, Map<YearMonth, Long>> perSite = new TreeMap<>();
        YearMonth first = null;
        YearMonth last = null;
        TypedQuery<Object[]> query = bind(em.createQuery("select s.siteId, s.enrolmentDate from Subject s where s.studyId = :study"
                + siteClause(scope, "s") + (filter.from() != null ? " and s.enrolmentDate >= :fromDay" : "")
                + (filter.to() != null ? " and s.enrolmentDate <= :toDay" : ""), Object[].class), scope);
        days(query, filter);
        for (Object[] r : query.getResultList()) {
            YearMonth month = YearMonth.from((LocalDate) r[1]);
            perSite.computeIfAbsent((String) r[0], k -> new TreeMap<>()).merge(month, 1L, Long::sum);
            first = first == null || month.isBefore(first) ? month : first;
            last = last == null || month.isAfter(last) ? month : last;
        }
        List<String> months = new ArrayList<>();
        Map<String, List<Long>> cumulative = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        if (first != null) {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                months.add(m.toString());
            }
            for (Map.Entry<String, Map<YearMonth, Long>> site : perSite.entrySet()) {
                List<Long> series = new ArrayList<>();
                long sum = 0;
                for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                    sum += site.getValue().getOrDefault(m, 0L);
                    series.add(sum);
                }
                cumulative.put(site.getKey(), series);
                totals.put(site.getKey(), sum);
            }
        }
        Map<String, Integer> targets = new LinkedHashMap<>();
        for (SiteDef site : study.sites()) {
            if (site.enrolmentTarget() != null && (scope.all() || scope.sites().contains(site.id()))) {
                targets.put(site.id(), site.enrolmentTarget());
            }
        }
        return new Enrolment(months, cumulative, targets, totals);
    }

    // ---- Data-entry lag -------------------------------------------------------------------------------------------------

    public List<EntryLag> entryLag(ReportFilter filter) {
        return entryLagReport(filter, 0).bySite();
    }

    /** A form and the days from its visit to its first entry, with what the page needs to open it. */
    public record LateEntry(long subjectId, String subjectNumber, String siteId, String visitId, int visitRepeat, String formId,
                            long formDataId, LocalDate visitDate, LocalDate entered, long days) {
    }

    /** Data-entry lag by site, and the {@code max} forms entered longest after their visit (the ones to ask about). */
    public record EntryLagReport(List<EntryLag> bySite, List<LateEntry> latest) {
    }

    public EntryLagReport entryLagReport(ReportFilter filter, int max) {
        Scope scope = scope(filter);
        Map<String, List<Long>> lags = new TreeMap<>();
        TypedQuery<Object[]> query = bind(em.createQuery("select s.siteId, v.visitDate, f.createdAt, f.id, f.subjectId, s.subjectNumber,"
                + " v.visitId, v.repeatKey, f.formId from FormData f"
                + " join Visit v on v.id = f.visitRef join Subject s on s.id = f.subjectId where s.studyId = :study"
                + siteClause(scope, "s") + " and v.visitDate is not null" + (filter.formFilter() ? " and f.formId = :form" : "")
                + (filter.visitFilter() ? " and v.visitId = :visit" : "")
                + (filter.from() != null ? " and v.visitDate >= :fromDay" : "") + (filter.to() != null ? " and v.visitDate <= :toDay" : ""),
                Object[].class), scope);
        if (filter.formFilter()) {
            query.setParameter("form", filter.formId());
        }
        if (filter.visitFilter()) {
            query.setParameter("visit", filter.visitId());
        }
        days(query, filter);
        // The longest lags, in a heap of at most max entries with the shortest on top, pushed out by a longer one.
        PriorityQueue<LateEntry> latest = new PriorityQueue<>(Comparator.comparingLong(LateEntry::days)
                .thenComparing(LateEntry::formDataId, Comparator.reverseOrder()));
        for (Object[] r : query.getResultList()) {
            LocalDate visit = (LocalDate) r[1];
            LocalDate entered = ((Instant) r[2]).atZone(ZoneOffset.UTC).toLocalDate();
            long days = Math.max(0, entered.toEpochDay() - visit.toEpochDay());
            lags.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(days);
            if (max > 0 && (latest.size() < max || days > latest.peek().days())) {
                latest.add(new LateEntry((Long) r[4], (String) r[5], (String) r[0], (String) r[6], (Integer) r[7], (String) r[8],
                        (Long) r[3], visit, entered, days));
                if (latest.size() > max) {
                    latest.poll();
                }
            }
        }
        List<EntryLag> rows = new ArrayList<>();
        lags.forEach((site, list) -> {
            List<Long> sorted = list.stream().sorted().toList();
            double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0);
            double median = median(sorted.stream().map(Long::doubleValue).toList());
            long p90 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.9 * sorted.size()) - 1));
            rows.add(new EntryLag(site, sorted.size(), mean, median, p90));
        });
        List<LateEntry> longest = new ArrayList<>(latest);
        longest.sort(Comparator.comparingLong(LateEntry::days).reversed().thenComparing(LateEntry::subjectNumber)
                .thenComparingLong(LateEntry::formDataId));
        return new EntryLagReport(rows, longest);
    }

    // ---- Lock readiness ---------------------------------------------------------------------------------------------------

    public List<LockReadiness> lockReadiness(StudyDefinition study, ReportFilter filter) {
        Scope scope = scope(filter);
        Map<String, long[]> bySite = new TreeMap<>();
        for (Object[] r : bind(em.createQuery("select s.siteId, count(s), sum(case when " + PendingWork.UNLOCKED.subjectCondition() + " then 1 else 0 end)"
                + " from Subject s where s.studyId = :study" + siteClause(scope, "s") + " group by s.siteId", Object[].class), scope)
                .getResultList()) {
            long[] v = bySite.computeIfAbsent((String) r[0], k -> new long[8]);
            v[0] = (Long) r[1];
            v[6] = r[2] == null ? 0 : ((Number) r[2]).longValue();
        }
        for (Object[] r : bind(em.createQuery("select q.siteId, count(q) from DataQuery q where q.studyId = :study" + siteClause(scope, "q")
                + " and q.status <> :closed group by q.siteId", Object[].class), scope)
                .setParameter("closed", DataQuery.Status.CLOSED).getResultList()) {
            bySite.computeIfAbsent((String) r[0], k -> new long[8])[1] = (Long) r[1];
        }
        // Forms not complete in column 2, complete forms not signed in column 3.
        List<PendingWork> formKinds = List.of(PendingWork.INCOMPLETE_FORMS, PendingWork.UNSIGNED_FORMS);
        for (int k = 0; k < formKinds.size(); k++) {
            PendingWork kind = formKinds.get(k);
            int column = 2 + k;
            for (Object[] r : kind.bind(bind(em.createQuery("select s.siteId, count(f) from FormData f join Subject s on s.id = f.subjectId"
                    + " where s.studyId = :study" + siteClause(scope, "s") + " and " + kind.formCondition()
                    + " group by s.siteId", Object[].class), scope)).getResultList()) {
                bySite.computeIfAbsent((String) r[0], key -> new long[8])[column] = (Long) r[1];
            }
        }
        integrity.progressBySite(scope.studyId(), scope.all() ? null : scope.sites()).forEach((site, progress) -> {
            long[] v = bySite.computeIfAbsent(site, k -> new long[8]);
            v[4] = progress.total() - progress.verified();
            v[7] = progress.verified();
        });
        for (Object[] r : bind(em.createQuery("select d.siteId, count(d) from Deviation d where d.studyId = :study" + siteClause(scope, "d")
                + " and d.status = :open group by d.siteId", Object[].class), scope)
                .setParameter("open", Deviation.Status.OPEN).getResultList()) {
            bySite.computeIfAbsent((String) r[0], k -> new long[8])[5] = (Long) r[1];
        }
        List<LockReadiness> rows = new ArrayList<>();
        bySite.forEach((site, v) -> rows.add(new LockReadiness(site, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7])));
        return rows;
    }

    // ---- Verification and signatures -------------------------------------------------------------------------------

    /** A verified value that changed afterwards (its verification was reset). */
    public record ChangedAfterVerification(long subjectId, String subjectNumber, String siteId, String form, String item,
                                           Instant changedAt, String changedBy) {
    }

    /** Refused to a blinded reader of the study: it names every reader's changed items. */
    public List<ChangedAfterVerification> changedAfterVerification(ReportFilter filter) {
        Scope scope = scope(filter);
        access.requireUnblinded(filter.studyId());
        return params(bind(em.createQuery("select a from AuditEvent a where a.studyId = :study" + siteClause(scope, "a")
                        + " and a.action = 'SDV_RESET'" + (filter.from() != null ? " and a.occurredAt >= :from" : "")
                        + (filter.to() != null ? " and a.occurredAt < :to" : "") + " order by a.id desc",
                AuditEvent.class), scope), withoutForm(filter)).setMaxResults(2000).getResultStream()
                .map(a -> new ChangedAfterVerification(a.getSubjectId() == null ? 0 : a.getSubjectId(), a.getSubjectNumber(), a.getSiteId(),
                        a.getFormKey(), a.getItemKey(), a.getOccurredAt(), a.getUsername()))
                .toList();
    }

    private static ReportFilter withoutForm(ReportFilter filter) {
        return new ReportFilter(filter.studyId(), filter.siteId(), filter.visitId(), null, filter.from(), filter.to());
    }

    /** A complete form that no valid signature covers (form, visit or casebook signature). */
    public record Unsigned(long subjectId, String subjectNumber, String siteId, long formDataId, String formId, String visitId,
                           int visitRepeat) {
    }

    /** A casebook with complete forms that no valid signature covers yet, and how many. */
    public record AwaitingSignature(long subjectId, String subjectNumber, String siteId, long unsignedForms) {
    }

    /** Casebooks whose complete forms are not all signed, most unsigned forms first. */
    public List<AwaitingSignature> casebooksAwaitingSignature(ReportFilter filter, int max) {
        Scope scope = scope(filter);
        return PendingWork.UNSIGNED_FORMS.bind(bind(em.createQuery("select f.subjectId, s.subjectNumber, s.siteId, count(f)"
                        + " from FormData f join Subject s on s.id = f.subjectId"
                        + " where s.studyId = :study" + siteClause(scope, "s") + " and " + PendingWork.UNSIGNED_FORMS.formCondition()
                        + " group by f.subjectId, s.subjectNumber, s.siteId order by count(f) desc, s.subjectNumber", Object[].class), scope))
                .setMaxResults(max).getResultStream()
                .map(r -> new AwaitingSignature((Long) r[0], (String) r[1], (String) r[2], (Long) r[3])).toList();
    }

    /** Items of complete forms verified against source, over the user's sites (or the filter's site). */
    public SdvProgress sdvProgress(ReportFilter filter) {
        Scope scope = scope(filter);
        long verified = 0;
        long total = 0;
        for (SdvProgress p : integrity.progressBySite(scope.studyId(), scope.all() ? null : scope.sites()).values()) {
            verified += p.verified();
            total += p.total();
        }
        return new SdvProgress(verified, total);
    }

    public List<Unsigned> unsignedCompleteForms(ReportFilter filter, int max) {
        Scope scope = scope(filter);
        return PendingWork.UNSIGNED_FORMS.bind(bind(em.createQuery("select f.id, f.subjectId, s.subjectNumber, s.siteId, f.formId, v.visitId, v.repeatKey"
                        + " from FormData f join Subject s on s.id = f.subjectId join Visit v on v.id = f.visitRef"
                        + " where s.studyId = :study" + siteClause(scope, "s") + " and " + PendingWork.UNSIGNED_FORMS.formCondition()
                        + " order by s.subjectNumber, f.id", Object[].class), scope))
                .setMaxResults(max).getResultStream()
                .map(r -> new Unsigned((Long) r[1], (String) r[2], (String) r[3], (Long) r[0], (String) r[4], (String) r[5], (Integer) r[6]))
                .toList();
    }

    // ---- Bulk reads ----------------------------------------------------------------------------------------------------

    /** Subject id → {number, site, status}; fills {@code enrolled} with the enrolment dates from the same read. */
    private Map<Long, String[]> subjects(Scope scope, Map<Long, LocalDate> enrolled) {
        Map<Long, String[]> map = new HashMap<>();
        bind(em.createQuery("select s.id, s.subjectNumber, s.siteId, s.status, s.enrolmentDate from Subject s where s.studyId = :study"
                + siteClause(scope, "s"), Object[].class), scope).getResultStream()
                .forEach(r -> {
                    map.put((Long) r[0], new String[] {(String) r[1], (String) r[2], ((SubjectStatus) r[3]).name()});
                    enrolled.put((Long) r[0], (LocalDate) r[4]);
                });
        return map;
    }

    /** Every visit occurrence of the study's subjects, in one query. */
    private Map<Long, List<SubjectData.VisitInstance>> visitsBySubject(Scope scope) {
        Map<Long, List<SubjectData.VisitInstance>> map = new HashMap<>();
        bind(em.createQuery("select v.id, v.subjectId, v.visitId, v.repeatKey, v.visitDate from Visit v join Subject s on s.id = v.subjectId"
                + " where s.studyId = :study" + siteClause(scope, "s"), Object[].class), scope).getResultStream()
                .forEach(r -> map.computeIfAbsent((Long) r[1], k -> new ArrayList<>())
                        .add(new SubjectData.VisitInstance((Long) r[0], (String) r[2], (Integer) r[3], (LocalDate) r[4])));
        return map;
    }
}
