package org.tacecrf.interfaces.web.quality;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.PrimeFaces;
import org.tacecrf.application.casebook.CasebookService;
import org.tacecrf.application.quality.DeviationService;
import org.tacecrf.application.security.CurrentUser;
import org.tacecrf.interfaces.web.LayoutBacking;
import org.tacecrf.interfaces.web.support.Messages;
import org.tacecrf.model.casebook.Deviation;

/** Protocol deviations of the chosen study: list, record by hand, document handling. */
@Named
@ViewScoped
public class DeviationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient DeviationService deviations;
    @Inject
    private transient CasebookService casebook;
    @Inject
    private transient CurrentUser currentUser;
    @Inject
    private transient LayoutBacking layout;

    private String studyId;
    private String siteId;
    private String type;
    private String formId;
    private String status = "OPEN";
    private List<Deviation> list;
    private final java.util.Map<Long, String> numbers = new java.util.HashMap<>();
    // New deviation.
    private String subjectNumber;
    private String newType;
    private String description;
    private LocalDate occurredOn = LocalDate.now();
    // Handling.
    private Long handlingId;
    private long handlingVersion;
    private String resolution;

    @PostConstruct
    void init() {
        studyId = layout.getStudyId();
        reload();
    }

    public void reload() {
        list = studyId == null ? List.of() : deviations.list(studyId, siteId, blank(type) ? null : Deviation.Type.valueOf(type),
                blank(status) ? null : Deviation.Status.valueOf(status), null, formId);
    }

    public void record() {
        Deviation d = deviations.record(studyId, subjectNumber, blank(newType) ? null : Deviation.Type.valueOf(newType), description, occurredOn);
        Messages.info("deviation.recorded", numberOf(d));
        subjectNumber = description = newType = null;
        reload();
        PrimeFaces.current().executeScript("PF('deviationDialog').hide()");
    }

    public void startHandle(Deviation deviation) {
        handlingId = deviation.getId();
        handlingVersion = deviation.getVersion();
        resolution = null;
    }

    public void handle() {
        deviations.handle(handlingId, handlingVersion, resolution);
        Messages.info("deviation.handled");
        reload();
        PrimeFaces.current().executeScript("PF('handleDialog').hide()");
    }

    public String numberOf(Deviation deviation) {
        return numbers.computeIfAbsent(deviation.getSubjectId(), id -> casebook.subject(id).getSubjectNumber());
    }

    public boolean isCanRecord() {
        return currentUser.hasAnyRole(DeviationService.RECORD);
    }

    public boolean isCanHandle() {
        return currentUser.hasAnyRole(DeviationService.HANDLE);
    }

    public Deviation.Type[] getTypes() {
        return Deviation.Type.values();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public List<Deviation> getList() { return list; }
    public String getSiteId() { return siteId; }
    public void setSiteId(String siteId) { this.siteId = siteId; }
    public String getFormId() { return formId; }
    public void setFormId(String formId) { this.formId = formId; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getStatus() { return status; }
    /** A link asks for every status with {@code ALL}; the page's own "any status" entry is the empty value. */
    public void setStatus(String status) { this.status = "ALL".equals(status) ? "" : status; }
    public String getSubjectNumber() { return subjectNumber; }
    public void setSubjectNumber(String subjectNumber) { this.subjectNumber = subjectNumber; }
    public String getNewType() { return newType; }
    public void setNewType(String newType) { this.newType = newType; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public LocalDate getOccurredOn() { return occurredOn; }
    public void setOccurredOn(LocalDate occurredOn) { this.occurredOn = occurredOn; }
    public String getResolution() { return resolution; }
    public void setResolution(String resolution) { this.resolution = resolution; }
}
