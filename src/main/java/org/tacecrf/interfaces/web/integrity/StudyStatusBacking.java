package org.tacecrf.interfaces.web.integrity;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.PrimeFaces;
import org.tacecrf.application.integrity.LockService;
import org.tacecrf.interfaces.web.LayoutBacking;
import org.tacecrf.interfaces.web.support.Messages;
import org.tacecrf.model.study.DataStatus;
import org.tacecrf.model.study.Site;
import org.tacecrf.model.study.Study;

/**
 * The data manager's study administration: the study and each site with its status, and the steps
 * towards database lock (freeze, lock) and back (with a reason), each audited.
 */
@Named
@ViewScoped
public class StudyStatusBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient LockService locks;
    @Inject
    private transient LayoutBacking layout;

    /** The study or one site, as the page lists them. */
    public record Row(String siteId, String name, DataStatus status, Instant changedAt, String changedBy) implements Serializable {
        public boolean isStudy() {
            return siteId == null;
        }
    }

    private String studyId;
    private List<Row> rows = List.of();
    private String targetSite;
    private DataStatus target;
    private String reason;

    @PostConstruct
    void init() {
        studyId = layout.getStudyId();
        reload();
    }

    private void reload() {
        if (studyId == null) {
            return;
        }
        Study study = locks.study(studyId);
        List<Row> list = new ArrayList<>();
        list.add(new Row(null, study.getTitle(), study.getStatus(), study.getStatusChangedAt(), study.getStatusChangedBy()));
        for (Site site : locks.sites(studyId)) {
            list.add(new Row(site.getSiteId(), site.getName(), site.getStatus(), site.getStatusChangedAt(), site.getStatusChangedBy()));
        }
        rows = list;
    }

    public void start(String siteId, String status) {
        targetSite = siteId == null || siteId.isBlank() ? null : siteId;
        target = DataStatus.valueOf(status);
        reason = null;
    }

    public void confirm() {
        if (targetSite == null) {
            locks.changeStudyStatus(studyId, target, reason);
        } else {
            locks.changeSiteStatus(studyId, targetSite, target, reason);
        }
        Messages.info("status.changed.done", targetSite == null ? studyId : targetSite, Messages.text("status." + target));
        reason = null;
        reload();
        PrimeFaces.current().executeScript("PF('statusDialog').hide()");
    }

    /** The statuses a row can move to: forwards towards lock, or back. */
    public List<DataStatus> targets(Row row) {
        return java.util.Arrays.stream(DataStatus.values()).filter(s -> s != row.status()).toList();
    }

    public boolean isBackwards() {
        Row row = rows.stream().filter(r -> java.util.Objects.equals(r.siteId(), targetSite)).findFirst().orElse(null);
        return row != null && target != null && target.ordinal() < row.status().ordinal();
    }

    public List<Row> getRows() { return rows; }
    public String getStudyId() { return studyId; }
    public String getTargetSite() { return targetSite; }
    public DataStatus getTarget() { return target; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
