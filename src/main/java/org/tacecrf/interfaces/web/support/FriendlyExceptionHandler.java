package org.tacecrf.interfaces.web.support;

import java.util.Iterator;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletResponse;

import org.tacecrf.application.common.AccessDeniedException;
import org.tacecrf.application.common.ConcurrentEditException;
import org.tacecrf.application.common.ValidationFailure;

/**
 * Turns exceptions from actions into what the user should see: validation problems and
 * concurrent edits as messages on the same page, missing rights as the 403 page, an expired view
 * as the "page expired" page, anything else as the 500 page with an incident number that is also
 * in the server log. No stack trace ever reaches the browser.
 */
public class FriendlyExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(FriendlyExceptionHandler.class.getName());

    public FriendlyExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable cause = root(events.next().getContext().getException());
            try {
                if (cause instanceof ValidationFailure failure) {
                    Messages.show(failure);
                    context.validationFailed();
                } else if (cause instanceof ConcurrentEditException) {
                    Messages.error(null, "error.concurrentEdit");
                    context.validationFailed();
                } else if (cause instanceof AccessDeniedException || cause instanceof EJBAccessException
                || cause instanceof jakarta.ejb.AccessLocalException) {
                    LOG.warning(() -> "Refused: " + cause.getMessage());
                    error(context, "/error/403.xhtml", HttpServletResponse.SC_FORBIDDEN, null);
                } else if (cause instanceof ViewExpiredException) {
                    redirect(context, "/error/expired.xhtml", 0);
                } else {
                    String incident = UUID.randomUUID().toString().substring(0, 8);
                    LOG.log(Level.SEVERE, "Incident " + incident + " on " + context.getViewRoot().getViewId(), cause);
                    error(context, "/error/500.xhtml?incident=" + incident, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, incident);
                }
            } finally {
                events.remove();
            }
        }
        getWrapped().handle();
    }

    /**
     * A page request gets the error page with its real status (a 403 stays a 403 for the browser
     * and for scripts); an AJAX request is redirected to it, since a partial response cannot carry
     * a page.
     */
    private static void error(FacesContext context, String page, int status, String incident) {
        var external = context.getExternalContext();
        if (context.getPartialViewContext().isAjaxRequest() || external.isResponseCommitted()) {
            redirect(context, page, status);
            return;
        }
        try {
            if (incident != null) {
                external.getRequestMap().put("incident", incident);
            }
            external.responseReset();
            external.responseSendError(status, null);
            context.responseComplete();
        } catch (java.io.IOException e) {
            throw new FacesException(e);
        }
    }

    private static void redirect(FacesContext context, String page, int status) {
        try {
            var external = context.getExternalContext();
            if (!external.isResponseCommitted()) {
                external.redirect(external.getRequestContextPath() + page);
            }
            context.responseComplete();
        } catch (java.io.IOException e) {
            throw new FacesException(e);
        }
    }

    private static Throwable root(Throwable t) {
        Throwable current = t;
        while ((current instanceof FacesException || (current instanceof EJBException && !(current instanceof jakarta.ejb.AccessLocalException))
                || current instanceof jakarta.el.ELException) && current.getCause() != null) {
            current = current.getCause();
        }
        if (current instanceof EJBException ejb && !(current instanceof jakarta.ejb.AccessLocalException) && ejb.getCausedByException() != null) {
            return root(ejb.getCausedByException());
        }
        return current;
    }
}
