package org.tacecrf.interfaces.web.integrity;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.tacecrf.application.integrity.AuditExportFormat;
import org.tacecrf.application.integrity.AuditFilter;
import org.tacecrf.application.integrity.AuditQueryService;
import org.tacecrf.interfaces.web.LayoutBacking;

/**
 * The study-wide audit log for data managers and monitors: filters by date range, user, action,
 * entity, subject and site, read from the database a page at a time, and exported as CSV or XLSX
 * with the same filters.
 */
@Named
@ViewScoped
public class AuditLogBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient AuditQueryService auditQuery;
    @Inject
    private transient LayoutBacking layout;

    private String studyId;
    private LocalDate from;
    private LocalDate to;
    private String username;
    private String action;
    private String entityType;
    private String subjectNumber;
    private String siteId;
    private LazyDataModel<HistoryRow> model;
    private Map<String, List<String>> vocabulary = Map.of();

    /** The subject filter can come with the link, e.g. from a casebook. */
    private String subjectParam;

    @PostConstruct
    void init() {
        studyId = layout.getStudyId();
        if (studyId != null && auditQuery.canReadLog(studyId)) {
            vocabulary = auditQuery.vocabulary(studyId);
        }
        model = new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return studyId == null ? 0 : (int) auditQuery.count(filter());
            }

            @Override
            public List<HistoryRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                if (studyId == null) {
                    return List.of();
                }
                setRowCount((int) auditQuery.count(filter()));
                return auditQuery.log(filter(), first, pageSize).stream().map(HistoryRow::of).toList();
            }

            @Override
            public String getRowKey(HistoryRow row) {
                return String.valueOf(row.id());
            }

            @Override
            public HistoryRow getRowData(String rowKey) {
                return getWrappedData() == null ? null : getWrappedData().stream()
                        .filter(r -> String.valueOf(r.id()).equals(rowKey)).findFirst().orElse(null);
            }
        };
    }

    /** Applies a subject given in the address. */
    public void applyParameters() {
        if (subjectParam != null && !subjectParam.isBlank()) {
            subjectNumber = subjectParam;
        }
    }

    public AuditFilter filter() {
        return new AuditFilter(studyId, from, to, username, action, entityType, subjectNumber, siteId);
    }

    public boolean isAllowed() {
        return studyId != null && auditQuery.canReadLog(studyId);
    }

    /** The export address with the current filters, for a plain download link. */
    public String exportUrl(String format) {
        AuditExportFormat.valueOf(format);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("format", format);
        params.put("study", studyId);
        params.put("from", from);
        params.put("to", to);
        params.put("user", username);
        params.put("action", action);
        params.put("entity", entityType);
        params.put("subject", subjectNumber);
        params.put("site", siteId);
        StringBuilder url = new StringBuilder(AuditExportServlet.PATH.substring(1)).append('?');
        params.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                url.append(name).append('=').append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8)).append('&');
            }
        });
        return url.substring(0, url.length() - 1);
    }

    public List<String> getActions() { return vocabulary.getOrDefault("action", List.of()); }
    public List<String> getEntityTypes() { return vocabulary.getOrDefault("entityType", List.of()); }
    public LazyDataModel<HistoryRow> getModel() { return model; }
    public String getStudyId() { return studyId; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getEntityType() { return entityType; }
    public void setEntityType(String entityType) { this.entityType = entityType; }
    public String getSubjectNumber() { return subjectNumber; }
    public void setSubjectNumber(String subjectNumber) { this.subjectNumber = subjectNumber; }
    public String getSiteId() { return siteId; }
    public void setSiteId(String siteId) { this.siteId = siteId; }
    public String getSubjectParam() { return subjectParam; }
    public void setSubjectParam(String subjectParam) { this.subjectParam = subjectParam; }
}
