package org.tacecrf.application.casebook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.tacecrf.application.audit.Actor;
import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.study.CriterionKind;
import org.tacecrf.domain.study.EligibilityCriterion;
import org.tacecrf.domain.study.SiteDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.domain.study.VisitType;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.Deviation;
import org.tacecrf.model.casebook.NumberSequence;
import org.tacecrf.model.casebook.Screening;
import org.tacecrf.model.casebook.ScreeningOutcome;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.Visit;

/**
 * The screening log and enrolment. A screened patient is checked against the study's eligibility
 * criteria; an eligible one is enrolled with consent date, enrolment date and arm and receives the
 * next subject number of the site's pattern. An ineligible patient can be enrolled only with a
 * documented waiver, which is recorded as a protocol deviation.
 */
@Stateless
public class EnrolmentService {

    @Inject
    private CasebookRepository casebook;
    @Inject
    private StudyAccess access;
    @Inject
    private AuditTrail audit;
    @Inject
    private FormService forms;

    /** A screening as entered. {@code declined} marks an eligible patient who is not enrolled. */
    public record ScreeningEntry(String studyId, String siteId, LocalDate screenedOn, String sex, Integer birthYear,
                                 Map<String, Screening.Answer> answers, boolean declined, String note) {
    }

    /** An enrolment as entered; {@code waiver} is required when the screening found the patient ineligible. */
    public record EnrolmentEntry(long screeningId, LocalDate consentDate, LocalDate enrolmentDate, String armId, String waiver) {
    }

    public Screening screen(ScreeningEntry entry) {
        StudyDefinition study = access.study(entry.studyId());
        access.requireDataEntry(entry.studyId(), entry.siteId());
        List<FieldError> errors = new ArrayList<>();
        SiteDef site = study.site(entry.siteId()).orElse(null);
        if (site == null) {
            errors.add(FieldError.of("site", "enrol.error.site"));
        }
        if (entry.screenedOn() == null) {
            errors.add(FieldError.of("screenedOn", "validation.required"));
        } else if (entry.screenedOn().isAfter(LocalDate.now())) {
            errors.add(FieldError.of("screenedOn", "value.error.futureDate", entry.screenedOn()));
        }
        if (entry.birthYear() != null && (entry.birthYear() < 1900 || entry.birthYear() > LocalDate.now().getYear())) {
            errors.add(FieldError.of("birthYear", "validation.range", 1900, LocalDate.now().getYear()));
        }
        for (EligibilityCriterion criterion : study.eligibility()) {
            if (entry.answers().get(criterion.id()) == null) {
                errors.add(FieldError.of("criterion_" + criterion.id(), "enrol.error.answerEach"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailure(errors);
        }
        Actor actor = access.user().actor();
        int number = casebook.nextNumber(study.id(), site.id(), NumberSequence.SCREENING);
        Screening screening = new Screening(study.id(), site.id(), String.format("S-%s-%03d", site.id(), number), entry.screenedOn(),
                Instant.now(), actor.username());
        screening.setSex(entry.sex());
        screening.setBirthYear(entry.birthYear());
        screening.getAnswers().putAll(entry.answers());
        List<String> failed = failedCriteria(study, entry.answers());
        if (!failed.isEmpty()) {
            screening.decide(ScreeningOutcome.NOT_ELIGIBLE, joinReason(String.join("; ", failed), entry.note()));
        } else if (entry.declined()) {
            screening.decide(ScreeningOutcome.NOT_ENROLLED, entry.note() == null || entry.note().isBlank() ? "not enrolled" : entry.note());
        } else {
            screening.decide(ScreeningOutcome.ELIGIBLE, blankToNull(entry.note()));
        }
        casebook.add(screening);
        casebook.flush();
        audit.record(actor, AuditEntry.of("SCREEN", "SCREENING", screening.getId())
                .study(study.id(), site.id())
                .values(null, screening.getScreeningNumber() + ": " + screening.getOutcome()
                        + (screening.getOutcomeReason() == null ? "" : " (" + screening.getOutcomeReason() + ")"))
                .source(AuditSource.FORM, null));
        return screening;
    }

    /** Criteria the answers fail: an inclusion not met, an exclusion that applies, or either unknown. */
    static List<String> failedCriteria(StudyDefinition study, Map<String, Screening.Answer> answers) {
        List<String> failed = new ArrayList<>();
        for (EligibilityCriterion criterion : study.eligibility()) {
            Screening.Answer answer = answers.get(criterion.id());
            boolean inclusion = criterion.kind() == CriterionKind.INCLUSION;
            if (answer == Screening.Answer.UNKNOWN) {
                failed.add(criterion.id() + " not confirmed: " + criterion.text().en());
            } else if (inclusion && answer == Screening.Answer.NO) {
                failed.add(criterion.id() + " not met: " + criterion.text().en());
            } else if (!inclusion && answer == Screening.Answer.YES) {
                failed.add(criterion.id() + " applies: " + criterion.text().en());
            }
        }
        return failed;
    }

    public Subject enrol(EnrolmentEntry entry) {
        Screening screening = casebook.screening(entry.screeningId())
                .orElseThrow(() -> new ValidationFailure(FieldError.of(null, "casebook.notFound", "screening")));
        StudyDefinition study = access.study(screening.getStudyId());
        access.requireDataEntry(screening.getStudyId(), screening.getSiteId());
        List<FieldError> errors = new ArrayList<>();
        if (screening.getOutcome() == ScreeningOutcome.ENROLLED) {
            errors.add(FieldError.of(null, "enrol.error.alreadyEnrolled", screening.getScreeningNumber()));
        }
        boolean ineligible = screening.getOutcome() == ScreeningOutcome.NOT_ELIGIBLE;
        if (ineligible && (entry.waiver() == null || entry.waiver().isBlank())) {
            errors.add(FieldError.of("waiver", "enrol.error.waiverRequired"));
        }
        LocalDate today = LocalDate.now();
        if (entry.consentDate() == null) {
            errors.add(FieldError.of("consentDate", "validation.required"));
        } else if (entry.consentDate().isAfter(today)) {
            errors.add(FieldError.of("consentDate", "value.error.futureDate", entry.consentDate()));
        }
        if (entry.enrolmentDate() == null) {
            errors.add(FieldError.of("enrolmentDate", "validation.required"));
        } else if (entry.enrolmentDate().isAfter(today)) {
            errors.add(FieldError.of("enrolmentDate", "value.error.futureDate", entry.enrolmentDate()));
        } else if (entry.consentDate() != null && entry.enrolmentDate().isBefore(entry.consentDate())) {
            errors.add(FieldError.of("enrolmentDate", "enrol.error.enrolmentBeforeConsent"));
        }
        String arm = entry.armId();
        if (study.arms().size() == 1 && (arm == null || arm.isBlank())) {
            arm = study.arms().get(0).id();
        }
        if (!study.arms().isEmpty() && (arm == null || study.arm(arm).isEmpty())) {
            errors.add(FieldError.of("arm", "enrol.error.arm"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailure(errors);
        }
        SiteDef site = study.site(screening.getSiteId()).orElseThrow();
        Actor actor = access.user().actor();
        Instant now = Instant.now();
        int sequence = casebook.nextNumber(study.id(), site.id(), NumberSequence.SUBJECT);
        String number = site.subjectNumberPattern().format(study.id(), site.id(), sequence);
        Subject subject = new Subject(study.id(), site.id(), number, entry.consentDate(), entry.enrolmentDate(), arm, now,
                actor.username());
        subject.setScreeningId(screening.getId());
        if (ineligible) {
            subject.setEligibilityWaiver(entry.waiver().trim());
        }
        casebook.add(subject);
        casebook.flush();
        screening.enrolled(subject.getId());
        audit.record(actor, AuditEntry.of("ENROL", "SUBJECT", subject.getId())
                .study(study.id(), site.id()).subject(subject.getId(), number)
                .values(null, "screening " + screening.getScreeningNumber() + ", arm " + arm + ", consent " + entry.consentDate()
                        + ", enrolled " + entry.enrolmentDate() + (ineligible ? ", eligibility waiver" : ""))
                .reason(ineligible ? entry.waiver() : null).source(AuditSource.FORM, null));
        createScheduledVisits(study, subject, now, actor.username());
        if (ineligible) {
            Deviation deviation = new Deviation(study.id(), site.id(), subject.getId(), Deviation.Type.ELIGIBILITY_WAIVER,
                    "Enrolled although not eligible (" + screening.getOutcomeReason() + "). Waiver: " + entry.waiver().trim(),
                    entry.enrolmentDate(), Deviation.Source.ENROLMENT, now, actor.username());
            casebook.add(deviation);
            casebook.flush();
            audit.record(actor, AuditEntry.of("CREATE", "DEVIATION", deviation.getId())
                    .study(study.id(), site.id()).subject(subject.getId(), number)
                    .values(null, deviation.getType() + ": " + deviation.getDescription()).source(AuditSource.SYSTEM, "enrolment"));
        }
        recordScreeningForms(study, subject, screening, arm, entry);
        return subject;
    }

    /** Every non-repeating visit of the schedule, so the casebook shows what is expected. */
    private void createScheduledVisits(StudyDefinition study, Subject subject, Instant now, String by) {
        for (VisitDef visit : study.schedule()) {
            if (!visit.repeating() || visit.type() == VisitType.LOG) {
                casebook.add(new Visit(subject.getId(), visit.id(), 1, now, by));
            }
        }
        casebook.flush();
    }

    /** The enrolment and eligibility forms of the screening visit carry what was entered here. */
    private void recordScreeningForms(StudyDefinition study, Subject subject, Screening screening, String arm, EnrolmentEntry entry) {
        VisitDef screeningVisit = study.schedule().stream().filter(v -> v.type() == VisitType.SCREENING).findFirst().orElse(null);
        if (screeningVisit == null) {
            return;
        }
        Visit visit = casebook.visits(subject.getId()).stream().filter(v -> v.getVisitId().equals(screeningVisit.id()))
                .findFirst().orElseThrow();
        if (screeningVisit.collects("enrolment")) {
            saveEnrolmentForm(subject, visit, entry.consentDate(), entry.enrolmentDate(), arm, AuditSource.FORM, "enrolment");
        }
        if (screeningVisit.collects("eligibility")) {
            Map<ItemKey, RawEntry> values = new LinkedHashMap<>();
            int row = 1;
            for (EligibilityCriterion criterion : study.eligibility()) {
                Screening.Answer answer = screening.getAnswers().get(criterion.id());
                if (answer == null || answer == Screening.Answer.UNKNOWN) {
                    continue;
                }
                values.put(new ItemKey("criteria", row, "criterion"), RawEntry.of(criterion.id()));
                values.put(new ItemKey("criteria", row, "criterion_applies"), RawEntry.of(answer == Screening.Answer.YES ? "Y" : "N"));
                row++;
            }
            values.put(new ItemKey("decision", 1, "eligible"), RawEntry.of(screening.getOutcome() == ScreeningOutcome.NOT_ELIGIBLE
                    || entry.waiver() != null && !entry.waiver().isBlank() ? "N" : "Y"));
            values.put(new ItemKey("decision", 1, "eligibility_date"), RawEntry.of(screening.getScreenedOn().toString()));
            forms.save(new FormSave(subject.getId(), visit.getId(), "eligibility", 1, null, values, false, null,
                    AuditSource.FORM, "enrolment"));
        }
    }

    /** The enrolment form carries the dates and arm the subject was enrolled with. */
    private void saveEnrolmentForm(Subject subject, Visit visit, LocalDate consentDate, LocalDate enrolmentDate, String arm,
                                   AuditSource source, String sourceDetail) {
        Map<ItemKey, RawEntry> values = new LinkedHashMap<>();
        values.put(new ItemKey("enrolment", 1, "consent_date"), RawEntry.of(consentDate.toString()));
        values.put(new ItemKey("enrolment", 1, "enrolment_date"), RawEntry.of(enrolmentDate.toString()));
        if (arm != null) {
            values.put(new ItemKey("enrolment", 1, "arm"), RawEntry.of(arm));
        }
        forms.save(new FormSave(subject.getId(), visit.getId(), "enrolment", 1, null, values, false, null, source, sourceDetail));
    }

    /**
     * A subject enrolled without an entry in the screening log: patients of an existing cohort brought
     * in by a data import, or enrolled through the REST API. Same checks as {@link #enrol} (dates,
     * arm, site rights, site and study active); the subject number is the one given (unique in the
     * study) or the next free number of the site's pattern.
     *
     * @param subjectNumber the number to use, or null for the next one of the site
     */
    public record Registration(String studyId, String siteId, String subjectNumber, LocalDate consentDate, LocalDate enrolmentDate,
                               String armId) {
    }

    public Subject register(Registration entry, AuditSource source, String sourceDetail) {
        StudyDefinition study = access.study(entry.studyId());
        List<FieldError> errors = new ArrayList<>();
        SiteDef site = entry.siteId() == null ? null : study.site(entry.siteId()).orElse(null);
        if (site == null) {
            errors.add(FieldError.of("site", "enrol.error.site"));
            throw new ValidationFailure(errors);
        }
        access.requireDataEntry(study.id(), site.id());
        LocalDate today = LocalDate.now();
        if (entry.consentDate() == null) {
            errors.add(FieldError.of("consentDate", "validation.required"));
        } else if (entry.consentDate().isAfter(today)) {
            errors.add(FieldError.of("consentDate", "value.error.futureDate", entry.consentDate()));
        }
        if (entry.enrolmentDate() == null) {
            errors.add(FieldError.of("enrolmentDate", "validation.required"));
        } else if (entry.enrolmentDate().isAfter(today)) {
            errors.add(FieldError.of("enrolmentDate", "value.error.futureDate", entry.enrolmentDate()));
        } else if (entry.consentDate() != null && entry.enrolmentDate().isBefore(entry.consentDate())) {
            errors.add(FieldError.of("enrolmentDate", "enrol.error.enrolmentBeforeConsent"));
        }
        String arm = entry.armId();
        if (study.arms().size() == 1 && (arm == null || arm.isBlank())) {
            arm = study.arms().get(0).id();
        }
        if (!study.arms().isEmpty() && (arm == null || study.arm(arm).isEmpty())) {
            errors.add(FieldError.of("arm", "enrol.error.arm"));
        }
        String number = entry.subjectNumber() == null || entry.subjectNumber().isBlank() ? null : entry.subjectNumber().strip();
        if (number != null && (number.length() > 64 || casebook.subjectByNumber(study.id(), number).isPresent())) {
            errors.add(FieldError.of("subjectNumber", number.length() > 64 ? "validation.tooLong" : "enrol.error.numberTaken",
                    number.length() > 64 ? 64 : number));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailure(errors);
        }
        if (number == null) {
            // Numbers given by earlier imports may already hold the next values of the pattern.
            do {
                number = site.subjectNumberPattern().format(study.id(), site.id(), casebook.nextNumber(study.id(), site.id(),
                        NumberSequence.SUBJECT));
            } while (casebook.subjectByNumber(study.id(), number).isPresent());
        }
        Actor actor = access.user().actor();
        Instant now = Instant.now();
        Subject subject = new Subject(study.id(), site.id(), number, entry.consentDate(), entry.enrolmentDate(), arm, now,
                actor.username());
        casebook.add(subject);
        casebook.flush();
        audit.record(actor, AuditEntry.of("ENROL", "SUBJECT", subject.getId())
                .study(study.id(), site.id()).subject(subject.getId(), number)
                .values(null, "registered without screening entry, arm " + arm + ", consent " + entry.consentDate() + ", enrolled "
                        + entry.enrolmentDate())
                .source(source, sourceDetail));
        createScheduledVisits(study, subject, now, actor.username());
        VisitDef screeningVisit = study.schedule().stream().filter(v -> v.collects("enrolment")).findFirst().orElse(null);
        if (screeningVisit != null) {
            Visit visit = casebook.visits(subject.getId()).stream().filter(v -> v.getVisitId().equals(screeningVisit.id()))
                    .findFirst().orElseThrow();
            saveEnrolmentForm(subject, visit, entry.consentDate(), entry.enrolmentDate(), arm, source, sourceDetail);
        }
        return subject;
    }

    public List<Screening> screeningLog(String studyId) {
        access.study(studyId);
        boolean all = access.user().seesAllSites(studyId);
        return casebook.screenings(studyId, access.user().siteIds(studyId), all);
    }

    private static String joinReason(String failed, String note) {
        return note == null || note.isBlank() ? failed : failed + ". " + note.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String describe(Map<String, Screening.Answer> answers) {
        return answers.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
