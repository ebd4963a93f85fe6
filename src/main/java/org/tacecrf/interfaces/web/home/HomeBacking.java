package org.tacecrf.interfaces.web.home;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.tacecrf.application.exchange.ImportService;
import org.tacecrf.application.reports.Dashboard;
import org.tacecrf.application.safety.SafetyService;
import org.tacecrf.application.security.CurrentUser;
import org.tacecrf.application.study.StudyRegistration;
import org.tacecrf.infrastructure.persistence.DemoCohortRepository;
import org.tacecrf.infrastructure.persistence.StudyRepository;
import org.tacecrf.infrastructure.persistence.UserRepository;
import org.tacecrf.interfaces.web.LayoutBacking;
import org.tacecrf.interfaces.web.reports.Charts;
import org.tacecrf.interfaces.web.support.Messages;
import org.tacecrf.model.demo.DemoCohort;
import org.tacecrf.model.exchange.ImportJob;
import org.tacecrf.model.study.Site;
import org.tacecrf.model.user.LoginEvent;
import org.tacecrf.model.user.Role;

/** The home page: what each role needs to see first. */
@Named("home")
@RequestScoped
public class HomeBacking {

    @Inject
    private CurrentUser currentUser;
    @Inject
    private UserRepository users;
    @Inject
    private StudyRepository studies;
    @Inject
    private DemoCohortRepository demoCohorts;
    @Inject
    private Dashboard dashboard;
    @Inject
    private LayoutBacking layout;
    @Inject
    private StudyRegistration registration;

    @Inject
    private SafetyService safety;

    private Dashboard.Summary summary;
    private List<SafetyService.SeriousEvent> seriousEvents;
    private List<DemoCohort> cohorts;
    private List<ImportJob> recentImports;
    @Inject
    private ImportService imports;

    /** The dashboard of the study in the header, or null when the user has no study. */
    public Dashboard.Summary getSummary() {
        if (summary == null && layout.getStudyId() != null) {
            summary = dashboard.summary(registration.definition(layout.getStudyId()));
        }
        return summary;
    }

    /** Serious adverse events due, overdue, reported late or without an onset date, at the user's sites. */
    public List<SafetyService.SeriousEvent> getSeriousEvents() {
        if (seriousEvents == null) {
            seriousEvents = layout.getStudyId() == null ? List.of() : safety.seriousEvents(layout.getStudyId(), true);
        }
        return seriousEvents;
    }

    public String getTrendChart() {
        var trend = getSummary().queryTrend();
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put(Messages.text("home.raised"), trend.values().stream().map(v -> v[0]).toList());
        series.put(Messages.text("home.closed"), trend.values().stream().map(v -> v[1]).toList());
        return Charts.bars(new ArrayList<>(trend.keySet()), series,
                Messages.text("reports.queries"), false);
    }

    public boolean isEntersData() {
        return currentUser.hasAnyRole(Role.NURSE, Role.INVESTIGATOR, Role.DATA_MANAGER);
    }

    public boolean isAnswersQueries() {
        return currentUser.hasAnyRole(Role.NURSE, Role.INVESTIGATOR);
    }

    public boolean isClosesQueries() {
        return currentUser.hasAnyRole(Role.MONITOR, Role.DATA_MANAGER);
    }

    public boolean isReviews() {
        return currentUser.hasAnyRole(Role.INVESTIGATOR, Role.DATA_MANAGER, Role.MONITOR);
    }

    public boolean isDataManager() {
        return currentUser.hasRole(Role.DATA_MANAGER);
    }

    /** The sites of all studies the user is assigned to, with their data status. */
    public List<Site> getMySites() {
        return studies.allSites().stream().filter(s -> currentUser.canSee(s.getStudyId(), s.getSiteId())).toList();
    }

    public List<LoginEvent> getMyRecentSignIns() {
        return users.recentEvents(currentUser.getUsername(), 5);
    }

    public long getUserCount() {
        return users.count();
    }

    public long getLockedCount() {
        return users.countLocked(Instant.now());
    }

    /** The demo cohorts and how far their entry has come, for the data manager. */
    public List<DemoCohort> getDemoCohorts() {
        if (!isDataManager()) {
            return List.of();
        }
        if (cohorts == null) {
            cohorts = demoCohorts.all();
        }
        return cohorts;
    }

    public boolean isDemoCohortsRunning() {
        return getDemoCohorts().stream().anyMatch(c -> c.getStatus() == DemoCohort.Status.PENDING
                || c.getStatus() == DemoCohort.Status.RUNNING);
    }

    /** The latest imports into the study in the header, for the data manager. */
    public List<ImportJob> getRecentImports() {
        if (recentImports == null) {
            recentImports = !isDataManager() || layout.getStudyId() == null ? List.of()
                    : imports.history(layout.getStudyId()).stream().limit(5).toList();
        }
        return recentImports;
    }

    public List<LoginEvent> getRecentSecurityEvents() {
        return users.recentEvents(10);
    }
}
