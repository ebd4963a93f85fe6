package org.tacecrf.interfaces.web.integrity;

import java.util.List;
import java.util.Map;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.PrimeFaces;
import org.tacecrf.application.integrity.AuditQueryService;
import org.tacecrf.application.integrity.LockService;
import org.tacecrf.application.integrity.ReviewService;
import org.tacecrf.application.integrity.SdvService;
import org.tacecrf.application.integrity.SignatureService;
import org.tacecrf.interfaces.web.casebook.FormBacking;
import org.tacecrf.interfaces.web.support.Messages;

/**
 * Review on the form page: source-data verification per item and for the form, the signature
 * manifestations of every signature over the form (its own, its visit's, the casebook's), signing,
 * locking and the history of the form and of each item.
 */
@Named("formReview")
@ViewScoped
public class FormReviewBacking extends ReviewDialogs {

    private static final long serialVersionUID = 1L;
    private static final String CACHE = FormReviewBacking.class.getName() + ".";

    @Inject
    private FormBacking formBacking;
    @Inject
    private transient ReviewService reviews;
    @Inject
    private transient SdvService sdv;
    @Inject
    private transient LockService locks;
    @Inject
    private transient AuditQueryService auditQuery;

    /**
     * The review state, read once when the request starts and once more for rendering: an action
     * earlier in the same request (a save, a verification) may have reset verifications and
     * invalidated signatures. Kept in the request, so nothing stale outlives it.
     */
    public ReviewService.FormReview getReview() {
        Long formDataId = formBacking.getFormDataId();
        if (formDataId == null) {
            return null;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        String key = CACHE + (context.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE ? "render" : "request");
        Map<String, Object> request = context.getExternalContext().getRequestMap();
        ReviewService.FormReview review = (ReviewService.FormReview) request.get(key);
        if (review == null || review.formDataId() != formDataId) {
            review = reviews.form(formDataId);
            request.put(key, review);
        }
        return review;
    }

    public boolean isAvailable() {
        return getReview() != null;
    }

    public boolean verified(String itemKey) {
        return isAvailable() && getReview().isVerified(itemKey);
    }

    /** Whether the monitor can tick this value as verified now. */
    public boolean canVerifyItem(String itemKey) {
        ReviewService.FormReview review = getReview();
        return review != null && review.canVerify() && review.open() && review.complete()
                && review.verifiableItems().contains(itemKey) && !review.isVerified(itemKey);
    }

    public void verifyItem(String itemKey) {
        sdv.verifyItems(formBacking.getFormDataId(), List.of(itemKey));
        reset();
    }

    public void verifyForm() {
        int count = sdv.verifyForm(formBacking.getFormDataId());
        reset();
        Messages.info("sdv.verifiedValues", count);
    }

    public void lock() {
        locks.lockForm(formBacking.getFormDataId());
        changed();
        Messages.info("lock.formLocked.done");
    }

    public void startSignForm() {
        startSign("FORM", null, formBacking.getFormDataId(), formBacking.getTitle());
    }

    public void startUnlockForm() {
        startUnlock("form", formBacking.getFormDataId());
    }

    public void showFormHistory() {
        showHistory(formBacking.getTitle(), auditQuery.formHistory(formBacking.getFormDataId()));
    }

    public void showItemHistory(String itemKey, String label) {
        showHistory(label + " (" + itemKey + ")", auditQuery.itemHistory(formBacking.getFormDataId(), itemKey));
    }

    public boolean isCanVerifyForm() {
        ReviewService.FormReview review = getReview();
        return review != null && review.canVerify() && review.open() && review.complete() && !review.fullyVerified();
    }

    public boolean isCanSign() {
        ReviewService.FormReview review = getReview();
        return review != null && review.canSign() && review.open() && review.complete()
                && review.signatures().stream().noneMatch(s -> s.validity().valid()
                && s.signature().getScope() == org.tacecrf.domain.integrity.SignatureScope.FORM);
    }

    public boolean isCanLock() {
        ReviewService.FormReview review = getReview();
        return review != null && review.canLock() && review.status().allowsReview() && !review.locked() && review.complete();
    }

    public boolean isCanUnlock() {
        ReviewService.FormReview review = getReview();
        return review != null && review.canLock() && review.status().allowsReview() && review.locked();
    }

    public List<SignatureService.CheckedSignature> getSignatures() {
        return isAvailable() ? getReview().signatures() : List.of();
    }

    @Override
    protected long subjectId() {
        return formBacking.getSubjectId();
    }

    @Override
    protected void changed() {
        reset();
        // The lock state decides whether the form can be edited.
        formBacking.load();
    }

    private void reset() {
        Map<String, Object> request = FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
        request.remove(CACHE + "render");
        request.remove(CACHE + "request");
        PrimeFaces.current().ajax().update("entry", "reviewActions", "reviewPanel");
    }
}
