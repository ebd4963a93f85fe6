package org.tacecrf.interfaces.web.quality;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.tacecrf.application.quality.QueryService;
import org.tacecrf.application.security.CurrentUser;
import org.tacecrf.interfaces.web.support.Messages;
import org.tacecrf.model.quality.DataQuery;
import org.tacecrf.model.quality.QueryMessage;
import org.tacecrf.model.user.Role;

/**
 * The query dialog shared by the form page and the query list: the thread of one query and the
 * actions the user's role allows (the server checks again), or a new query on an item, a form or
 * a subject as a whole.
 */
@Named
@ViewScoped
public class QueryThreadBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient QueryService queries;
    @Inject
    private transient CurrentUser currentUser;

    private DataQuery query;
    private List<QueryMessage> thread = List.of();
    private String text;
    // A new query.
    private Long newSubjectId;
    private Long newFormRef;
    private String newItemKey;
    private String newItemLabel;

    public void open(long queryId) {
        query = queries.get(queryId);
        thread = queries.thread(queryId);
        text = null;
        newSubjectId = null;
    }

    public void startNew(long subjectId, Long formRef, String itemKey, String itemLabel) {
        query = null;
        thread = List.of();
        text = null;
        newSubjectId = subjectId;
        newFormRef = formRef;
        newItemKey = itemKey;
        newItemLabel = itemLabel;
    }

    /** A new query on the subject as a whole, from the casebook page. */
    public void startNewOnSubject(long subjectId, String subjectLabel) {
        startNew(subjectId, null, null, subjectLabel);
    }

    public void raise() {
        query = queries.raise(newSubjectId, newFormRef, newItemKey, text);
        Messages.info("query.raised");
        open(query.getId());
    }

    public void answer() {
        query = queries.answer(query.getId(), query.getVersion(), text);
        Messages.info("query.answered");
        open(query.getId());
    }

    public void close() {
        query = queries.close(query.getId(), query.getVersion(), text);
        Messages.info("query.closed");
        open(query.getId());
    }

    public void reopen() {
        query = queries.reopen(query.getId(), query.getVersion(), text);
        Messages.info("query.reopened");
        open(query.getId());
    }

    public boolean isCanRaise() {
        return currentUser.hasAnyRole(QueryService.RAISE);
    }

    public boolean isCanAnswer() {
        return query != null && query.getStatus() != DataQuery.Status.CLOSED && currentUser.hasAnyRole(QueryService.ANSWER);
    }

    public boolean isCanClose() {
        return query != null && query.getStatus() != DataQuery.Status.CLOSED && currentUser.hasAnyRole(QueryService.CLOSE);
    }

    public boolean isCanReopen() {
        return query != null && query.getStatus() == DataQuery.Status.CLOSED && currentUser.hasAnyRole(Role.MONITOR, Role.DATA_MANAGER);
    }

    public boolean isNew() {
        return query == null && newSubjectId != null;
    }

    public DataQuery getQuery() { return query; }
    public List<QueryMessage> getThread() { return thread; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getNewItemLabel() { return newItemLabel; }
}
