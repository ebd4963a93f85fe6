package org.tacecrf.application.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.tacecrf.application.audit.Actor;
import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.study.EditCheckDef;
import org.tacecrf.domain.study.ItemType;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.validation.CheckOutcome;
import org.tacecrf.domain.validation.CheckRunner;
import org.tacecrf.domain.validation.CheckSubject;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.Deviation;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.quality.CheckOverride;
import org.tacecrf.model.quality.DataQuery;

/**
 * Runs the study's edit checks around a save and turns their outcomes into records: a failed soft
 * check raises an automatic query (unless the nurse confirmed the value with a reason), a failed
 * deviation rule records a protocol deviation, and a check that passes again closes its automatic
 * queries. Hard failures are returned to the caller, which refuses to mark the form complete.
 */
@ApplicationScoped
public class CheckService {

    /** The id an unsaved, new form instance has while its checks run. */
    public static final long UNSAVED_FORM = -1;
    static final String VISIT_WINDOW = "visit_window";

    @PersistenceContext(unitName = "tace")
    private EntityManager em;
    @Inject
    private CasebookRepository casebook;
    @Inject
    private QueryService queries;
    @Inject
    private AuditTrail audit;

    private final Map<String, CheckRunner> runners = new ConcurrentHashMap<>();

    public CheckRunner runner(StudyDefinition study) {
        return runners.compute(study.id(), (id, runner) -> runner != null && runner.study() == study ? runner : new CheckRunner(study));
    }

    /**
     * The outcomes for a form about to be saved: its own checks, and the checks elsewhere in the
     * casebook that read an item that changed.
     */
    public List<CheckOutcome> evaluate(StudyDefinition study, Subject subject, SubjectData.FormInstance unsaved,
                                       Collection<ItemKey> changed) {
        CheckRunner runner = runner(study);
        CheckSubject checkSubject = new CheckSubject(casebook.subjectData(subject.getId()), subject.getEnrolmentDate(),
                subject.getEligibilityWaiver() != null);
        LocalDate today = LocalDate.now();
        List<CheckOutcome> outcomes = new ArrayList<>(runner.runForm(checkSubject, unsaved, today));
        Set<String> alreadyRun = new LinkedHashSet<>();
        outcomes.forEach(o -> alreadyRun.add(o.checkId()));
        Set<String> dependent = new LinkedHashSet<>();
        boolean dateChanged = changed.stream().anyMatch(key -> study.item(unsaved.formId(), key.itemId())
                .map(item -> item.type() == ItemType.DATE).orElse(false));
        if (dateChanged && runner.checks().stream().anyMatch(c -> c.id().equals(VISIT_WINDOW)) && !alreadyRun.contains(VISIT_WINDOW)) {
            // A new visit date can move the visit into or out of its window.
            dependent.add(VISIT_WINDOW);
        }
        for (ItemKey key : changed) {
            for (EditCheckDef check : runner.checksReading(unsaved.formId(), key.itemId())) {
                if (!alreadyRun.contains(check.id())) {
                    dependent.add(check.id());
                }
            }
        }
        if (!dependent.isEmpty()) {
            outcomes.addAll(runner.runChecks(checkSubject.withForm(unsaved), dependent, today));
        }
        // Checks that compare this instance with the form's other instances (two readers of one scan)
        // have run here; their outcome in the other instances may have changed too.
        List<String> across = runner.checksAcrossInstances(unsaved.formId()).stream().map(EditCheckDef::id).toList();
        if (!across.isEmpty()) {
            runner.runChecks(checkSubject.withForm(unsaved), across, today).stream()
                    .filter(o -> !Objects.equals(o.target().formInstanceId(), unsaved.id()))
                    .forEach(outcomes::add);
        }
        return outcomes;
    }

    /** Every check of the study for one subject, as stored (the batch run). */
    public List<CheckOutcome> evaluateSubject(StudyDefinition study, Subject subject) {
        CheckSubject checkSubject = new CheckSubject(casebook.subjectData(subject.getId()), subject.getEnrolmentDate(),
                subject.getEligibilityWaiver() != null);
        return runner(study).runSubject(checkSubject, LocalDate.now());
    }

    /**
     * Records what the outcomes mean, after the form was written (or, with {@code saved} null,
     * after a batch run over stored data).
     *
     * @param confirmations outcome key (with the unsaved id replaced by the saved one) → the reason
     *                      the user gave for keeping a value a soft check questions
     */
    public void record(Subject subject, FormData saved, List<CheckOutcome> outcomes, Map<String, String> confirmations, Actor actor) {
        if (saved == null) {
            recordBatch(subject, outcomes, actor);
            return;
        }
        Map<String, CheckOutcome> byKey = new LinkedHashMap<>();
        for (CheckOutcome outcome : outcomes) {
            byKey.put(key(outcome, saved), outcome);
        }
        Instant now = Instant.now();
        for (Map.Entry<String, CheckOutcome> entry : byKey.entrySet()) {
            CheckOutcome outcome = entry.getValue();
            Long formRef = formRef(outcome, saved);
            String itemKey = outcome.target().item() == null ? null : outcome.target().item().toString();
            if (outcome.raisesQuery()) {
                String reason = confirmations.get(entry.getKey());
                if (reason != null && !reason.isBlank()) {
                    confirm(subject, formRef, itemKey, outcome, reason.trim(), actor, now);
                    queries.resolveAutomatic(subject.getId(), outcome.checkId(), formRef, itemKey);
                } else if (!overridden(formRef, itemKey, outcome.checkId())) {
                    FormData form = formRef == null ? null : casebook.form(formRef).orElse(null);
                    queries.raiseAutomatic(subject, form, itemKey, outcome.checkId(), outcome.messageEnglish());
                }
            } else if (outcome.recordsDeviation()) {
                recordDeviation(subject, formRef, outcome, actor, now);
            } else if (!outcome.failed()) {
                queries.resolveAutomatic(subject.getId(), outcome.checkId(), formRef, itemKey);
                deactivateOverrides(formRef, itemKey, outcome.checkId());
            }
        }
        // A row that is gone gives no outcome: its automatic queries on this form are resolved too.
        Set<String> evaluated = new LinkedHashSet<>();
        outcomes.forEach(o -> evaluated.add(o.checkId()));
        for (DataQuery query : em.createQuery("select q from DataQuery q where q.formRef = :f and q.origin = :auto and q.status <> :closed",
                        DataQuery.class).setParameter("f", saved.getId()).setParameter("auto", DataQuery.Origin.AUTO)
                .setParameter("closed", DataQuery.Status.CLOSED).getResultList()) {
            boolean stillFails = outcomes.stream().anyMatch(o -> o.failed() && o.checkId().equals(query.getCheckId())
                    && saved.getId().equals(formRef(o, saved))
                    && Objects.equals(query.getItemKey(), o.target().item() == null ? null : o.target().item().toString()));
            if (evaluated.contains(query.getCheckId()) && !stillFails) {
                queries.resolveAutomatic(subject.getId(), query.getCheckId(), saved.getId(), query.getItemKey());
            }
        }
    }

    private void recordBatch(Subject subject, List<CheckOutcome> outcomes, Actor actor) {
        Instant now = Instant.now();
        for (CheckOutcome outcome : outcomes) {
            Long formRef = outcome.target().formInstanceId();
            String itemKey = outcome.target().item() == null ? null : outcome.target().item().toString();
            if (outcome.raisesQuery() && !overridden(formRef, itemKey, outcome.checkId())) {
                queries.raiseAutomatic(subject, formRef == null ? null : casebook.form(formRef).orElse(null), itemKey, outcome.checkId(),
                        outcome.messageEnglish());
            } else if (outcome.recordsDeviation()) {
                recordDeviation(subject, formRef, outcome, actor, now);
            } else if (!outcome.failed()) {
                queries.resolveAutomatic(subject.getId(), outcome.checkId(), formRef, itemKey);
            }
        }
    }

    /** The key of an outcome after the save: the temporary id of a new form is replaced by the saved one. */
    public static String key(CheckOutcome outcome, FormData saved) {
        return outcome.key().replace("/f" + UNSAVED_FORM + "/", "/f" + saved.getId() + "/")
                .replace("/f" + UNSAVED_FORM, "/f" + saved.getId());
    }

    private static Long formRef(CheckOutcome outcome, FormData saved) {
        Long id = outcome.target().formInstanceId();
        return id != null && id == UNSAVED_FORM ? saved.getId() : id;
    }

    private boolean overridden(Long formRef, String itemKey, String checkId) {
        if (formRef == null) {
            return false;
        }
        return !em.createQuery("select o.id from CheckOverride o where o.formRef = :f and o.checkId = :c and o.active = true"
                        + " and (o.itemKey = :i or (o.itemKey is null and :i is null))", Long.class)
                .setParameter("f", formRef).setParameter("c", checkId).setParameter("i", itemKey).setMaxResults(1).getResultList().isEmpty();
    }

    private void confirm(Subject subject, Long formRef, String itemKey, CheckOutcome outcome, String reason, Actor actor, Instant now) {
        if (formRef == null || overridden(formRef, itemKey, outcome.checkId())) {
            return;
        }
        em.persist(new CheckOverride(subject.getStudyId(), subject.getSiteId(), subject.getId(), formRef, itemKey, outcome.checkId(),
                outcome.messageEnglish(), reason, actor.username(), now));
        audit.record(actor, AuditEntry.of("CONFIRM_VALUE", "CHECK", outcome.checkId())
                .study(subject.getStudyId(), subject.getSiteId()).subject(subject.getId(), subject.getSubjectNumber())
                .location(null, String.valueOf(formRef), itemKey).values(outcome.messageEnglish(), "confirmed").reason(reason)
                .source(AuditSource.FORM, "soft edit check " + outcome.checkId()));
    }

    private void deactivateOverrides(Long formRef, String itemKey, String checkId) {
        if (formRef == null) {
            return;
        }
        em.createQuery("select o from CheckOverride o where o.formRef = :f and o.checkId = :c and o.active = true"
                        + " and (o.itemKey = :i or (o.itemKey is null and :i is null))", CheckOverride.class)
                .setParameter("f", formRef).setParameter("c", checkId).setParameter("i", itemKey).getResultList()
                .forEach(CheckOverride::deactivate);
    }

    private void recordDeviation(Subject subject, Long formRef, CheckOutcome outcome, Actor actor, Instant now) {
        boolean exists = !em.createQuery("select d.id from Deviation d where d.subjectId = :s and d.checkId = :c"
                        + " and (d.formRef = :f or (d.formRef is null and :f is null))", Long.class)
                .setParameter("s", subject.getId()).setParameter("c", outcome.checkId()).setParameter("f", formRef)
                .setMaxResults(1).getResultList().isEmpty();
        if (exists) {
            return;
        }
        Deviation.Type type = switch (outcome.checkId()) {
            case "visit_window" -> Deviation.Type.VISIT_OUT_OF_WINDOW;
            case "eligibility_not_met" -> Deviation.Type.ELIGIBILITY_VIOLATION;
            default -> Deviation.Type.OTHER;
        };
        LocalDate when = subject.getEnrolmentDate() == null ? LocalDate.now() : LocalDate.now();
        Deviation deviation = new Deviation(subject.getStudyId(), subject.getSiteId(), subject.getId(), type, outcome.messageEnglish(),
                when, Deviation.Source.CHECK, now, Actor.system().username());
        deviation.fromCheck(outcome.checkId(), formRef);
        em.persist(deviation);
        em.flush();
        audit.record(Actor.system(), AuditEntry.of("CREATE", "DEVIATION", deviation.getId())
                .study(subject.getStudyId(), subject.getSiteId()).subject(subject.getId(), subject.getSubjectNumber())
                .values(null, type + ": " + outcome.messageEnglish()).source(AuditSource.SYSTEM, "check " + outcome.checkId()
                        + " after a change by " + actor.username()));
    }
}
