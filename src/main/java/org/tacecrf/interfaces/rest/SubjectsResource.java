package org.tacecrf.interfaces.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tacecrf.application.casebook.CasebookService;
import org.tacecrf.application.casebook.EnrolmentService;
import org.tacecrf.application.casebook.FormSave;
import org.tacecrf.application.casebook.FormSaveResult;
import org.tacecrf.application.casebook.FormService;
import org.tacecrf.application.casebook.RawEntry;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.ValueProblem;
import org.tacecrf.domain.validation.CheckOutcome;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.infrastructure.persistence.PendingWork;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.ItemData;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.SubjectStatus;
import org.tacecrf.model.casebook.Visit;

/**
 * Subjects, their visits and forms, and item values, with the rules of the pages: the caller's
 * role and sites, locked and frozen data refused, every value parsed and checked by the form
 * service (the same validation, derivations, edit checks, queries and audit as the form).
 * <p>
 * A form is addressed by subject number, visit, visit occurrence, form and form entry, e.g.
 * {@code /subjects/ZJU-001/forms/tace/2/tace_session/1}; values by item path
 * {@code group[row].item}. Refused input answers 400 with one problem per field, the field given as
 * its JSON path ({@code values["vital_signs[1].weight"]}).
 */
@Path("studies/{studyId}/subjects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SubjectsResource {

    @Inject
    private CasebookService casebookService;
    @Inject
    private CasebookRepository casebook;
    @Inject
    private EnrolmentService enrolment;
    @Inject
    private FormService forms;
    @Context
    private HttpHeaders headers;

    /**
     * A subject as listed; {@code id} is the key the pages use (e.g. {@code /app/casebook.xhtml?subject=id}).
     * {@code pendingForms}: in a list filtered on pending forms, how many of the subject's forms are pending.
     */
    public record SubjectJson(long id, String subjectNumber, String site, String arm, String consentDate, String enrolmentDate,
                              String status, boolean locked, Long pendingForms) {

        static SubjectJson of(Subject s) {
            return of(s, null);
        }

        static SubjectJson of(Subject s, Long pendingForms) {
            return new SubjectJson(s.getId(), s.getSubjectNumber(), s.getSiteId(), s.getArmId(), string(s.getConsentDate()),
                    string(s.getEnrolmentDate()), s.getStatus().name(), s.isLocked(), pendingForms);
        }
    }

    /** A page of subjects. */
    public record SubjectPageJson(long total, int first, List<SubjectJson> subjects) {
    }

    /** A subject with its visits and forms. */
    public record CasebookJson(SubjectJson subject, List<VisitJson> visits) {
    }

    /** One visit occurrence. */
    public record VisitJson(String visit, int repeat, String date, List<FormRefJson> forms) {
    }

    /** One form instance, with the path to read or write it. */
    public record FormRefJson(String form, int repeat, String state, boolean locked, long version, String path) {
    }

    /** A subject to enrol (registered without a screening entry). */
    public record NewSubjectJson(String site, String subjectNumber, String consentDate, String enrolmentDate, String arm) {
    }

    /** A form's values by item path, with its state and version (to send back when saving). */
    public record FormJson(String subjectNumber, String visit, int visitRepeat, String form, int formRepeat, String state, boolean locked,
                           Long version, Map<String, String> values, Map<String, String> enteredAs, Map<String, String> calculatedBy) {
    }

    /**
     * A form to save: every value as it should stand (a path left out is emptied), whether to mark it
     * complete, the reason when changing a complete form, and the version read (null for a new form).
     */
    public record FormInputJson(Map<String, String> values, Map<String, String> units, Boolean complete, String reason, Long version) {
    }

    /** The saved form, with warnings (soft ranges) and failed edit checks (queries raised). */
    public record SavedJson(FormJson form, int changedValues, List<MessageJson> warnings, List<MessageJson> checks) {
    }

    /** A warning or check result at an item path. */
    public record MessageJson(String field, String code, String message) {
    }

    @GET
    @Operation(summary = "Subjects of the caller's sites, paged; search by subject number, filter by site, arm, status"
            + " (ON_STUDY, COMPLETED, WITHDRAWN, LOST_TO_FOLLOW_UP, DIED) and what still blocks a freeze (pending: INCOMPLETE_FORMS,"
            + " UNSIGNED_FORMS, UNLOCKED, as the lock-readiness report counts them; with a forms filter each subject carries"
            + " its pendingForms)")
    public SubjectPageJson list(@PathParam("studyId") String studyId, @QueryParam("search") String search, @QueryParam("site") String site,
                                @QueryParam("arm") String arm, @QueryParam("status") String status, @QueryParam("pending") String pending,
                                @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("100") int max) {
        String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(java.util.Locale.ROOT);
        if (wanted != null && java.util.Arrays.stream(SubjectStatus.values()).noneMatch(s -> s.name().equals(wanted))) {
            throw new ValidationFailure(FieldError.of("status", "api.error.subjectStatus", status));
        }
        PendingWork work;
        try {
            work = PendingWork.parse(pending).orElse(null);
        } catch (IllegalArgumentException unknown) {
            throw new ValidationFailure(FieldError.of("pending", "api.error.pendingWork", pending));
        }
        CasebookService.SubjectPage page = casebookService.subjects(studyId, search, site, arm, wanted, work, Math.max(0, first),
                Math.max(1, Math.min(max, 500)), "subjectNumber", true);
        boolean counts = work != null && work.countsForms();
        return new SubjectPageJson(page.total(), first, page.subjects().stream()
                .map(s -> SubjectJson.of(s, counts ? page.pendingForms().getOrDefault(s.getId(), 0L) : null)).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enrol a subject (site, consent and enrolment dates, arm; number given or the site's next)")
    @APIResponse(responseCode = "201", description = "enrolled")
    @APIResponse(responseCode = "400", description = "refused, with the fields")
    public Response enrol(@PathParam("studyId") String studyId, NewSubjectJson input, @Context UriInfo uri) {
        if (input == null) {
            throw new ValidationFailure(FieldError.of("", "validation.required"));
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate consent = date("consentDate", input.consentDate(), errors);
        LocalDate enrolled = date("enrolmentDate", input.enrolmentDate(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationFailure(errors);
        }
        Subject subject = enrolment.register(new EnrolmentService.Registration(studyId, input.site(), input.subjectNumber(), consent,
                enrolled, input.arm()), AuditSource.API, ApiCaller.sourceDetail(headers));
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + subject.getSubjectNumber())).entity(SubjectJson.of(subject)).build();
    }

    @GET
    @Path("{subjectNumber}")
    @Operation(summary = "A subject with its visits and forms")
    public CasebookJson casebook(@PathParam("studyId") String studyId, @PathParam("subjectNumber") String number) {
        Subject subject = find(studyId, number);
        // Only the forms the caller may see: a blinded reader's list holds no other reader's assessment.
        var visible = casebookService.data(subject.getId());
        List<FormData> formList = casebook.forms(subject.getId()).stream().filter(f -> visible.form(f.getId()).isPresent()).toList();
        List<VisitJson> visits = new ArrayList<>();
        for (Visit visit : casebook.visits(subject.getId())) {
            List<FormRefJson> refs = formList.stream().filter(f -> f.getVisitRef().equals(visit.getId()))
                    .sorted(Comparator.comparing(FormData::getFormId).thenComparingInt(FormData::getRepeatKey))
                    .map(f -> new FormRefJson(f.getFormId(), f.getRepeatKey(), f.getState().name(), f.isLocked(), f.getVersion(),
                            "forms/" + visit.getVisitId() + "/" + visit.getRepeatKey() + "/" + f.getFormId() + "/" + f.getRepeatKey()))
                    .toList();
            visits.add(new VisitJson(visit.getVisitId(), visit.getRepeatKey(), string(visit.getVisitDate()), refs));
        }
        return new CasebookJson(SubjectJson.of(subject), visits);
    }

    @POST
    @Path("{subjectNumber}/visits/{visitId}")
    @Operation(summary = "Add the next occurrence of a repeating visit (another TACE session, imaging, contact)")
    public VisitJson addVisit(@PathParam("studyId") String studyId, @PathParam("subjectNumber") String number,
                              @PathParam("visitId") String visitId) {
        Subject subject = find(studyId, number);
        Visit visit = casebookService.addVisit(subject.getId(), visitId, AuditSource.API, ApiCaller.sourceDetail(headers));
        return new VisitJson(visit.getVisitId(), visit.getRepeatKey(), string(visit.getVisitDate()), List.of());
    }

    @GET
    @Path("{subjectNumber}/forms/{visitId}/{visitRepeat}/{formId}/{formRepeat}")
    @Operation(summary = "A form's values by item path")
    public FormJson form(@PathParam("studyId") String studyId, @PathParam("subjectNumber") String number, @PathParam("visitId") String visitId,
                         @PathParam("visitRepeat") int visitRepeat, @PathParam("formId") String formId,
                         @PathParam("formRepeat") int formRepeat) {
        Subject subject = find(studyId, number);
        Visit visit = visit(subject, visitId, visitRepeat);
        return formJson(subject, visit, forms.open(subject.getId(), visit.getId(), formId, formRepeat));
    }

    @PUT
    @Path("{subjectNumber}/forms/{visitId}/{visitRepeat}/{formId}/{formRepeat}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a form: all its values as they should stand, checked and audited as at the form")
    @APIResponse(responseCode = "400", description = "refused; fields are JSON paths such as values[\"vital_signs[1].weight\"]")
    @APIResponse(responseCode = "409", description = "the form changed since the version sent")
    public SavedJson save(@PathParam("studyId") String studyId, @PathParam("subjectNumber") String number,
                          @PathParam("visitId") String visitId, @PathParam("visitRepeat") int visitRepeat, @PathParam("formId") String formId,
                          @PathParam("formRepeat") int formRepeat, FormInputJson input) {
        if (input == null) {
            throw new ValidationFailure(FieldError.of("", "validation.required"));
        }
        Subject subject = find(studyId, number);
        Visit visit = visit(subject, visitId, visitRepeat);
        Map<ItemKey, RawEntry> entries = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> values = input.values() == null ? Map.of() : input.values();
        Map<String, String> units = input.units() == null ? Map.of() : input.units();
        values.forEach((path, value) -> {
            try {
                entries.put(ItemKey.parse(path), new RawEntry(value, units.get(path)));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of(path, "form.error.unknownItem", path));
            }
        });
        if (!errors.isEmpty()) {
            throw fieldPaths(new ValidationFailure(errors));
        }
        FormSaveResult result;
        try {
            result = forms.save(new FormSave(subject.getId(), visit.getId(), formId, formRepeat, input.version(), entries,
                    Boolean.TRUE.equals(input.complete()), input.reason(), AuditSource.API, ApiCaller.sourceDetail(headers)));
        } catch (ValidationFailure failure) {
            throw fieldPaths(failure);
        }
        List<MessageJson> warnings = new ArrayList<>();
        result.warnings().forEach((key, list) -> list.forEach(p -> warnings.add(message(key, p))));
        List<MessageJson> checks = result.failedChecks().stream().map(SubjectsResource::message).toList();
        FormJson saved = formJson(subject, visit, forms.open(subject.getId(), visit.getId(), formId, formRepeat));
        return new SavedJson(saved, result.changedValues(), warnings, checks);
    }

    private FormJson formJson(Subject subject, Visit visit, FormService.FormView view) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> entered = new LinkedHashMap<>();
        Map<String, String> calculated = new LinkedHashMap<>();
        view.values().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ItemData item = e.getValue();
            StoredValue value = item.value();
            if (!value.isEmpty()) {
                values.put(e.getKey().toString(), value.display());
            }
            if (value.enteredUnit() != null) {
                entered.put(e.getKey().toString(), value.enteredValue() + " " + value.enteredUnit());
            }
            if (item.getDerivedBy() != null) {
                calculated.put(e.getKey().toString(), item.getDerivedBy());
            }
        });
        FormData data = view.data();
        return new FormJson(subject.getSubjectNumber(), visit.getVisitId(), visit.getRepeatKey(), view.form().id(),
                data == null ? 1 : data.getRepeatKey(), data == null ? "NOT_STARTED" : data.getState().name(), data != null && data.isLocked(),
                data == null ? null : data.getVersion(), values, entered, calculated);
    }

    private Subject find(String studyId, String number) {
        Subject subject = casebook.subjectByNumber(studyId, number)
                .orElseThrow(() -> new ValidationFailure(FieldError.of("subjectNumber", "casebook.notFound", "subject")));
        return casebookService.subject(subject.getId());
    }

    private Visit visit(Subject subject, String visitId, int repeat) {
        Optional<Visit> visit = casebook.visits(subject.getId()).stream()
                .filter(v -> v.getVisitId().equals(visitId) && v.getRepeatKey() == repeat).findFirst();
        return visit.orElseThrow(() -> new ValidationFailure(FieldError.of("visit", "casebook.notFound", "visit")));
    }

    /** Item paths of the form service become JSON paths of the request body. */
    static ValidationFailure fieldPaths(ValidationFailure failure) {
        return new ValidationFailure(failure.errors().stream().map(e -> new FieldError(jsonPath(e.field()), e.messageKey(), e.arguments()))
                .toList());
    }

    static String jsonPath(String field) {
        if (field == null || field.isEmpty()) {
            return field;
        }
        return field.contains("[") && field.contains("].") ? "values[\"" + field + "\"]" : field;
    }

    private static MessageJson message(ItemKey key, ValueProblem problem) {
        return new MessageJson(jsonPath(key.toString()), problem.messageKey(), problem.englishText());
    }

    private static MessageJson message(CheckOutcome outcome) {
        return new MessageJson(outcome.target().item() == null ? null : jsonPath(outcome.target().item().toString()), outcome.checkId(),
                outcome.messageEnglish());
    }

    private static LocalDate date(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(FieldError.of(field, "validation.required"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "value.error.date", text));
            return null;
        }
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
