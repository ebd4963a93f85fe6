package org.tacecrf.application.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.tacecrf.application.casebook.CasebookService;
import org.tacecrf.application.casebook.EnrolmentService;
import org.tacecrf.application.casebook.FormSave;
import org.tacecrf.application.casebook.FormService;
import org.tacecrf.application.casebook.RawEntry;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.application.study.StudyRegistration;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.demo.CohortGenerator;
import org.tacecrf.domain.demo.CohortPlan;
import org.tacecrf.domain.demo.CohortPlan.PlannedForm;
import org.tacecrf.domain.demo.CohortPlan.PlannedSubject;
import org.tacecrf.domain.demo.CohortSpec;
import org.tacecrf.domain.demo.CohortSpecReader;
import org.tacecrf.infrastructure.config.AppSettings;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.infrastructure.persistence.DemoCohortRepository;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.Screening;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.Visit;
import org.tacecrf.model.demo.DemoCohort;
import org.tacecrf.model.user.Role;

/**
 * Enters demo cohorts through the same services as the forms: screening and enrolment
 * ({@link EnrolmentService}), further visits ({@link CasebookService#addVisit}) and every form
 * ({@link FormService#save}), so values are parsed and validated, calculated items derived, edit
 * checks run (raising queries and deviations) and each change audited, attributed to the system
 * account {@value DemoUsers#GENERATOR} that the services see as the caller (EJB run-as; the
 * principal is mapped in {@code WEB-INF/glassfish-ejb-jar.xml}).
 * <p>
 * Runs in the background; each subject is one transaction together with the cohort's progress
 * row, so a restart resumes at the first subject not yet entered and never enters one twice.
 */
@Stateless
@RunAs(Role.DATA_MANAGER_NAME)
public class DemoCohortRunner {

    private static final Logger LOG = Logger.getLogger(DemoCohortRunner.class.getName());

    @Inject
    private EnrolmentService enrolment;
    @Inject
    private CasebookService casebookService;
    @Inject
    private FormService forms;
    @Inject
    private CasebookRepository casebook;
    @Inject
    private DemoCohortRepository cohorts;
    @Inject
    private StudyRegistration registration;
    @Inject
    private AppSettings settings;
    @EJB
    private DemoCohortRunner self;

    /** Enters the cohorts of the studies one after the other, each from where it stands. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void generate(List<String> studyIds) {
        long start = System.nanoTime();
        int forms = 0;
        for (String studyId : studyIds) {
            try {
                forms += generate(studyId);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Demo cohort of " + studyId + " stopped", e);
                self.fail(studyId, describe(e));
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        int saved = forms;
        LOG.info(() -> String.format("Demo cohorts of %s entered: %d forms in %.1f s", studyIds, saved, millis / 1000.0));
    }

    /** Generates the study's plan and enters the subjects not entered yet; returns the forms saved. */
    private int generate(String studyId) {
        CohortSpec spec = CohortSpecReader.forStudy(studyId).orElseThrow(() -> new IllegalStateException("no demo cohort for " + studyId));
        // a cohort already under way resumes with its recorded seed, whatever the settings say now
        long seed = cohorts.find(studyId).map(DemoCohort::getSeed)
                .orElseGet(() -> settings.demoSeed(studyId).orElse(spec.seed()));
        long planStart = System.nanoTime();
        CohortPlan plan = new CohortGenerator(registration.definition(studyId), spec).generate(seed);
        long planMillis = (System.nanoTime() - planStart) / 1_000_000;
        int from = self.start(studyId, plan);
        Map<Integer, List<CohortPlan.ScreenFailure>> failures = screenFailuresBefore(plan);
        int forms = 0;
        long start = System.nanoTime();
        for (int i = from; i < plan.subjects().size(); i++) {
            self.enter(studyId, plan, i, failures.getOrDefault(i, List.of()));
            forms += plan.subjects().get(i).forms().size();
        }
        self.finish(studyId);
        long millis = (System.nanoTime() - start) / 1_000_000;
        int subjects = plan.subjects().size() - from;
        int saved = forms;
        LOG.info(() -> String.format("Demo cohort of %s: %d subjects, %d forms entered in %.1f s (%.0f ms a form; plan %d ms)",
                studyId, subjects, saved, millis / 1000.0, saved == 0 ? 0.0 : (double) millis / saved, planMillis));
        return forms;
    }

    /** Each screen failure is screened just before the first subject screened on or after its date. */
    private static Map<Integer, List<CohortPlan.ScreenFailure>> screenFailuresBefore(CohortPlan plan) {
        Map<Integer, List<CohortPlan.ScreenFailure>> out = new HashMap<>();
        for (CohortPlan.ScreenFailure f : plan.screenFailures()) {
            int index = plan.subjects().size() - 1;
            for (int i = 0; i < plan.subjects().size(); i++) {
                if (!plan.subjects().get(i).screenedOn().isBefore(f.screenedOn())) {
                    index = i;
                    break;
                }
            }
            out.computeIfAbsent(index, k -> new ArrayList<>()).add(f);
        }
        return out;
    }

    /** Marks the cohort as running with the plan's size; returns the first subject still to enter. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int start(String studyId, CohortPlan plan) {
        DemoCohort cohort = cohorts.find(studyId).orElseGet(() -> {
            DemoCohort created = new DemoCohort(studyId, plan.seed(), plan.subjects().size(), plan.formCount());
            cohorts.add(created);
            return created;
        });
        cohort.started(cohort.getStartedAt() == null ? Instant.now() : cohort.getStartedAt(), plan.subjects().size(),
                plan.formCount());
        return cohort.getSubjectsDone();
    }

    /** Screens, enrols and fills the casebook of one subject, and counts it, in one transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void enter(String studyId, CohortPlan plan, int index, List<CohortPlan.ScreenFailure> failuresBefore) {
        long start = System.nanoTime();
        PlannedSubject planned = plan.subjects().get(index);
        for (CohortPlan.ScreenFailure f : failuresBefore) {
            enrolment.screen(new EnrolmentService.ScreeningEntry(studyId, f.siteId(), f.screenedOn(), f.sex(), f.birthYear(),
                    answers(f.eligibility()), f.declined(), f.note()));
        }
        Screening screening = enrolment.screen(new EnrolmentService.ScreeningEntry(studyId, planned.siteId(), planned.screenedOn(),
                planned.sex(), planned.birthYear(), answers(planned.eligibility()), false, null));
        Subject subject = enrolment.enrol(new EnrolmentService.EnrolmentEntry(screening.getId(), planned.consentDate(),
                planned.enrolmentDate(), planned.armId(), null));
        Map<String, Long> visits = new HashMap<>();
        for (Visit v : casebook.visits(subject.getId())) {
            visits.put(v.getVisitId() + "#" + v.getRepeatKey(), v.getId());
        }
        String source = "synthetic demo cohort, seed " + plan.seed();
        for (PlannedForm f : planned.forms()) {
            String key = f.visitId() + "#" + f.visitRepeat();
            Long visitRef = visits.get(key);
            if (visitRef == null) {
                Visit added = casebookService.addVisit(subject.getId(), f.visitId());
                if (added.getRepeatKey() != f.visitRepeat()) {
                    throw new IllegalStateException("visit " + f.visitId() + " #" + f.visitRepeat() + " was added as #" + added.getRepeatKey());
                }
                visitRef = added.getId();
                visits.put(key, visitRef);
            }
            Map<ItemKey, RawEntry> entries = new LinkedHashMap<>();
            f.entries().forEach((item, text) -> entries.put(item, RawEntry.of(text)));
            try {
                forms.save(new FormSave(subject.getId(), visitRef, f.formId(), f.formRepeat(), null, entries, true, null,
                        AuditSource.IMPORT, source, f.confirmations()));
            } catch (ValidationFailure e) {
                throw new IllegalStateException("subject " + planned.index() + " (" + subject.getSubjectNumber() + "), "
                        + f.visitId() + " #" + f.visitRepeat() + ", " + f.formId() + ": " + e.errors().stream()
                        .map(err -> err.field() + " " + err.messageKey() + " " + err.arguments()).collect(Collectors.joining("; ")), e);
            }
        }
        cohorts.find(studyId).orElseThrow().subjectEntered(planned.forms().size(), (System.nanoTime() - start) / 1_000_000);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(String studyId) {
        cohorts.find(studyId).orElseThrow().finished(Instant.now());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(String studyId, String why) {
        cohorts.find(studyId).ifPresent(c -> c.failed(Instant.now(), why));
    }

    private static Map<String, Screening.Answer> answers(Map<String, Boolean> eligibility) {
        Map<String, Screening.Answer> out = new LinkedHashMap<>();
        eligibility.forEach((criterion, applies) -> out.put(criterion, applies ? Screening.Answer.YES : Screening.Answer.NO));
        return out;
    }

    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 1500; t = t.getCause()) {
            if (t.getMessage() != null) {
                out.append(out.isEmpty() ? "" : " <- ").append(t.getMessage());
            }
        }
        return out.toString();
    }
}
