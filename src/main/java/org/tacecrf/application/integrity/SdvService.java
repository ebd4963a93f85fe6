package org.tacecrf.application.integrity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.tacecrf.application.audit.Actor;
import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.application.common.AccessDeniedException;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.domain.integrity.SdvProgress;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.infrastructure.persistence.IntegrityRepository;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.FormState;
import org.tacecrf.model.casebook.ItemData;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.Visit;
import org.tacecrf.model.integrity.SourceVerification;
import org.tacecrf.model.user.Role;

/**
 * Source-data verification by monitors: values of complete forms are marked as compared with the
 * source, one at a time, a whole form, a list of forms or a whole casebook at once. Each value is
 * verified in its current version; a later change resets it ({@link SdvReset}). Every mark and
 * reset is audited on the item.
 */
@Stateless
public class SdvService {

    @Inject
    private CasebookRepository casebook;
    @Inject
    private IntegrityRepository integrity;
    @Inject
    private IntegrityGuard guard;
    @Inject
    private AuditTrail audit;

    /** Progress of one subject, one site or the study, for a table row. */
    public record Progress(String key, String label, SdvProgress progress) {
    }

    /** Verifies the named values of one form ({@code group[repeat].item}); returns how many were newly verified. */
    public int verifyItems(long formDataId, Collection<String> itemKeys) {
        FormData form = form(formDataId);
        Subject subject = checked(form);
        Map<String, ItemData> verifiable = verifiable(form);
        List<FieldError> unknown = itemKeys.stream().filter(k -> !verifiable.containsKey(k))
                .map(k -> FieldError.of(k, "sdv.error.notVerifiable", k)).toList();
        if (!unknown.isEmpty()) {
            throw new ValidationFailure(unknown);
        }
        Map<String, ItemData> chosen = new LinkedHashMap<>();
        itemKeys.forEach(k -> chosen.put(k, verifiable.get(k)));
        return verify(subject, form, chosen);
    }

    /** Verifies every entered value of a complete form. */
    public int verifyForm(long formDataId) {
        FormData form = form(formDataId);
        Subject subject = checked(form);
        return verify(subject, form, verifiable(form));
    }

    /** Verifies every entered value of the listed complete forms (of one or several subjects). */
    public int verifyForms(Collection<Long> formDataIds) {
        int count = 0;
        for (Long id : new LinkedHashSet<>(formDataIds)) {
            FormData form = form(id);
            Subject subject = checked(form);
            count += verify(subject, form, verifiable(form));
        }
        return count;
    }

    /** Verifies every entered value of the subject's complete forms; incomplete forms wait. */
    public int verifySubject(long subjectId) {
        Subject subject = casebook.subject(subjectId).orElseThrow(() -> notFound("subject"));
        guard.requireVerifier(subject);
        List<FormData> forms = casebook.forms(subjectId).stream().filter(f -> f.getState() == FormState.COMPLETE).toList();
        guard.requireOpenForReview(subject, forms);
        int count = 0;
        for (FormData form : forms) {
            count += verify(subject, form, verifiable(form));
        }
        return count;
    }

    /** Takes back a verification made in error; the reason is audited. */
    public void unverify(long formDataId, String itemKey, String reason) {
        FormData form = form(formDataId);
        Subject subject = checked(form);
        if (reason == null || reason.isBlank()) {
            throw new ValidationFailure(FieldError.of("reason", "validation.reasonRequired"));
        }
        List<SourceVerification> found = integrity.verifications(formDataId, List.of(itemKey));
        if (found.isEmpty()) {
            throw new ValidationFailure(FieldError.of(itemKey, "sdv.error.notVerified", itemKey));
        }
        Visit visit = casebook.visit(form.getVisitRef()).orElseThrow();
        SourceVerification v = found.get(0);
        integrity.remove(v);
        audit.record(guard.user().actor(), entry("SDV_UNDO", subject, visit, form, itemKey)
                .values(describe(v), null).reason(reason).source(AuditSource.FORM, "source data verification"));
    }

    /** The keys of a form's values verified in their current version. */
    public Set<String> verifiedItems(long formDataId) {
        FormData form = form(formDataId);
        Subject subject = casebook.subject(form.getSubjectId()).orElseThrow();
        guard.user().requireSite(subject.getStudyId(), subject.getSiteId());
        return new java.util.TreeSet<>(verifiedKeys(form));
    }

    public SdvProgress progress(long subjectId) {
        Subject subject = casebook.subject(subjectId).orElseThrow(() -> notFound("subject"));
        guard.user().requireSite(subject.getStudyId(), subject.getSiteId());
        return integrity.progressOfSubject(subjectId);
    }

    /** Progress per site of the study, within the user's sites. */
    public List<Progress> progressBySite(String studyId) {
        Collection<String> sites = sitesOf(studyId);
        return integrity.progressBySite(studyId, sites).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Progress(e.getKey(), e.getKey(), e.getValue())).toList();
    }

    /** Progress per subject of the study (or one site), within the user's sites. */
    public List<Progress> progressBySubject(String studyId, String siteId) {
        Collection<String> sites = sitesOf(studyId);
        if (siteId != null && !siteId.isBlank()) {
            if (sites != null && !sites.contains(siteId)) {
                throw new AccessDeniedException("no access to site " + siteId);
            }
            sites = List.of(siteId);
        }
        List<Progress> rows = new ArrayList<>();
        // Numbers in one query, not one per subject: the report must stay quick with thousands of subjects.
        Map<Long, String> numbers = casebook.subjectNumbers(studyId);
        integrity.progressBySubject(studyId, sites).forEach((id, progress) -> {
            if (numbers.containsKey(id)) {
                rows.add(new Progress(String.valueOf(id), numbers.get(id), progress));
            }
        });
        rows.sort(java.util.Comparator.comparing(Progress::label));
        return rows;
    }

    public boolean canVerify(long subjectId) {
        return casebook.subject(subjectId).map(guard::canVerify).orElse(false);
    }

    /** The user's sites of the study, or null for all of them. */
    private Collection<String> sitesOf(String studyId) {
        if (!guard.user().canSeeStudy(studyId)) {
            throw new AccessDeniedException("no access to study " + studyId);
        }
        if (!guard.user().hasAnyRole(Role.MONITOR, Role.DATA_MANAGER, Role.INVESTIGATOR)) {
            throw new AccessDeniedException("SDV progress is for monitors, investigators and data managers");
        }
        return guard.user().seesAllSites(studyId) ? null : guard.user().siteIds(studyId);
    }

    private int verify(Subject subject, FormData form, Map<String, ItemData> items) {
        Set<String> current = verifiedKeys(form);
        Map<String, ItemData> todo = new LinkedHashMap<>(items);
        todo.keySet().removeAll(current);
        if (todo.isEmpty()) {
            return 0;
        }
        // A stale verification of an older version is replaced; the delete must reach the database first.
        List<SourceVerification> stale = integrity.verifications(form.getId(), todo.keySet());
        if (!stale.isEmpty()) {
            stale.forEach(integrity::remove);
            integrity.flush();
        }
        Actor actor = guard.user().actor();
        Instant now = Instant.now();
        Visit visit = casebook.visit(form.getVisitRef()).orElseThrow();
        List<AuditEntry> entries = new ArrayList<>();
        for (Map.Entry<String, ItemData> e : todo.entrySet()) {
            ItemData item = e.getValue();
            integrity.add(new SourceVerification(subject.getStudyId(), subject.getSiteId(), subject.getId(), form.getId(), e.getKey(),
                    item.getId(), item.getVersion(), now, actor.username()));
            entries.add(entry("SDV", subject, visit, form, e.getKey()).values(null, "verified: " + item.display())
                    .source(AuditSource.FORM, "source data verification"));
        }
        audit.record(actor, entries);
        return entries.size();
    }

    private Set<String> verifiedKeys(FormData form) {
        Map<String, ItemData> items = casebook.items(form.getId()).stream().collect(Collectors.toMap(ItemData::key, i -> i));
        return integrity.verifications(form.getId()).stream()
                .filter(v -> items.containsKey(v.getItemKey()) && items.get(v.getItemKey()).getVersion() == v.getItemVersion()
                        && items.get(v.getItemKey()).getId().equals(v.getItemRef()))
                .map(SourceVerification::getItemKey).collect(Collectors.toSet());
    }

    /** The form's entered (not calculated) values, by key. */
    private Map<String, ItemData> verifiable(FormData form) {
        Map<String, ItemData> items = new LinkedHashMap<>();
        casebook.items(form.getId()).stream().filter(i -> i.getDerivedBy() == null && !i.isEmpty())
                .sorted(java.util.Comparator.comparing(ItemData::key)).forEach(i -> items.put(i.key(), i));
        return items;
    }

    private Subject checked(FormData form) {
        Subject subject = casebook.subject(form.getSubjectId()).orElseThrow(() -> notFound("subject"));
        guard.requireVerifier(subject);
        guard.requireOpenForReview(subject, List.of(form));
        if (form.getState() != FormState.COMPLETE) {
            throw new ValidationFailure(FieldError.of(null, "sdv.error.incomplete", form.key()));
        }
        return subject;
    }

    private FormData form(long formDataId) {
        return casebook.form(formDataId).orElseThrow(() -> notFound("form"));
    }

    static AuditEntry entry(String action, Subject subject, Visit visit, FormData form, String itemKey) {
        return AuditEntry.of(action, "ITEM", form.getId() + ":" + itemKey)
                .study(subject.getStudyId(), subject.getSiteId()).subject(subject.getId(), subject.getSubjectNumber())
                .location(visit.key(), form.key(), itemKey);
    }

    static String describe(SourceVerification v) {
        return "verified by " + v.getVerifiedBy() + " at " + v.getVerifiedAt() + " UTC";
    }

    private static ValidationFailure notFound(String what) {
        return new ValidationFailure(FieldError.of(null, "casebook.notFound", what));
    }
}
