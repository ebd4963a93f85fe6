package org.tacecrf.interfaces.web.quality;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.tacecrf.application.casebook.CasebookService;
import org.tacecrf.application.quality.QueryService;
import org.tacecrf.interfaces.web.LayoutBacking;
import org.tacecrf.model.quality.DataQuery;

/** The query list of the chosen study, within the user's sites, filtered and paged in the database. */
@Named
@ViewScoped
public class QueryListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient QueryService queries;
    @Inject
    private transient CasebookService casebook;
    @Inject
    private transient LayoutBacking layout;

    private String studyId;
    private String siteId;

    private String status = "OPEN";
    private String formId;
    private String raisedBy;
    private Integer minDaysOpen;
    private String origin;
    private LazyDataModel<DataQuery> model;
    private final java.util.Map<Long, String> subjectNumbers = new java.util.HashMap<>();

    @PostConstruct
    void init() {
        studyId = layout.getStudyId();
        model = new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return studyId == null ? 0 : (int) queries.count(filter());
            }

            @Override
            public List<DataQuery> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                if (studyId == null) {
                    return List.of();
                }
                setRowCount((int) queries.count(filter()));
                return queries.list(filter(), first, pageSize);
            }

            @Override
            public String getRowKey(DataQuery query) {
                return String.valueOf(query.getId());
            }

            @Override
            public DataQuery getRowData(String rowKey) {
                return queries.get(Long.parseLong(rowKey));
            }
        };
    }

    QueryService.Filter filter() {
        return new QueryService.Filter(studyId, siteId, statuses(status), formId, raisedBy,
                minDaysOpen, blank(origin) ? null : DataQuery.Origin.valueOf(origin), null);
    }

    static Set<DataQuery.Status> statuses(String status) {
        return DataQuery.Status.selection(status);
    }

    public String subjectNumber(DataQuery query) {
        return subjectNumbers.computeIfAbsent(query.getSubjectId(), id -> casebook.subject(id).getSubjectNumber());
    }

    /** Days open: until closed, or until now. */
    public long daysOpen(DataQuery query) {
        Instant end = query.getClosedAt() == null ? Instant.now() : query.getClosedAt();
        return Duration.between(query.getRaisedAt(), end).toDays();
    }

    public long daysSinceUpdate(DataQuery query) {
        return Duration.between(query.getUpdatedAt(), Instant.now()).toDays();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public LazyDataModel<DataQuery> getModel() { return model; }
    public String getSiteId() { return siteId; }
    public void setSiteId(String siteId) { this.siteId = siteId; }
    public String getStatus() { return status; }
    /** A link asks for every status with {@code ALL}; the page's own "any status" entry is the empty value. */
    public void setStatus(String status) { this.status = DataQuery.Status.ALL.equals(status) ? "" : status; }
    public String getFormId() { return formId; }
    public void setFormId(String formId) { this.formId = formId; }
    public String getRaisedBy() { return raisedBy; }
    public void setRaisedBy(String raisedBy) { this.raisedBy = raisedBy; }
    public Integer getMinDaysOpen() { return minDaysOpen; }
    public void setMinDaysOpen(Integer minDaysOpen) { this.minDaysOpen = minDaysOpen; }
    public String getOrigin() { return origin; }
    public void setOrigin(String origin) { this.origin = origin; }
}
