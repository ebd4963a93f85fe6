package org.tacecrf.interfaces.web.casebook;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.tacecrf.application.casebook.CasebookService;
import org.tacecrf.application.casebook.CasebookView;
import org.tacecrf.application.casebook.StudyAccess;
import org.tacecrf.application.quality.QueryService;
import org.tacecrf.domain.casebook.derive.SubjectSummary;
import org.tacecrf.domain.casebook.reading.ReadingBlinding;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.interfaces.web.UserSession;
import org.tacecrf.interfaces.web.support.Messages;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.quality.DataQuery;

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
    private transient QueryService queries;
    @Inject
    private UserSession session;

    private long subjectId;
    private transient CasebookView view;
    private transient List<DataQuery> subjectQueries;

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

    /**
     * One line of the derived-values panel.
     *
     * @param key what the line shows, stable for pages and tests (e.g. {@code lastAdequate-MRECIST})
     */
    public record Fact(String key, String label, String value, String note) implements Serializable {
    }

    private List<Fact> facts;

    /**
     * Whether the form is a reading the user sees blinded: its entry number is not shown, as it would
     * tell how many readings of the scan there are.
     */
    public boolean blindedReading(String formId) {
        return ReadingBlinding.ASSESSMENT_FORM.equals(formId) && access.blinding(getSubject().getStudyId()).blinded();
    }

    public List<Fact> getFacts() {
        if (facts == null) {
            facts = new ArrayList<>();
            var summary = casebook.summary(subjectId);
            facts.add(new Fact("firstTace", Messages.text("summary.firstTace"), str(summary.firstTaceDate()), null));
            facts.add(new Fact("sessions", Messages.text("summary.sessions"), String.valueOf(summary.sessionCount()), null));
            summary.cumulativeDose().forEach(d -> facts.add(new Fact("dose-" + d.drug(), Messages.text("summary.dose", d.drug()),
                    d.loadedMg().stripTrailingZeros().toPlainString() + " mg", d.complete() ? null : Messages.text("summary.doseIncomplete"))));
            // A blinded reader's view holds only their own reading, so the analysed responses, and the
            // endpoints built on them, cannot be derived from it; they are not shown rather than shown empty.
            boolean blinded = access.blinding(getSubject().getStudyId()).blinded();
            if (blinded) {
                facts.add(new Fact("blinded", Messages.text("summary.blindedReading"), "—", Messages.text("summary.blindedReadingNote")));
            }
            summary.responses().values().stream().filter(c -> !blinded).sorted(Comparator.comparing(c -> c.criteria().name()))
                    .forEach(c -> {
                        String label = c.criteria().version();
                        String criteria = c.criteria().name();
                        facts.add(new Fact("bor-" + criteria, Messages.text("summary.bor", label),
                                c.bor().map(b -> b.response().name() + (b.responseDate() == null ? "" : " (" + b.responseDate() + ")")).orElse("—"),
                                String.join(" ", c.problems())));
                        facts.add(new Fact("firstProgression-" + criteria, Messages.text("summary.firstProgression", label),
                                str(c.firstProgressionDate()), null));
                        facts.add(new Fact("lastAdequate-" + criteria, Messages.text("summary.lastAdequate", label),
                                str(c.lastAdequateAssessmentDate()), null));
                    });
            endpoint("OS", summary.os());
            if (!blinded) {
                endpoint("PFS", summary.pfs());
                endpoint("TTP", summary.ttp());
            }
            if (summary.deathDate() != null) {
                facts.add(new Fact("death", Messages.text("summary.death"), summary.deathDate().toString(), null));
            }
            facts.add(new Fact("lastContact", Messages.text("summary.lastContact"), str(summary.lastContactDate()), null));
            summary.otherTreatments().forEach(t -> facts.add(new Fact("treatment-" + t.formInstanceId(),
                    Messages.text("summary.otherTreatment", t.agent() == null ? "—" : t.agent()),
                    Messages.text("treatmentTiming." + t.timing().name())
                            + (t.protocolTherapy() ? " · " + Messages.text("summary.protocolTherapy") : ""),
                    t.reason())));
        }
        return facts;
    }

    private void endpoint(String name, SubjectSummary.EndpointResult result) {
        if (result == null) {
            return;
        }
        if (result.available()) {
            var t = result.result();
            facts.add(new Fact(name, name, String.format(Locale.ROOT, "%.1f %s, %s", t.months(), Messages.text("summary.months"),
                    t.event() ? Messages.text("summary.event") : Messages.text("summary.censored")), result.rule()));
        } else {
            facts.add(new Fact(name, name, "—", String.join(" ", result.problems())));
        }
    }

    private static String str(Object value) {
        return value == null ? "—" : value.toString();
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
        return access.canEnterData() && !view().subject().isLocked()
                && access.isActive(view().subject().getStudyId(), view().subject().getSiteId());
    }

    /** Queries on the subject as a whole (not on one of its forms or items), oldest first. */
    public List<DataQuery> getSubjectQueries() {
        if (subjectQueries == null) {
            subjectQueries = queries.forSubject(subjectId).stream().filter(q -> q.getFormRef() == null).toList();
        }
        return subjectQueries;
    }

    /** After an action in the query dialog: the list shows the new state. */
    public void refreshQueries() {
        subjectQueries = null;
    }

    public List<CasebookView.CellState> getLegend() {
        return List.of(CasebookView.CellState.values());
    }

    public long getSubjectId() { return subjectId; }
    public void setSubjectId(long subjectId) { this.subjectId = subjectId; }
}
