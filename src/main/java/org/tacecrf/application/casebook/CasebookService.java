package org.tacecrf.application.casebook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.application.common.AccessDeniedException;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.VisitSchedule;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.domain.study.VisitForm;
import org.tacecrf.domain.study.VisitType;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.infrastructure.persistence.PendingWork;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.FormState;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.Visit;

/**
 * Subject lists and casebooks, scoped to the user's sites, and adding occurrences of repeating
 * visits (another TACE session, another imaging, a survival contact) and repeating forms.
 */
@Stateless
public class CasebookService {

    @Inject
    private CasebookRepository casebook;
    @Inject
    private StudyAccess access;
    @Inject
    private AuditTrail audit;
    @Inject
    private CasebookFlags flags;

    /**
     * A page of the subject list, filtered on the server within the user's sites; when filtered on
     * pending forms, {@code pendingForms} gives each listed subject's count of them (they add up, over
     * all pages, to the lock-readiness count).
     */
    public record SubjectPage(List<Subject> subjects, long total, Map<Long, Long> pendingForms) {
    }

    /** @param pending optional: only the subjects with that work still to do before a freeze */
    public SubjectPage subjects(String studyId, String search, String siteId, String armId, String status, PendingWork pending,
                                int first, int max, String sortField, boolean ascending) {
        access.study(studyId);
        boolean all = access.user().seesAllSites(studyId);
        var filter = new CasebookRepository.SubjectFilter(studyId, access.user().siteIds(studyId), all, search, siteId, armId, status,
                pending);
        List<Subject> subjects = casebook.subjects(filter, first, Math.min(max, 500), sortField, ascending);
        Map<Long, Long> pendingForms = pending == null || !pending.countsForms() ? Map.of()
                : casebook.pendingForms(subjects.stream().map(Subject::getId).toList(), pending);
        return new SubjectPage(subjects, casebook.countSubjects(filter), pendingForms);
    }

    public Subject subject(long subjectId) {
        Subject subject = casebook.subject(subjectId).orElseThrow(() -> new ValidationFailure(FieldError.of(null, "casebook.notFound", "subject")));
        access.readable(subject);
        return subject;
    }

    /** The subject's data as the user may see it (a blinded reader's view leaves out the other readings). */
    public SubjectData data(long subjectId) {
        Subject subject = subject(subjectId);
        return access.blinding(subject.getStudyId()).visible(casebook.subjectData(subjectId));
    }

    public CasebookView casebook(long subjectId) {
        Subject subject = subject(subjectId);
        StudyDefinition study = access.readable(subject);
        SubjectData data = data(subjectId);
        List<Visit> visits = casebook.visits(subjectId);
        // Forms the user may not see (another reader's assessment) are not in the matrix at all.
        List<FormData> allForms = casebook.forms(subjectId);
        Map<Long, List<FormData>> formsByVisit = allForms.stream().filter(f -> data.form(f.getId()).isPresent())
                .collect(Collectors.groupingBy(FormData::getVisitRef));
        CasebookFlags.Flags flagSet = flags.of(subject, access.blinding(subject.getStudyId()));
        VisitSchedule schedule = new VisitSchedule(study, data, subject.getEnrolmentDate());
        LocalDate today = LocalDate.now();
        List<CasebookView.Row> rows = new ArrayList<>();
        for (VisitDef visitDef : study.schedule()) {
            visits.stream().filter(v -> v.getVisitId().equals(visitDef.id())).sorted(Comparator.comparingInt(Visit::getRepeatKey))
                    .forEach(visit -> {
                        List<CasebookView.Cell> cells = new ArrayList<>();
                        List<FormData> forms = formsByVisit.getOrDefault(visit.getId(), List.of());
                        for (VisitForm visitForm : visitDef.forms()) {
                            FormDef form = study.form(visitForm.formId()).orElseThrow();
                            List<FormData> instances = forms.stream().filter(f -> f.getFormId().equals(form.id()))
                                    .sorted(Comparator.comparingInt(FormData::getRepeatKey)).toList();
                            if (instances.isEmpty()) {
                                // Repeat 0 (the next free one) when hidden readings already hold repeat 1.
                                boolean hidden = allForms.stream().anyMatch(f -> f.getVisitRef().equals(visit.getId())
                                        && f.getFormId().equals(form.id()));
                                cells.add(new CasebookView.Cell(form, visitForm.mandatory(), null, hidden ? 0 : 1,
                                        CasebookView.CellState.NOT_STARTED,
                                        0, false, false, false, null));
                            }
                            for (FormData instance : instances) {
                                cells.add(cell(form, visitForm.mandatory(), instance, flagSet, data));
                            }
                        }
                        rows.add(new CasebookView.Row(visitDef, visit.getId(), visit.getRepeatKey(), visit.getVisitDate(),
                                schedule.expected(visitDef, visit.getRepeatKey()).orElse(null),
                                schedule.status(visitDef, visit.getRepeatKey(), today), cells));
                    });
        }
        List<VisitDef> addable = study.schedule().stream().filter(v -> v.repeating() && v.type() != VisitType.LOG)
                .filter(v -> v.maxRepeats() == null || visits.stream().filter(x -> x.getVisitId().equals(v.id())).count() < v.maxRepeats())
                .toList();
        return new CasebookView(study, subject, rows, addable);
    }

    private static CasebookView.Cell cell(FormDef form, boolean mandatory, FormData data, CasebookFlags.Flags flags, SubjectData subjectData) {
        int queries = flags.openQueries(data.getId());
        boolean verified = flags.verified(data.getId());
        boolean signed = flags.signed(data.getId());
        CasebookView.CellState state;
        if (data.isLocked()) {
            state = CasebookView.CellState.LOCKED;
        } else if (queries > 0) {
            state = CasebookView.CellState.OPEN_QUERIES;
        } else if (signed) {
            state = CasebookView.CellState.SIGNED;
        } else if (verified) {
            state = CasebookView.CellState.VERIFIED;
        } else if (data.getState() == FormState.COMPLETE) {
            state = CasebookView.CellState.COMPLETE;
        } else {
            state = CasebookView.CellState.IN_PROGRESS;
        }
        String summary = form.repeating() ? subjectData.form(data.getId()).map(f -> summarise(form, f)).orElse(null) : null;
        return new CasebookView.Cell(form, mandatory, data.getId(), data.getRepeatKey(), state, queries, verified, signed,
                data.isLocked(), summary);
    }

    /** A repeating form's first few values ("Nausea, grade 2"), so log entries can be told apart. */
    private static String summarise(FormDef form, SubjectData.FormInstance instance) {
        return form.items().stream().limit(4).map(item -> instance.first(item.id()).map(v -> v.display()).orElse(null))
                .filter(s -> s != null && !s.isBlank()).limit(2).collect(Collectors.joining(", "));
    }

    /** The subject's derived values: treatment, responses by criterion, endpoints with their rules. */
    public org.tacecrf.domain.casebook.derive.SubjectSummary summary(long subjectId) {
        Subject subject = subject(subjectId);
        return org.tacecrf.domain.casebook.derive.SubjectSummary.derive(access.readable(subject), data(subjectId));
    }

    /** A form instance by its id, for links from query lists and reports. */
    public FormData form(long formDataId) {
        FormData form = casebook.form(formDataId).orElseThrow(() -> new ValidationFailure(FieldError.of(null, "casebook.notFound", "form")));
        if (data(form.getSubjectId()).form(formDataId).isEmpty()) {
            throw new AccessDeniedException("another reader's assessment is blinded to this reader");
        }
        return form;
    }

    /** Adds the next occurrence of a repeating visit (another TACE session, imaging, contact). */
    public Visit addVisit(long subjectId, String visitId) {
        return addVisit(subjectId, visitId, AuditSource.FORM, null);
    }

    /** Adds the next occurrence of a repeating visit, audited with where the request came from (an import, the API). */
    public Visit addVisit(long subjectId, String visitId, AuditSource source, String sourceDetail) {
        Subject subject = subject(subjectId);
        StudyDefinition study = access.readable(subject);
        access.requireEditable(subject, null);
        VisitDef visitDef = study.visit(visitId).filter(VisitDef::repeating)
                .orElseThrow(() -> new ValidationFailure(FieldError.of("visit", "casebook.error.notRepeating", visitId)));
        List<Visit> existing = casebook.visits(subjectId).stream().filter(v -> v.getVisitId().equals(visitId)).toList();
        if (visitDef.maxRepeats() != null && existing.size() >= visitDef.maxRepeats()) {
            throw new ValidationFailure(FieldError.of("visit", "casebook.error.maxRepeats", visitDef.maxRepeats()));
        }
        int repeat = existing.stream().mapToInt(Visit::getRepeatKey).max().orElse(0) + 1;
        var actor = access.user().actor();
        Visit visit = new Visit(subjectId, visitId, repeat, Instant.now(), actor.username());
        casebook.add(visit);
        casebook.flush();
        audit.record(actor, AuditEntry.of("ADD_VISIT", "VISIT", visit.getId())
                .study(subject.getStudyId(), subject.getSiteId()).subject(subject.getId(), subject.getSubjectNumber())
                .location(visit.key(), null, null).values(null, visit.key()).source(source, sourceDetail));
        return visit;
    }

    /** The repeat key a new instance of a repeating form (an adverse event, another treatment) gets. */
    public int nextFormRepeat(long subjectId, long visitRef, String formId) {
        subject(subjectId);
        return casebook.forms(subjectId).stream().filter(f -> f.getVisitRef() == visitRef && f.getFormId().equals(formId))
                .mapToInt(FormData::getRepeatKey).max().orElse(0) + 1;
    }
}
