package org.tacecrf.interfaces.web.casebook.panels;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;

import org.tacecrf.application.casebook.CasebookService;
import org.tacecrf.application.casebook.StudyAccess;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.interfaces.web.UserSession;
import org.tacecrf.interfaces.web.casebook.FieldModel;
import org.tacecrf.interfaces.web.casebook.FormBacking;

/**
 * What every form panel needs from the form page it sits on: the study, the subject's stored data,
 * the form as currently entered (unsaved values), and the field models of its items. Field models
 * are looked up on each request, never kept, because a save rebuilds them.
 */
abstract class FormPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    protected FormBacking form;
    @Inject
    protected transient CasebookService casebook;
    @Inject
    protected transient StudyAccess access;
    @Inject
    protected UserSession session;

    private transient StudyDefinition study;
    private transient SubjectData saved;
    private Long savedFor;
    private transient Object request;
    private transient Map<String, Object> perRequest;
    private transient Object groupsSeen;

    protected StudyDefinition study() {
        if (study == null) {
            study = access.readable(casebook.subject(form.getSubjectId()));
        }
        return study;
    }

    /** The subject's stored data, read again after each save of the form. */
    protected SubjectData saved() {
        long version = form.getVersion() == null ? -1 : form.getVersion();
        if (saved == null || savedFor == null || savedFor != version) {
            saved = casebook.data(form.getSubjectId());
            savedFor = version;
        }
        return saved;
    }

    /** The form as entered now, with the id of its stored version (or a new one). */
    protected SubjectData.FormInstance current() {
        SubjectData data = saved();
        SubjectData.VisitInstance visit = data.visits().stream().filter(v -> v.id() == form.getVisitRef()).findFirst()
                .orElseThrow();
        return new SubjectData.FormInstance(form.getFormDataId() == null ? -1 : form.getFormDataId(), visit,
                form.getFormId(), form.getRepeatKey(), false, form.currentValues());
    }

    /**
     * A value computed once while a response is rendered (a page shows several parts of the same
     * result). Outside rendering it is computed afresh: entries change until the model is updated.
     */
    @SuppressWarnings("unchecked")
    protected <T> T once(String key, Supplier<T> compute) {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context == null || context.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            return compute.get();
        }
        // A save rebuilds the form's field models: what was computed from the old ones is stale.
        if (perRequest == null || request != context || groupsSeen != form.getGroups()) {
            perRequest = new HashMap<>();
            request = context;
            groupsSeen = form.getGroups();
        }
        if (perRequest.containsKey(key)) {
            return (T) perRequest.get(key);
        }
        T value = compute.get();
        perRequest.put(key, value);
        return value;
    }

    /** Forgets what was computed in this request, after the entries changed. */
    protected void recompute() {
        perRequest = null;
    }

    protected Optional<FieldModel> field(ItemKey key) {
        for (FormBacking.GroupModel group : form.getGroups()) {
            if (!group.getId().equals(key.groupId())) {
                continue;
            }
            for (FormBacking.RowModel row : group.getRows()) {
                if (row.getRepeat() == key.groupRepeat()) {
                    return row.getFields().stream().filter(f -> f.getKey().equals(key)).findFirst();
                }
            }
        }
        return Optional.empty();
    }

    /** The field of an item in the first row of its group. */
    protected Optional<FieldModel> field(String itemId) {
        return form.getGroups().stream().flatMap(g -> g.getRows().stream().limit(1))
                .flatMap(r -> r.getFields().stream()).filter(f -> f.getKey().itemId().equals(itemId)).findFirst();
    }

    protected Optional<FormBacking.GroupModel> group(String groupId) {
        return form.getGroups().stream().filter(g -> g.getId().equals(groupId)).findFirst();
    }

    /** Shows a finding at its field unless the field already shows a message of its own. */
    protected void warnAt(ItemKey key, String message) {
        field(key).filter(f -> f.getError() == null && f.getWarning() == null).ifPresent(f -> f.setWarning(message));
    }

    public FormBacking getForm() {
        return form;
    }
}
