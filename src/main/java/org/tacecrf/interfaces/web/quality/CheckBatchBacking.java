package org.tacecrf.interfaces.web.quality;

import java.io.Serializable;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.tacecrf.application.quality.CheckBatchProgress;
import org.tacecrf.application.quality.CheckBatchService;
import org.tacecrf.application.security.CurrentUser;
import org.tacecrf.interfaces.web.LayoutBacking;
import org.tacecrf.model.user.Role;

/** "Run all checks": starts the background run and reports its progress. */
@Named
@ViewScoped
public class CheckBatchBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient CheckBatchService batch;
    @Inject
    private transient CheckBatchProgress progress;
    @Inject
    private transient LayoutBacking layout;
    @Inject
    private transient CurrentUser currentUser;

    private String jobId;

    public void start() {
        jobId = batch.start(layout.getStudyId()).id();
    }

    public CheckBatchProgress.Job getJob() {
        return progress.get(jobId);
    }

    public int getPercent() {
        CheckBatchProgress.Job job = getJob();
        return job == null ? 0 : job.percent();
    }

    public boolean isRunning() {
        CheckBatchProgress.Job job = getJob();
        return job != null && !job.isFinished();
    }

    public boolean isAllowed() {
        return currentUser.hasAnyRole(Role.MONITOR, Role.DATA_MANAGER);
    }
}
