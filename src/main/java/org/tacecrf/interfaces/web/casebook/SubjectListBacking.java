package org.tacecrf.interfaces.web.casebook;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.tacecrf.application.casebook.CasebookService;
import org.tacecrf.infrastructure.persistence.PendingWork;
import org.tacecrf.interfaces.web.LayoutBacking;
import org.tacecrf.model.casebook.Subject;

/**
 * The subject list of the chosen study: filtered, sorted and paged in the database (lazy), so it
 * stays fast with ten thousand subjects, and only ever holding the user's sites.
 */
@Named
@ViewScoped
public class SubjectListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient CasebookService casebook;
    @Inject
    private transient LayoutBacking layout;

    private String studyId;
    private String search;
    private String siteId;
    private String armId;
    private String status;
    private PendingWork pending;
    /** The listed page's count of pending forms per subject (when filtered on pending forms). */
    private Map<Long, Long> pendingForms = Map.of();
    private LazyDataModel<Subject> model;

    @PostConstruct
    void init() {
        studyId = layout.getStudyId();
        model = new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                if (studyId == null) {
                    return 0;
                }
                return (int) casebook.subjects(studyId, search, siteId, armId, status, pending, 0, 1, null, true).total();
            }

            @Override
            public List<Subject> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                if (studyId == null) {
                    return List.of();
                }
                String field = null;
                boolean ascending = true;
                if (sortBy != null && !sortBy.isEmpty()) {
                    SortMeta sort = sortBy.values().iterator().next();
                    field = sort.getField();
                    ascending = sort.getOrder() != SortOrder.DESCENDING;
                }
                CasebookService.SubjectPage page = casebook.subjects(studyId, search, siteId, armId, status, pending, first, pageSize,
                        field, ascending);
                setRowCount((int) page.total());
                pendingForms = page.pendingForms();
                return page.subjects();
            }

            @Override
            public String getRowKey(Subject subject) {
                return String.valueOf(subject.getId());
            }

            @Override
            public Subject getRowData(String rowKey) {
                return casebook.subject(Long.parseLong(rowKey));
            }
        };
    }

    public LazyDataModel<Subject> getModel() { return model; }
    public String getStudyId() { return studyId; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public String getSiteId() { return siteId; }
    public void setSiteId(String siteId) { this.siteId = siteId; }
    public String getArmId() { return armId; }
    public void setArmId(String armId) { this.armId = armId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }

    /** The pending-work filter by name (the readiness reports link with {@code ?pending=UNSIGNED_FORMS}); an unknown name lists all. */
    public String getPending() { return pending == null ? null : pending.name(); }

    public void setPending(String pending) {
        try {
            this.pending = PendingWork.parse(pending).orElse(null);
        } catch (IllegalArgumentException unknown) {
            this.pending = null;
        }
    }

    /** Whether the list shows each subject's count of pending forms. */
    public boolean isCountsForms() { return pending != null && pending.countsForms(); }

    public long pendingForms(long subjectId) { return pendingForms.getOrDefault(subjectId, 0L); }
}
