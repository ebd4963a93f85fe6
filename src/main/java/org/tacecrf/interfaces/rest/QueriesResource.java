package org.tacecrf.interfaces.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.application.quality.QueryService;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.quality.DataQuery;

/** Data queries of the caller's sites: the list with filters, and one query with its thread. */
@Path("studies/{studyId}/queries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QueriesResource {

    @Inject
    private QueryService queries;
    @Inject
    private CasebookRepository casebook;

    /** A query as listed. */
    public record QueryJson(long id, String subjectNumber, String site, String form, String item, String origin, String check, String status,
                            String text, String raisedBy, String raisedAt, String answeredAt, String closedAt) {
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
    @Operation(summary = "Queries of the caller's sites, newest first; filter by status (OPEN, ANSWERED, CLOSED), site, form")
    public QueryPageJson list(@PathParam("studyId") String studyId, @QueryParam("status") String status, @QueryParam("site") String site,
                              @QueryParam("form") String form, @QueryParam("first") @DefaultValue("0") int first,
                              @QueryParam("max") @DefaultValue("100") int max) {
        DataQuery.Status wanted;
        try {
            wanted = status == null || status.isBlank() ? null : DataQuery.Status.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
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
        DataQuery query = queries.get(queryId);
        if (!query.getStudyId().equals(studyId)) {
            throw new ValidationFailure(FieldError.of(null, "casebook.notFound", "query"));
        }
        return new ThreadJson(json(query, new HashMap<>()), queries.thread(queryId).stream()
                .map(m -> new MessageJson(m.getKind().name(), m.getText(), m.getAuthor(), m.getAuthorRole(), m.getCreatedAt().toString())).toList());
    }

    private QueryJson json(DataQuery q, Map<Long, String> numbers) {
        String number = numbers.computeIfAbsent(q.getSubjectId(), id -> casebook.subject(id).map(Subject::getSubjectNumber).orElse(null));
        return new QueryJson(q.getId(), number, q.getSiteId(), q.getFormId(), q.getItemKey(), q.getOrigin().name(), q.getCheckId(),
                q.getStatus().name(), q.getText(), q.getRaisedBy(), q.getRaisedAt().toString(), string(q.getAnsweredAt()),
                string(q.getClosedAt()));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
