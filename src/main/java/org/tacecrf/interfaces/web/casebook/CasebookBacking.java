package org.tacecrf.interfaces.web.casebook;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.tacecrf.application.casebook.CasebookService;
import org.tacecrf.application.casebook.CasebookView;
import org.tacecrf.application.casebook.StudyAccess;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.interfaces.web.UserSession;
import org.tacecrf.interfaces.web.support.Messages;
import org.tacecrf.model.casebook.Subject;

/** A subject's casebook: the visits × forms matrix with each form's state. */
@Named
@ViewScoped
public class CasebookBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient CasebookService casebook;
    @Inject
    private transient StudyAccess access;
    @Inject
    private UserSession session;

    private long subjectId;
    private transient CasebookView view;

    public void load() {
        view = casebook.casebook(subjectId);
        if (!view.subject().getStudyId().equals(session.getStudyId())) {
            // Opening a casebook of another study (a link, a bookmark) switches the header's study with it.
            session.setStudyId(view.subject().getStudyId());
        }
    }

    private CasebookView view() {
        if (view == null) {
            load();
        }
        return view;
    }

    public void addVisit(String visitId) {
        var visit = casebook.addVisit(subjectId, visitId);
        load();
        Messages.info("casebook.visitAdded", label(view().study().visit(visitId).orElseThrow()) + " " + visit.getRepeatKey());
    }

    public String label(VisitDef visit) {
        return visit.label().get(session.getLocale());
    }

    public String rowLabel(CasebookView.Row row) {
        String label = label(row.visit());
        return row.visit().repeating() ? label + " " + row.repeatKey() : label;
    }

    public Subject getSubject() {
        return view().subject();
    }

    public List<CasebookView.Row> getRows() {
        return view().rows();
    }

    public List<VisitDef> getAddableVisits() {
        return view().addableVisits();
    }

    public boolean isCanEnter() {
        return access.canEnterData() && !view().subject().isLocked();
    }

    public List<CasebookView.CellState> getLegend() {
        return List.of(CasebookView.CellState.values());
    }

    public long getSubjectId() { return subjectId; }
    public void setSubjectId(long subjectId) { this.subjectId = subjectId; }
}
