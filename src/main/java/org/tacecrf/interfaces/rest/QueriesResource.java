package org.tacecrf.interfaces.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.tacecrf.application.casebook.FormService;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.application.quality.QueryService;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.Visit;
import org.tacecrf.model.quality.DataQuery;

/**
 * Data queries of the caller's sites: the list with filters, one query with its thread, and the
 * workflow steps with the rules of the pages (the query service checks them): a monitor or data
 * manager raises a query on a subject, a form or an item, and closes or re-opens it; a nurse or
 * investigator of the site answers it. Each step is audited as coming from the API with the token
 * named. Refused input answers 400 with the field path of the request body; a step the caller's
 * role or sites do not allow answers 403.
 */
@Path("studies/{studyId}/queries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QueriesResource {

    @Inject
    private QueryService queries;
    @Inject
    private CasebookRepository casebook;
    @Inject
    private CasebookService casebookService;
    @Inject
    private FormService forms;
    @Context
    private HttpHeaders headers;

    /** A query as listed. */
    public record QueryJson(long id, String subjectNumber, String site, String form, String item, String origin, String check, String status,
                            String text, String raisedBy, String raisedAt, String answeredAt, String closedAt, long version) {
    }

    /**
     * A new query: on the subject as a whole (subject number only), on a form (with visit, visit
     * occurrence, form and form entry; occurrences default to 1) or on an item of that form (with its
     * path {@code group[row].item}).
     */
    public record NewQueryJson(String subjectNumber, String visit, Integer visitRepeat, String form, Integer formRepeat, String item,
                               String text) {
    }

    /** A step of the workflow: the message, and the query version read (optional; when sent, a later change is a conflict). */
    public record StepJson(String text, Long version) {
    }

    /** A page of queries. */
    public record QueryPageJson(long total, int first, List<QueryJson> queries) {
    }

    /** A query with its messages. */
    public record ThreadJson(QueryJson query, List<MessageJson> messages) {
    }

    /** One message of a query's thread. */
    public record MessageJson(String kind, String text, String author, String role, String at) {
    }

    @GET
    @Operation(summary = "Queries of the caller's sites, newest first; filter by status (OPEN, ANSWERED, CLOSED; UNRESOLVED for open and answered), site, form")
    public QueryPageJson list(@PathParam("studyId") String studyId, @QueryParam("status") String status, @QueryParam("site") String site,
                              @QueryParam("form") String form, @QueryParam("first") @DefaultValue("0") int first,
                              @QueryParam("max") @DefaultValue("100") int max) {
        Set<DataQuery.Status> wanted;
        try {
            wanted = DataQuery.Status.selection(status);
        } catch (IllegalArgumentException e) {
            throw new ValidationFailure(FieldError.of("status", "api.error.queryStatus", status));
        }
        QueryService.Filter filter = new QueryService.Filter(studyId, blank(site), wanted, blank(form), null, null, null, null);
        List<DataQuery> page = queries.list(filter, Math.max(0, first), Math.max(1, Math.min(max, 500)));
        Map<Long, String> numbers = new HashMap<>();
        return new QueryPageJson(queries.count(filter), first, page.stream().map(q -> json(q, numbers)).toList());
    }

    @GET
    @Path("{queryId}")
    @Operation(summary = "A query with its thread")
    public ThreadJson query(@PathParam("studyId") String studyId, @PathParam("queryId") long queryId) {
        return thread(inStudy(studyId, queryId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Raise a query on a subject, a form or an item (monitor or data manager)")
    @APIResponse(responseCode = "201", description = "raised; the query with its thread")
    @APIResponse(responseCode = "400", description = "refused, with the fields (subjectNumber, visit, form, item, text)")
    @APIResponse(responseCode = "403", description = "the caller's role or sites do not allow it")
    public Response raise(@PathParam("studyId") String studyId, NewQueryJson input, @Context UriInfo uri) {
        if (input == null) {
            throw new ValidationFailure(FieldError.of("", "validation.required"));
        }
        if (input.subjectNumber() == null || input.subjectNumber().isBlank()) {
            throw new ValidationFailure(FieldError.of("subjectNumber", "validation.required"));
        }
        Subject subject = casebook.subjectByNumber(studyId, input.subjectNumber().strip())
                .orElseThrow(() -> new ValidationFailure(FieldError.of("subjectNumber", "casebook.notFound", "subject")));
        subject = casebookService.subject(subject.getId());
        Long formRef = null;
        String itemKey = blank(input.item());
        if (blank(input.form()) != null || blank(input.visit()) != null || itemKey != null) {
            FormData form = form(subject, input);
            formRef = form.getId();
            if (itemKey != null) {
                itemKey = item(subject, form, itemKey);
            }
        }
        DataQuery query = queries.raise(subject.getId(), formRef, itemKey, input.text(), AuditSource.API, ApiCaller.sourceDetail(headers));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(query.getId())).build()).entity(thread(query)).build();
    }

    @POST
    @Path("{queryId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a query (nurse or investigator of the site): an explanation, or what was corrected")
    @APIResponse(responseCode = "403", description = "the caller's role or sites do not allow it")
    @APIResponse(responseCode = "409", description = "the query changed since the version sent")
    public ThreadJson answer(@PathParam("studyId") String studyId, @PathParam("queryId") long queryId, StepJson step) {
        DataQuery query = inStudy(studyId, queryId);
        return thread(queries.answer(queryId, version(query, step), text(step), AuditSource.API, ApiCaller.sourceDetail(headers)));
    }

    @POST
    @Path("{queryId}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close a query (monitor or data manager), with an optional closing remark")
    @APIResponse(responseCode = "403", description = "the caller's role or sites do not allow it")
    @APIResponse(responseCode = "409", description = "the query changed since the version sent")
    public ThreadJson close(@PathParam("studyId") String studyId, @PathParam("queryId") long queryId, StepJson step) {
        DataQuery query = inStudy(studyId, queryId);
        return thread(queries.close(queryId, version(query, step), text(step), AuditSource.API, ApiCaller.sourceDetail(headers)));
    }

    @POST
    @Path("{queryId}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-open a closed query (monitor or data manager), saying why")
    @APIResponse(responseCode = "403", description = "the caller's role or sites do not allow it")
    @APIResponse(responseCode = "409", description = "the query changed since the version sent")
    public ThreadJson reopen(@PathParam("studyId") String studyId, @PathParam("queryId") long queryId, StepJson step) {
        DataQuery query = inStudy(studyId, queryId);
        return thread(queries.reopen(queryId, version(query, step), text(step), AuditSource.API, ApiCaller.sourceDetail(headers)));
    }

    /** The form a new query is raised on; it must have been started (a query on an empty form has nothing to ask about). */
    private FormData form(Subject subject, NewQueryJson input) {
        if (blank(input.visit()) == null) {
            throw new ValidationFailure(FieldError.of("visit", "validation.required"));
        }
        if (blank(input.form()) == null) {
            throw new ValidationFailure(FieldError.of("form", "validation.required"));
        }
        int visitRepeat = input.visitRepeat() == null ? 1 : input.visitRepeat();
        int formRepeat = input.formRepeat() == null ? 1 : input.formRepeat();
        Visit visit = casebook.visits(subject.getId()).stream()
                .filter(v -> v.getVisitId().equals(input.visit().strip()) && v.getRepeatKey() == visitRepeat).findFirst()
                .orElseThrow(() -> new ValidationFailure(FieldError.of("visit", "casebook.notFound", "visit")));
        return casebook.form(visit.getId(), input.form().strip(), formRepeat)
                .orElseThrow(() -> new ValidationFailure(FieldError.of("form", "casebook.notFound", "form")));
    }

    /** The item path, checked against the form's definition. */
    private String item(Subject subject, FormData form, String path) {
        ItemKey key;
        try {
            key = ItemKey.parse(path);
        } catch (IllegalArgumentException e) {
            throw new ValidationFailure(FieldError.of("item", "form.error.unknownItem", path));
        }
        var definition = forms.open(subject.getId(), form.getVisitRef(), form.getFormId(), form.getRepeatKey()).form();
        if (definition.group(key.groupId()).flatMap(g -> g.item(key.itemId())).isEmpty()) {
            throw new ValidationFailure(FieldError.of("item", "form.error.unknownItem", path));
        }
        return key.toString();
    }

    private DataQuery inStudy(String studyId, long queryId) {
        DataQuery query = queries.get(queryId);
        if (!query.getStudyId().equals(studyId)) {
            throw new ValidationFailure(FieldError.of(null, "casebook.notFound", "query"));
        }
        return query;
    }

    private static long version(DataQuery query, StepJson step) {
        return step == null || step.version() == null ? query.getVersion() : step.version();
    }

    private static String text(StepJson step) {
        return step == null ? null : step.text();
    }

    private ThreadJson thread(DataQuery query) {
        return new ThreadJson(json(query, new HashMap<>()), queries.thread(query.getId()).stream()
                .map(m -> new MessageJson(m.getKind().name(), m.getText(), m.getAuthor(), m.getAuthorRole(), m.getCreatedAt().toString())).toList());
    }

    private QueryJson json(DataQuery q, Map<Long, String> numbers) {
        String number = numbers.computeIfAbsent(q.getSubjectId(), id -> casebook.subject(id).map(Subject::getSubjectNumber).orElse(null));
        return new QueryJson(q.getId(), number, q.getSiteId(), q.getFormId(), q.getItemKey(), q.getOrigin().name(), q.getCheckId(),
                q.getStatus().name(), q.getText(), q.getRaisedBy(), q.getRaisedAt().toString(), string(q.getAnsweredAt()),
                string(q.getClosedAt()), q.getVersion());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
