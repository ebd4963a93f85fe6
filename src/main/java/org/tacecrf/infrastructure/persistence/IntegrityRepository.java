package org.tacecrf.infrastructure.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.tacecrf.domain.integrity.SdvProgress;
import org.tacecrf.domain.integrity.SignatureScope;
import org.tacecrf.domain.integrity.SignatureStatus;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.FormState;
import org.tacecrf.model.integrity.Signature;
import org.tacecrf.model.integrity.SourceVerification;

/**
 * Signatures and source-data verification. A value counts as verified only while it is in the
 * version the monitor verified, so progress stays right even for a change that bypassed the reset.
 */
@ApplicationScoped
public class IntegrityRepository {

    /** Entered values of complete forms are verified; calculated values are not (see {@link SdvProgress}). */
    private static final String VERIFIABLE = "i.formRef = f.id and f.state = :complete and i.derivedBy is null";
    private static final String CURRENT = "v.itemRef = i.id and v.itemVersion = i.version";

    @PersistenceContext(unitName = "tace")
    private EntityManager em;

    public void add(Object entity) {
        em.persist(entity);
    }

    public void remove(Object entity) {
        em.remove(entity);
    }

    public void flush() {
        em.flush();
    }

    // ---- signatures

    public Optional<Signature> signature(long id) {
        return Optional.ofNullable(em.find(Signature.class, id));
    }

    /** Every signature of a subject, newest first. */
    public List<Signature> signatures(long subjectId) {
        return em.createQuery("select s from Signature s where s.subjectId = :subject order by s.signedAt desc, s.id desc", Signature.class)
                .setParameter("subject", subjectId).getResultList();
    }

    /** The valid signatures whose scope includes the form: the form itself, its visit, or the whole casebook. */
    public List<Signature> validSignaturesCovering(FormData form) {
        return em.createQuery("select s from Signature s where s.subjectId = :subject and s.status = :valid and ("
                        + "s.scope = :subjectScope or (s.scope = :visitScope and s.visitRef = :visit) "
                        + "or (s.scope = :formScope and s.formRef = :form)) order by s.id", Signature.class)
                .setParameter("subject", form.getSubjectId()).setParameter("valid", SignatureStatus.VALID)
                .setParameter("subjectScope", SignatureScope.SUBJECT).setParameter("visitScope", SignatureScope.VISIT)
                .setParameter("visit", form.getVisitRef()).setParameter("formScope", SignatureScope.FORM)
                .setParameter("form", form.getId()).getResultList();
    }

    /** Every signature (valid or not) whose scope includes the form, newest first. */
    public List<Signature> signaturesCovering(FormData form) {
        return em.createQuery("select s from Signature s where s.subjectId = :subject and ("
                        + "s.scope = :subjectScope or (s.scope = :visitScope and s.visitRef = :visit) "
                        + "or (s.scope = :formScope and s.formRef = :form)) order by s.signedAt desc, s.id desc", Signature.class)
                .setParameter("subject", form.getSubjectId())
                .setParameter("subjectScope", SignatureScope.SUBJECT).setParameter("visitScope", SignatureScope.VISIT)
                .setParameter("visit", form.getVisitRef()).setParameter("formScope", SignatureScope.FORM)
                .setParameter("form", form.getId()).getResultList();
    }

    /** The ids of the subject's forms covered by at least one valid signature. */
    public Set<Long> signedForms(long subjectId, Collection<FormData> forms) {
        List<Signature> valid = em.createQuery("select s from Signature s where s.subjectId = :subject and s.status = :valid",
                        Signature.class)
                .setParameter("subject", subjectId).setParameter("valid", SignatureStatus.VALID).getResultList();
        Set<Long> signed = new HashSet<>();
        for (FormData form : forms) {
            if (valid.stream().anyMatch(s -> covers(s, form.getSubjectId(), form.getVisitRef(), form.getId()))) {
                signed.add(form.getId());
            }
        }
        return signed;
    }

    /**
     * The latest valid signature over each of the given forms that has one (its own, its visit's or
     * its casebook's), by form id. Read in slices so that long id lists stay within the bind-parameter
     * limits of the databases.
     */
    public Map<Long, Signature> latestValidSignatures(Collection<Long> formIds) {
        List<Object[]> forms = new ArrayList<>();
        for (List<Long> slice : slices(formIds)) {
            forms.addAll(em.createQuery("select f.id, f.subjectId, f.visitRef from FormData f where f.id in :ids", Object[].class)
                    .setParameter("ids", slice).getResultList());
        }
        Map<Long, List<Signature>> bySubject = new HashMap<>();
        for (List<Long> slice : slices(forms.stream().map(f -> (Long) f[1]).distinct().toList())) {
            em.createQuery("select s from Signature s where s.subjectId in :subjects and s.status = :valid "
                            + "order by s.signedAt desc, s.id desc", Signature.class)
                    .setParameter("subjects", slice).setParameter("valid", SignatureStatus.VALID).getResultList()
                    .forEach(s -> bySubject.computeIfAbsent(s.getSubjectId(), k -> new ArrayList<>()).add(s));
        }
        Map<Long, Signature> latest = new HashMap<>();
        for (Object[] f : forms) {
            Long formId = (Long) f[0];
            bySubject.getOrDefault((Long) f[1], List.of()).stream()
                    .filter(s -> covers(s, (Long) f[1], (Long) f[2], formId))
                    .findFirst().ifPresent(s -> latest.put(formId, s));
        }
        return latest;
    }

    private static boolean covers(Signature s, Long subjectId, Long visitRef, Long formId) {
        return s.getSubjectId().equals(subjectId) && switch (s.getScope()) {
            case SUBJECT -> true;
            case VISIT -> visitRef.equals(s.getVisitRef());
            case FORM -> formId.equals(s.getFormRef());
        };
    }

    private static List<List<Long>> slices(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> slices = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 1000) {
            slices.add(all.subList(from, Math.min(all.size(), from + 1000)));
        }
        return slices;
    }

    // ---- source-data verification

    /** The verifications of a form's values, current or not. */
    public List<SourceVerification> verifications(long formRef) {
        return em.createQuery("select v from SourceVerification v where v.formRef = :form", SourceVerification.class)
                .setParameter("form", formRef).getResultList();
    }

    public List<SourceVerification> verifications(long formRef, Collection<String> itemKeys) {
        if (itemKeys.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select v from SourceVerification v where v.formRef = :form and v.itemKey in :keys",
                        SourceVerification.class)
                .setParameter("form", formRef).setParameter("keys", itemKeys).getResultList();
    }

    /** The subject's complete forms whose every entered value is verified in its current version. */
    public Set<Long> verifiedForms(long subjectId) {
        Map<Long, long[]> counts = new HashMap<>();
        for (Object[] row : em.createQuery("select f.id, count(i) from ItemData i, FormData f where " + VERIFIABLE
                        + " and f.subjectId = :subject group by f.id", Object[].class)
                .setParameter("complete", FormState.COMPLETE).setParameter("subject", subjectId).getResultList()) {
            counts.put((Long) row[0], new long[] {(Long) row[1], 0});
        }
        for (Object[] row : em.createQuery("select f.id, count(v) from SourceVerification v, ItemData i, FormData f where "
                        + CURRENT + " and " + VERIFIABLE + " and f.subjectId = :subject group by f.id", Object[].class)
                .setParameter("complete", FormState.COMPLETE).setParameter("subject", subjectId).getResultList()) {
            long[] c = counts.get((Long) row[0]);
            if (c != null) {
                c[1] = (Long) row[1];
            }
        }
        Set<Long> verified = new HashSet<>();
        counts.forEach((form, c) -> {
            if (c[0] > 0 && c[0] == c[1]) {
                verified.add(form);
            }
        });
        return verified;
    }

    /** Progress per subject of a study, optionally of one site. */
    public Map<Long, SdvProgress> progressBySubject(String studyId, Collection<String> siteIds) {
        return progress("s.id", studyId, siteIds);
    }

    /** Progress per site of a study. */
    public Map<String, SdvProgress> progressBySite(String studyId, Collection<String> siteIds) {
        return progress("s.siteId", studyId, siteIds);
    }

    public SdvProgress progressOfSubject(long subjectId) {
        long total = em.createQuery("select count(i) from ItemData i, FormData f where " + VERIFIABLE + " and f.subjectId = :subject",
                        Long.class)
                .setParameter("complete", FormState.COMPLETE).setParameter("subject", subjectId).getSingleResult();
        long verified = em.createQuery("select count(v) from SourceVerification v, ItemData i, FormData f where " + CURRENT + " and "
                        + VERIFIABLE + " and f.subjectId = :subject", Long.class)
                .setParameter("complete", FormState.COMPLETE).setParameter("subject", subjectId).getSingleResult();
        return new SdvProgress(verified, total);
    }

    @SuppressWarnings("unchecked")
    private <K> Map<K, SdvProgress> progress(String groupBy, String studyId, Collection<String> siteIds) {
        String sites = siteIds == null ? "" : " and s.siteId in :sites";
        var totals = em.createQuery("select " + groupBy + ", count(i) from ItemData i, FormData f, Subject s where " + VERIFIABLE
                        + " and f.subjectId = s.id and s.studyId = :study" + sites + " group by " + groupBy, Object[].class)
                .setParameter("complete", FormState.COMPLETE).setParameter("study", studyId);
        var done = em.createQuery("select " + groupBy + ", count(v) from SourceVerification v, ItemData i, FormData f, Subject s where "
                        + CURRENT + " and " + VERIFIABLE + " and f.subjectId = s.id and s.studyId = :study" + sites
                        + " group by " + groupBy, Object[].class)
                .setParameter("complete", FormState.COMPLETE).setParameter("study", studyId);
        if (siteIds != null) {
            List<String> list = new ArrayList<>(SiteScope.orNoSite(siteIds));
            totals.setParameter("sites", list);
            done.setParameter("sites", list);
        }
        Map<K, Long> verified = new HashMap<>();
        done.getResultList().forEach(row -> verified.put((K) row[0], (Long) row[1]));
        Map<K, SdvProgress> result = new HashMap<>();
        totals.getResultList().forEach(row -> result.put((K) row[0], new SdvProgress(verified.getOrDefault((K) row[0], 0L), (Long) row[1])));
        return result;
    }
}
