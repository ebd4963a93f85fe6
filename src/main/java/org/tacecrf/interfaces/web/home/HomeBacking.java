package org.tacecrf.interfaces.web.home;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.tacecrf.application.security.CurrentUser;
import org.tacecrf.infrastructure.persistence.DemoCohortRepository;
import org.tacecrf.infrastructure.persistence.StudyRepository;
import org.tacecrf.infrastructure.persistence.UserRepository;
import org.tacecrf.model.demo.DemoCohort;
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

    private List<DemoCohort> cohorts;

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

    public List<LoginEvent> getRecentSecurityEvents() {
        return users.recentEvents(10);
    }
}
