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

/** The data-quality reports page: filters, tables with links to act, charts, exports. */
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

    private List<DataQualityService.MissingRow> missing;
    private List<DataQualityService.VisitRow> visits;
    private DataQualityService.QueryReport queries;
    private List<CheckOverride> overrides;
    private Map<String, Map<String, Long>> deviations;
    private DataQualityService.Enrolment enrolment;
    private List<DataQualityService.EntryLag> lag;
    private List<DataQualityService.LockReadiness> readiness;
    private List<SdvService.Progress> sdvBySite;
    private List<SdvService.Progress> sdvBySubject;
    private List<DataQualityService.ChangedAfterVerification> changedAfterSdv;
    private List<SafetyService.SeriousEvent> seriousEvents;

    @PostConstruct
    void init() {
        studyId = layout.getStudyId();
        refresh();
    }

    public void refresh() {
        if (studyId == null) {
            return;
        }
        StudyDefinition study = registration.definition(studyId);
        ReportFilter filter = new ReportFilter(studyId, siteId, visitId, formId, from, to);
        LocalDate today = LocalDate.now();
        missing = reports.missingData(study, filter, today);
        visits = reports.visitWindows(study, filter, today);
        queries = reports.queries(filter);
        overrides = reports.overriddenChecks(filter);
        deviations = reports.deviationsByTypeAndSite(filter);
        enrolment = reports.enrolment(study, filter);
        lag = reports.entryLag(filter);
        readiness = reports.lockReadiness(study, filter);
        if (isSeesVerification()) {
            sdvBySite = sdv.progressBySite(studyId).stream().filter(p -> siteId == null || siteId.isBlank() || siteId.equals(p.key())).toList();
            sdvBySubject = sdv.progressBySubject(studyId, siteId == null || siteId.isBlank() ? null : siteId);
        } else {
            sdvBySite = List.of();
            sdvBySubject = List.of();
        }
        changedAfterSdv = reports.changedAfterVerification(filter);
        seriousEvents = safety.seriousEvents(studyId, false).stream()
                .filter(e -> siteId == null || siteId.isBlank() || siteId.equals(e.siteId())).toList();
    }

    /** Verification progress is the monitors' work, read by investigators and data managers; not a nurse's. */
    public boolean isSeesVerification() {
        return currentUser.hasAnyRole(Role.MONITOR, Role.INVESTIGATOR, Role.DATA_MANAGER);
    }

    public String getSdvChart() {
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put(Messages.text("reports.sdvVerified"), sdvBySite.stream().map(p -> p.progress().verified()).toList());
        series.put(Messages.text("reports.sdvOpen"), sdvBySite.stream().map(p -> p.progress().total() - p.progress().verified()).toList());
        return Charts.bars(sdvBySite.stream().map(p -> p.key()).toList(), series, Messages.text("reports.values"), true);
    }

    public String getEnrolmentChart() {
        return Charts.lines(enrolment.months(), enrolment.cumulativeBySite(), enrolment.targets(), Messages.text("reports.subjects"));
    }

    public String getAgingChart() {
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put(Messages.text("reports.openQueries"), new ArrayList<>(queries.ageBuckets().values()));
        return Charts.bars(new ArrayList<>(queries.ageBuckets().keySet()), series, Messages.text("reports.queries"), false);
    }

    /** Queries counted by status, one row each, for the totals table and its export. */
    public record StatusCount(String status, long count) {
    }

    public List<StatusCount> getQueryTotals() {
        return List.of(new StatusCount("OPEN", queries.open()), new StatusCount("ANSWERED", queries.answered()),
                new StatusCount("CLOSED", queries.closed()));
    }

    public List<String> getDeviationSites() {
        return deviations.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
    }

    public List<String> getDeviationTypes() {
        return new ArrayList<>(deviations.keySet());
    }

    public long deviationCount(String type, String site) {
        return deviations.getOrDefault(type, Map.of()).getOrDefault(site, 0L);
    }

    public List<SdvService.Progress> getSdvBySite() { return sdvBySite; }
    public List<SdvService.Progress> getSdvBySubject() { return sdvBySubject; }
    public List<DataQualityService.ChangedAfterVerification> getChangedAfterSdv() { return changedAfterSdv; }
    public List<DataQualityService.MissingRow> getMissing() { return missing; }
    public List<SafetyService.SeriousEvent> getSeriousEvents() { return seriousEvents; }

    /** Serious adverse events whose report is overdue or was late, for the tab title. */
    public long getLateSeriousEvents() {
        return seriousEvents.stream().filter(e -> e.reporting().status().late()).count();
    }
    public List<DataQualityService.VisitRow> getVisits() { return visits; }
    public DataQualityService.QueryReport getQueries() { return queries; }
    public List<CheckOverride> getOverrides() { return overrides; }
    public DataQualityService.Enrolment getEnrolment() { return enrolment; }
    public List<DataQualityService.EntryLag> getLag() { return lag; }
    public List<DataQualityService.LockReadiness> getReadiness() { return readiness; }
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
