package org.tacecrf.interfaces.web.exchange;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import org.tacecrf.application.exchange.ExportService;
import org.tacecrf.application.exchange.ImportProgress;
import org.tacecrf.application.exchange.ImportReport;
import org.tacecrf.application.exchange.ImportRequest;
import org.tacecrf.application.exchange.ImportService;
import org.tacecrf.application.security.CurrentUser;
import org.tacecrf.domain.exchange.ExchangeProblem;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.interfaces.web.LayoutBacking;
import org.tacecrf.interfaces.web.casebook.StudyLabels;
import org.tacecrf.interfaces.web.support.Messages;
import org.tacecrf.model.exchange.ImportJob;
import org.tacecrf.model.user.Role;

/**
 * The data manager's "Data" page: import templates, imports (upload, preview, commit with
 * progress, report) and exports. Downloads are links to the REST API, which the signed-in session
 * may read; imports go through the import service, the same as the API's.
 */
@Named
@ViewScoped
public class DataBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient ImportService imports;
    @Inject
    private transient ExportService exports;
    @Inject
    private transient ImportProgress progress;
    @Inject
    private transient LayoutBacking layout;
    @Inject
    private transient StudyLabels labels;
    @Inject
    private transient CurrentUser currentUser;

    private String formId;
    private String reason;
    private String fileName;
    private byte[] content;
    private ImportReport report;
    private String progressKey;
    private boolean identifying;

    public List<FormDef> getForms() {
        return labels.getForms();
    }

    public String getStudyId() {
        return layout.getStudyId();
    }

    public boolean isImportAllowed() {
        return currentUser.hasRole(Role.DATA_MANAGER) && getStudyId() != null;
    }

    public boolean isExportAllowed() {
        return getStudyId() != null && exports.mayExport(getStudyId());
    }

    public boolean isIdentifyingAllowed() {
        return getStudyId() != null && exports.mayIncludeIdentifying(getStudyId());
    }

    // ------------------------------------------------------------------------------------- import

    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        fileName = file.getFileName();
        content = file.getContent();
        report = null;
        Messages.info("data.uploaded", fileName, content.length);
    }

    public void preview() {
        run(false);
    }

    public void commit() {
        if (!isCommitReady()) {
            Messages.error(null, "data.previewFirst");
            return;
        }
        run(true);
        if (report != null && report.committed()) {
            content = null;
            Messages.info("data.committed", report.jobId(), report.formsChanged(), report.valuesChanged());
        }
    }

    private void run(boolean commit) {
        if (content == null) {
            Messages.error(null, "data.noFile");
            return;
        }
        progressKey = UUID.randomUUID().toString();
        ImportRequest request = new ImportRequest(getStudyId(), blankToNull(formId), fileName, content, reason);
        report = commit ? imports.commit(request, progressKey) : imports.preview(request, progressKey);
    }

    /** A preview of this very file passed without errors: it may be committed. */
    public boolean isCommitReady() {
        return content != null && report != null && report.status() == ImportJob.Status.PREVIEWED;
    }

    public int getProgress() {
        return progress.of(progressKey).map(ImportProgress.Tracker::percent).orElse(report == null ? 0 : 100);
    }

    public String getPhase() {
        return progress.of(progressKey).map(t -> t.phase().name()).orElse("DONE");
    }

    public void clear() {
        content = null;
        fileName = null;
        report = null;
    }

    public List<ImportJob> getHistory() {
        return isImportAllowed() ? imports.history(getStudyId()) : List.of();
    }

    /** The reason of a problem in the user's language. */
    public String text(ExchangeProblem problem) {
        return Messages.text(problem.messageKey(), problem.arguments().toArray());
    }

    // ----------------------------------------------------------------------------------- downloads

    public String templateUrl(String form, String format) {
        return api("templates/" + form + "." + format);
    }

    public String dictionaryUrl(String form) {
        return api("templates/" + form + "/dictionary.csv");
    }

    public String formExportUrl(String form, String format) {
        return api("exports/forms/" + form + "." + format) + identifyingQuery("?");
    }

    public String analysisUrl(String format) {
        return api("exports/analysis." + format) + identifyingQuery("?");
    }

    public String odmUrl(boolean audit) {
        return api("exports/odm.xml?audit=" + audit) + identifyingQuery("&");
    }

    public List<String> getDatasetFormats() {
        return Arrays.asList("csv", "xlsx", "zip", "sps", "R");
    }

    private String identifyingQuery(String separator) {
        return identifying && isIdentifyingAllowed() ? separator + "identifying=true" : "";
    }

    private String api(String path) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/studies/" + getStudyId() + "/" + path;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public String getFormId() { return formId; }
    public void setFormId(String formId) { this.formId = formId; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getFileName() { return fileName; }
    public boolean isFileLoaded() { return content != null; }
    public ImportReport getReport() { return report; }
    public boolean isIdentifying() { return identifying; }
    public void setIdentifying(boolean identifying) { this.identifying = identifying; }
}
