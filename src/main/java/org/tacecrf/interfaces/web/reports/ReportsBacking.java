package org.tacecrf.interfaces.web.reports;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.tacecrf.application.integrity.SdvService;
import org.tacecrf.application.reports.DataQualityService;
import org.tacecrf.application.reports.ReportFilter;
import org.tacecrf.application.safety.SafetyService;
import org.tacecrf.application.security.CurrentUser;
import org.tacecrf.application.study.StudyRegistration;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.interfaces.web.LayoutBacking;
import org.tacecrf.interfaces.web.support.Messages;
import org.tacecrf.model.quality.CheckOverride;
import org.tacecrf.model.user.Role;

/**
 * The data-quality reports page: filters, tables with links to act, charts, exports. The tabs load
 * when shown, and each report is computed for the tab that shows it, so a request costs one report.
 */
@Named
@ViewScoped
public class ReportsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient DataQualityService reports;
    @Inject
    private transient StudyRegistration registration;
    @Inject
    private transient LayoutBacking layout;
    @Inject
    private transient SdvService sdv;
    @Inject
    private transient SafetyService safety;
    @Inject
    private transient CurrentUser currentUser;

    private String studyId;
    private String siteId;
    private String visitId;
    private String formId;
    private LocalDate from;
    private LocalDate to;

    /** The tabs of the page, in their order; a link opens one with {@code ?tab=}. */
    static final List<String> TABS = List.of("missing", "visits", "queries", "overrides", "sae", "deviations", "enrolment", "lag",
            "readiness", "sdv");

    /** How many of the forms entered longest after their visit the lag tab lists. */
    private static final int LATEST_ENTRIES = 100;

    private int activeIndex;

    // Each report is computed when its tab is first shown and kept until the filter changes: a study of
    // ten thousand subjects takes up to a second for some of them, too long to compute all on each request.
    private transient StudyDefinition study;
    private List<DataQualityService.MissingRow> missing;
    private List<DataQualityService.VisitRow> visits;
    private DataQualityService.QueryReport queries;
    private List<CheckOverride> overrides;
    private Map<String, Map<String, Long>> deviations;
    private DataQualityService.Enrolment enrolment;
    private DataQualityService.EntryLagReport lag;
    private List<DataQualityService.LockReadiness> readiness;
    private List<SdvService.Progress> sdvBySite;
    private List<SdvService.Progress> sdvBySubject;
    private List<DataQualityService.ChangedAfterVerification> changedAfterSdv;
    private List<SafetyService.SeriousEvent> seriousEvents;

    @PostConstruct
    void init() {
        studyId = layout.getStudyId();
        if (studyId != null) {
            reports.requireReportsAccess(studyId);
        }
    }

    /** Applies the filter: every report is computed afresh when its tab is next shown. */
    public void refresh() {
        missing = null;
        visits = null;
        queries = null;
        overrides = null;
        deviations = null;
        enrolment = null;
        lag = null;
        readiness = null;
        sdvBySite = null;
        sdvBySubject = null;
        changedAfterSdv = null;
        seriousEvents = null;
    }

    private StudyDefinition study() {
        if (study == null) {
            study = registration.definition(studyId);
        }
        return study;
    }

    private ReportFilter filter() {
        return new ReportFilter(studyId, siteId, visitId, formId, from, to);
    }

    private boolean noStudy() {
        return studyId == null;
    }

    private boolean allSites() {
        return siteId == null || siteId.isBlank();
    }

    public List<DataQualityService.MissingRow> getMissing() {
        if (missing == null) {
            missing = noStudy() ? List.of() : reports.missingData(study(), filter(), LocalDate.now());
        }
        return missing;
    }

    public List<DataQualityService.VisitRow> getVisits() {
        if (visits == null) {
            visits = noStudy() ? List.of() : reports.visitWindows(study(), filter(), LocalDate.now());
        }
        return visits;
    }

    public DataQualityService.QueryReport getQueries() {
        if (queries == null) {
            queries = noStudy() ? new DataQualityService.QueryReport(0, 0, 0, List.of(), List.of(), Map.of(), null, null)
                    : reports.queries(filter());
        }
        return queries;
    }

    public List<CheckOverride> getOverrides() {
        if (overrides == null) {
            overrides = noStudy() ? List.of() : reports.overriddenChecks(filter());
        }
        return overrides;
    }

    private Map<String, Map<String, Long>> deviations() {
        if (deviations == null) {
            deviations = noStudy() ? Map.of() : reports.deviationsByTypeAndSite(filter());
        }
        return deviations;
    }

    public DataQualityService.Enrolment getEnrolment() {
        if (enrolment == null) {
            enrolment = noStudy() ? new DataQualityService.Enrolment(List.of(), Map.of(), Map.of(), Map.of())
                    : reports.enrolment(study(), filter());
        }
        return enrolment;
    }

    private DataQualityService.EntryLagReport lag() {
        if (lag == null) {
            lag = noStudy() ? new DataQualityService.EntryLagReport(List.of(), List.of())
                    : reports.entryLagReport(filter(), LATEST_ENTRIES);
        }
        return lag;
    }

    public List<DataQualityService.EntryLag> getLag() {
        return lag().bySite();
    }

    public List<DataQualityService.LateEntry> getLateEntries() {
        return lag().latest();
    }

    public List<DataQualityService.LockReadiness> getReadiness() {
        if (readiness == null) {
            readiness = noStudy() ? List.of() : reports.lockReadiness(study(), filter());
        }
        return readiness;
    }

    public List<SdvService.Progress> getSdvBySite() {
        if (sdvBySite == null) {
            sdvBySite = noStudy() || !isSeesVerification() ? List.of()
                    : sdv.progressBySite(studyId).stream().filter(p -> allSites() || siteId.equals(p.key())).toList();
        }
        return sdvBySite;
    }

    public List<SdvService.Progress> getSdvBySubject() {
        if (sdvBySubject == null) {
            sdvBySubject = noStudy() || !isSeesVerification() ? List.of() : sdv.progressBySubject(studyId, allSites() ? null : siteId);
        }
        return sdvBySubject;
    }

    public List<DataQualityService.ChangedAfterVerification> getChangedAfterSdv() {
        if (changedAfterSdv == null) {
            changedAfterSdv = noStudy() ? List.of() : reports.changedAfterVerification(filter());
        }
        return changedAfterSdv;
    }

    public List<SafetyService.SeriousEvent> getSeriousEvents() {
        if (seriousEvents == null) {
            seriousEvents = noStudy() ? List.of() : safety.seriousEvents(studyId, false).stream()
                    .filter(e -> allSites() || siteId.equals(e.siteId())).toList();
        }
        return seriousEvents;
    }

    /** Serious adverse events whose report is overdue or was late. */
    public long getLateSeriousEvents() {
        return getSeriousEvents().stream().filter(e -> e.reporting().status().late()).count();
    }

    public int getActiveIndex() { return activeIndex; }
    public void setActiveIndex(int activeIndex) { this.activeIndex = activeIndex; }

    /** The tab shown, by name (see {@link #TABS}); unknown names keep the first tab. */
    public String getTab() {
        return TABS.get(Math.max(0, Math.min(activeIndex, TABS.size() - 1)));
    }

    public void setTab(String tab) {
        activeIndex = Math.max(0, TABS.indexOf(tab));
    }

    /** Verification progress is the monitors' work, read by investigators and data managers; not a nurse's. */
    public boolean isSeesVerification() {
        return currentUser.hasAnyRole(Role.MONITOR, Role.INVESTIGATOR, Role.DATA_MANAGER);
    }

    public String getSdvChart() {
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        List<SdvService.Progress> sdvBySite = getSdvBySite();
        series.put(Messages.text("reports.sdvVerified"), sdvBySite.stream().map(p -> p.progress().verified()).toList());
        series.put(Messages.text("reports.sdvOpen"), sdvBySite.stream().map(p -> p.progress().total() - p.progress().verified()).toList());
        return Charts.bars(sdvBySite.stream().map(p -> p.key()).toList(), series, Messages.text("reports.values"), true);
    }

    public String getEnrolmentChart() {
        DataQualityService.Enrolment enrolment = getEnrolment();
        return Charts.lines(enrolment.months(), enrolment.cumulativeBySite(), enrolment.targets(), Messages.text("reports.subjects"));
    }

    public String getAgingChart() {
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        DataQualityService.QueryReport queries = getQueries();
        series.put(Messages.text("reports.openQueries"), new ArrayList<>(queries.ageBuckets().values()));
        return Charts.bars(new ArrayList<>(queries.ageBuckets().keySet()), series, Messages.text("reports.queries"), false);
    }

    /** Queries counted by status, one row each, for the totals table and its export. */
    public record StatusCount(String status, long count) {
    }

    public List<StatusCount> getQueryTotals() {
        DataQualityService.QueryReport queries = getQueries();
        return List.of(new StatusCount("OPEN", queries.open()), new StatusCount("ANSWERED", queries.answered()),
                new StatusCount("CLOSED", queries.closed()));
    }

    public List<String> getDeviationSites() {
        return deviations().values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
    }

    public List<String> getDeviationTypes() {
        return new ArrayList<>(deviations().keySet());
    }

    public long deviationCount(String type, String site) {
        return deviations().getOrDefault(type, Map.of()).getOrDefault(site, 0L);
    }

    public String getSiteId() { return siteId; }
    public void setSiteId(String siteId) { this.siteId = siteId; }
    public String getVisitId() { return visitId; }
    public void setVisitId(String visitId) { this.visitId = visitId; }
    public String getFormId() { return formId; }
    public void setFormId(String formId) { this.formId = formId; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
