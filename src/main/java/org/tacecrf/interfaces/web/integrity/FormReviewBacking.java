package org.tacecrf.interfaces.web.integrity;

import java.util.List;

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

    private transient ReviewService.FormReview review;
    private transient Object reviewedIn;

    /**
     * The review state, read once per request and again for rendering: a save earlier in the same
     * request may have reset verifications and invalidated signatures.
     */
    public ReviewService.FormReview getReview() {
        Long formDataId = formBacking.getFormDataId();
        if (formDataId == null) {
            return null;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        Object key = context == null ? null : java.util.List.of(System.identityHashCode(context),
                context.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE);
        if (review == null || review.formDataId() != formDataId || !java.util.Objects.equals(key, reviewedIn)) {
            review = reviews.form(formDataId);
            reviewedIn = key;
        }
        return review;
    }

    public boolean isAvailable() {
        return getReview() != null;
    }

    public boolean verified(String itemKey) {
        return isAvailable() && review.isVerified(itemKey);
    }

    /** Whether the monitor can tick this value as verified now. */
    public boolean canVerifyItem(String itemKey) {
        return isAvailable() && review.canVerify() && review.open() && review.complete() && review.verifiableItems().contains(itemKey)
                && !review.isVerified(itemKey);
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
        return isAvailable() && review.canVerify() && review.open() && review.complete() && !review.fullyVerified();
    }

    public boolean isCanSign() {
        return isAvailable() && review.canSign() && review.open() && review.complete()
                && review.signatures().stream().noneMatch(s -> s.validity().valid()
                && s.signature().getScope() == org.tacecrf.domain.integrity.SignatureScope.FORM);
    }

    public boolean isCanLock() {
        return isAvailable() && review.canLock() && review.status().allowsReview() && !review.locked() && review.complete();
    }

    public boolean isCanUnlock() {
        return isAvailable() && review.canLock() && review.status().allowsReview() && review.locked();
    }

    public List<SignatureService.CheckedSignature> getSignatures() {
        return isAvailable() ? review.signatures() : List.of();
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
        review = null;
        reviewedIn = null;
        PrimeFaces.current().ajax().update("entry", "reviewActions", "reviewPanel");
    }
}
