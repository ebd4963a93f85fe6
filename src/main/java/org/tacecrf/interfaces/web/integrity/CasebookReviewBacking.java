package org.tacecrf.interfaces.web.integrity;

import java.util.List;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.tacecrf.application.integrity.AuditQueryService;
import org.tacecrf.application.integrity.LockService;
import org.tacecrf.application.integrity.ReviewService;
import org.tacecrf.application.integrity.SdvService;
import org.tacecrf.application.integrity.SignatureService;
import org.tacecrf.interfaces.web.casebook.CasebookBacking;
import org.tacecrf.interfaces.web.support.Messages;

/**
 * Review on the casebook: signatures of visits and of the whole casebook with their
 * manifestations, the casebook lock, source-data verification progress with verification of all
 * complete forms at once, and the subject's audit history, read a page at a time.
 */
@Named("casebookReview")
@ViewScoped
public class CasebookReviewBacking extends ReviewDialogs {

    private static final long serialVersionUID = 1L;

    @Inject
    private CasebookBacking casebookBacking;
    @Inject
    private transient ReviewService reviews;
    @Inject
    private transient SdvService sdv;
    @Inject
    private transient LockService locks;
    @Inject
    private transient AuditQueryService auditQuery;

    private transient ReviewService.SubjectReview review;
    private boolean historyOpen;
    private LazyDataModel<HistoryRow> subjectHistory;

    public ReviewService.SubjectReview getReview() {
        if (review == null) {
            review = reviews.subject(casebookBacking.getSubjectId());
        }
        return review;
    }

    public boolean canSignVisit(long visitRef) {
        ReviewService.SubjectReview r = getReview();
        return r.canSign() && r.open() && r.signableVisits().contains(visitRef);
    }

    public boolean isCanSignCasebook() {
        ReviewService.SubjectReview r = getReview();
        return r.canSign() && r.open() && r.allComplete() && r.signatures().stream()
                .noneMatch(s -> s.validity().valid() && s.signature().getScope() == org.tacecrf.domain.integrity.SignatureScope.SUBJECT);
    }

    public boolean isCanVerifyAll() {
        ReviewService.SubjectReview r = getReview();
        return r.canVerify() && r.open() && r.progress().verified() < r.progress().total();
    }

    public boolean isCanLock() {
        ReviewService.SubjectReview r = getReview();
        return r.canLock() && r.status().allowsReview() && !r.locked();
    }

    public boolean isCanUnlock() {
        ReviewService.SubjectReview r = getReview();
        return r.canLock() && r.status().allowsReview() && r.locked();
    }

    public void startSignVisit(long visitRef, String label) {
        startSign("VISIT", visitRef, null, label);
    }

    public void startSignCasebook() {
        startSign("SUBJECT", null, null, Messages.text("signature.casebookOf", getReview().subjectNumber()));
    }

    public void startUnlockCasebook() {
        startUnlock("subject", casebookBacking.getSubjectId());
    }

    public void lock() {
        locks.lockSubject(casebookBacking.getSubjectId());
        changed();
        Messages.info("lock.subjectLocked.done", getReview().subjectNumber());
    }

    public void verifyAll() {
        int count = sdv.verifySubject(casebookBacking.getSubjectId());
        changed();
        Messages.info("sdv.verifiedValues", count);
    }

    public List<SignatureService.CheckedSignature> getSignatures() {
        return getReview().signatures();
    }

    /** Opens the history panel; its table is read only from then on. */
    public void openHistory() {
        historyOpen = true;
    }

    public LazyDataModel<HistoryRow> getSubjectHistory() {
        if (subjectHistory == null) {
            long subjectId = casebookBacking.getSubjectId();
            subjectHistory = new LazyDataModel<>() {
                private static final long serialVersionUID = 1L;

                @Override
                public int count(Map<String, FilterMeta> filterBy) {
                    return (int) auditQuery.countSubjectHistory(subjectId);
                }

                @Override
                public List<HistoryRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                    return auditQuery.subjectHistory(subjectId, first, pageSize).stream().map(HistoryRow::of).toList();
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
        return subjectHistory;
    }

    public boolean isHistoryOpen() {
        return historyOpen;
    }

    @Override
    protected long subjectId() {
        return casebookBacking.getSubjectId();
    }

    @Override
    protected void changed() {
        review = null;
        casebookBacking.load();
        PrimeFaces.current().ajax().update("casebook", "casebookReview");
    }
}
