package org.tacecrf.interfaces.rest;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.tacecrf.application.common.AccessDeniedException;
import org.tacecrf.application.common.ConcurrentEditException;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.interfaces.web.support.Messages;

/**
 * Every exception leaving a resource becomes a JSON {@link ApiError}: refused input 400 with the
 * field paths, missing rights 403, a concurrent change 409, anything unexpected 500 with an
 * incident number (the stack trace stays in the server log).
 */
@Provider
public class ApiExceptionMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        Throwable cause = unwrap(exception);
        if (cause instanceof ValidationFailure failure) {
            List<ApiError.FieldProblem> fields = failure.errors().stream().map(ApiExceptionMappers::problem).toList();
            return json(400, new ApiError(400, "invalid", "The request was refused; nothing was saved.", fields));
        }
        if (cause instanceof AccessDeniedException || cause instanceof EJBAccessException
                || cause instanceof jakarta.ejb.AccessLocalException) {
            return json(403, new ApiError(403, "forbidden", "Your role or sites do not allow this.", List.of()));
        }
        if (cause instanceof ConcurrentEditException) {
            return json(409, new ApiError(409, "conflict", cause.getMessage() + "; nothing was overwritten.", List.of()));
        }
        if (cause instanceof NotFoundException) {
            return json(404, new ApiError(404, "not_found", "No such resource.", List.of()));
        }
        if (cause instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return json(status, new ApiError(status, "bad_request", cause.getMessage(), List.of()));
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "API incident " + incident, cause);
        return json(500, new ApiError(500, "server_error", "The server could not complete the request (incident " + incident
                + "). Nothing was half-saved.", List.of()));
    }

    static ApiError.FieldProblem problem(FieldError error) {
        return new ApiError.FieldProblem(error.field(), error.messageKey(),
                Messages.text(Locale.ENGLISH, error.messageKey(), error.arguments().toArray()));
    }

    private static Response json(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while (current instanceof EJBException ejb && !(current instanceof jakarta.ejb.AccessLocalException) && ejb.getCause() != null) {
            current = ejb.getCause();
        }
        return current;
    }
}
