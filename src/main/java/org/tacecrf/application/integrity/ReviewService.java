package org.tacecrf.application.integrity;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.domain.integrity.SdvProgress;
import org.tacecrf.domain.integrity.SignatureScope;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.infrastructure.persistence.IntegrityRepository;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.FormState;
import org.tacecrf.model.casebook.ItemData;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.study.DataStatus;

/**
 * What the form page and the casebook show about review in one call each: lock state, the
 * study/site status, which values are verified, the signatures with their check against the data,
 * and what the user may do.
 */
@Stateless
public class ReviewService {

    @Inject
    private CasebookRepository casebook;
    @Inject
    private IntegrityRepository integrity;
    @Inject
    private IntegrityGuard guard;
    @Inject
    private SignatureService signatures;
    @Inject
    private SdvService sdv;

    /** The review state of one saved form. */
    public record FormReview(long formDataId, long subjectId, boolean complete, boolean locked, String lockedBy, Instant lockedAt,
                             boolean subjectLocked, DataStatus status, Set<String> verifiedItems, Set<String> verifiableItems,
                             List<SignatureService.CheckedSignature> signatures, boolean canVerify, boolean canSign, boolean canLock) {

        /** Review actions (verify, sign) are open: not locked at any level. */
        public boolean open() {
            return status.allowsReview() && !locked && !subjectLocked;
        }

        public boolean isVerified(String itemKey) {
            return verifiedItems.contains(itemKey);
        }

        /** The whole form is verified: every entered value, and at least one. */
        public boolean fullyVerified() {
            return !verifiableItems.isEmpty() && verifiedItems.containsAll(verifiableItems);
        }
    }

    /** The review state of one casebook. */
    public record SubjectReview(long subjectId, String subjectNumber, boolean locked, String lockedBy, Instant lockedAt,
                                DataStatus status, SdvProgress progress, List<SignatureService.CheckedSignature> signatures,
                                Set<Long> signableVisits, boolean allComplete, boolean canVerify, boolean canSign, boolean canLock) {

        public boolean open() {
            return status.allowsReview() && !locked;
        }
    }

    public FormReview form(long formDataId) {
        FormData form = casebook.form(formDataId).orElseThrow(() -> notFound("form"));
        Subject subject = load(form.getSubjectId());
        Map<String, ItemData> items = casebook.items(formDataId).stream().collect(Collectors.toMap(ItemData::key, i -> i));
        Set<String> verifiable = items.values().stream().filter(i -> i.getDerivedBy() == null && !i.isEmpty()).map(ItemData::key)
                .collect(Collectors.toCollection(TreeSet::new));
        return new FormReview(formDataId, subject.getId(), form.getState() == FormState.COMPLETE, form.isLocked(), form.getLockedBy(),
                form.getLockedAt(), subject.isLocked(), guard.status(subject.getStudyId(), subject.getSiteId()),
                sdv.verifiedItems(formDataId), verifiable, signatures.signaturesOf(formDataId), guard.canVerify(subject),
                guard.canSign(subject), guard.canLock(subject));
    }

    public SubjectReview subject(long subjectId) {
        Subject subject = load(subjectId);
        List<FormData> forms = casebook.forms(subjectId);
        List<SignatureService.CheckedSignature> checked = signatures.signatures(subjectId);
        Set<Long> signedVisits = new HashSet<>();
        checked.stream().filter(c -> c.validity().valid() && c.signature().getScope() == SignatureScope.VISIT)
                .forEach(c -> signedVisits.add(c.signature().getVisitRef()));
        Map<Long, List<FormData>> byVisit = forms.stream().collect(Collectors.groupingBy(FormData::getVisitRef));
        Set<Long> signable = new HashSet<>();
        byVisit.forEach((visit, list) -> {
            if (!signedVisits.contains(visit) && list.stream().allMatch(f -> f.getState() == FormState.COMPLETE && !f.isLocked())) {
                signable.add(visit);
            }
        });
        boolean allComplete = !forms.isEmpty() && forms.stream().allMatch(f -> f.getState() == FormState.COMPLETE);
        return new SubjectReview(subjectId, subject.getSubjectNumber(), subject.isLocked(), subject.getLockedBy(), subject.getLockedAt(),
                guard.status(subject.getStudyId(), subject.getSiteId()), integrity.progressOfSubject(subjectId), checked, signable,
                allComplete, guard.canVerify(subject), guard.canSign(subject), guard.canLock(subject));
    }

    private Subject load(long subjectId) {
        Subject subject = casebook.subject(subjectId).orElseThrow(() -> notFound("subject"));
        guard.user().requireSite(subject.getStudyId(), subject.getSiteId());
        return subject;
    }

    private static ValidationFailure notFound(String what) {
        return new ValidationFailure(FieldError.of(null, "casebook.notFound", what));
    }
}
