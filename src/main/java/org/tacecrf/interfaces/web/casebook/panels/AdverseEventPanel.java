package org.tacecrf.interfaces.web.casebook.panels;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.tacecrf.application.casebook.FormConstraints;
import org.tacecrf.application.safety.SafetyService;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.casebook.derive.SaeReporting;
import org.tacecrf.domain.ctcae.CtcaeCodeList;
import org.tacecrf.domain.ctcae.CtcaeTerm;
import org.tacecrf.domain.ctcae.GradeDefinition;
import org.tacecrf.interfaces.web.casebook.FieldModel;
import org.tacecrf.interfaces.web.support.Messages;

/**
 * The adverse-event form's event group: while the nurse chooses the CTCAE term, the grades offered
 * are those the term defines, each with its definition (CTCAE v5.0 studies); the TACE session the
 * event followed is chosen among the subject's sessions with their dates; and a serious event shows
 * whether its report is due, overdue or was late by the study's deadline.
 */
@Named
@ViewScoped
public class AdverseEventPanel extends FormPanel {

    private static final long serialVersionUID = 1L;

    static final String TERM = "ae_term";
    static final String GRADE = "ae_grade";
    static final String SESSION = "related_session";
    private static final Set<String> LAID_OUT_HERE = Set.of(GRADE, SESSION);

    @Inject
    private transient SafetyService safety;

    private transient List<SafetyService.SessionOption> sessions;

    /** A grade that may be chosen, with what it means for the chosen term. */
    public record GradeOption(String code, String label, String definition, boolean general) {
    }

    /** A session to link the event to. */
    public record SessionChoice(String value, String label) {
    }

    /** The state of a serious event's report as shown. */
    public record SaeView(String status, String text, boolean late) {
    }

    public String getEventLabel() {
        return group("event").map(g -> g.getLabel()).orElse("");
    }

    public List<FieldModel> getEventFields() {
        return group("event").map(g -> g.getRows().get(0).getFields()).orElse(List.of());
    }

    /** Items this panel lays out itself rather than as plain inputs. */
    public boolean special(FieldModel field) {
        return LAID_OUT_HERE.contains(field.getKey().itemId());
    }

    public FieldModel getGradeField() {
        return field(GRADE).orElse(null);
    }

    public FieldModel getSessionField() {
        return field(SESSION).orElse(null);
    }

    private Optional<String> termCode() {
        return field(TERM).map(FieldModel::getText).filter(t -> !t.isBlank());
    }

    private boolean catalogue() {
        return FormConstraints.catalogueApplies(study());
    }

    /** The grades offered: those the chosen term defines (all, before a term is chosen or outside CTCAE v5.0). */
    public List<GradeOption> getGrades() {
        // Not kept for the request: the term may change between validation and rendering.
        FieldModel grade = getGradeField();
        List<GradeOption> out = new ArrayList<>();
        if (grade == null) {
            return out;
        }
        Optional<String> term = termCode();
        for (FieldModel.Option o : grade.getOptions()) {
            int g;
            try {
                g = Integer.parseInt(o.code());
            } catch (NumberFormatException e) {
                out.add(new GradeOption(o.code(), o.label(), null, false));
                continue;
            }
            if (!catalogue() || term.isEmpty()) {
                out.add(new GradeOption(o.code(), o.label(), null, false));
                continue;
            }
            Optional<GradeDefinition> d = CtcaeCodeList.definition(term.get(), g);
            d.ifPresent(def -> out.add(new GradeOption(o.code(), Messages.text("ae.grade", g),
                    def.text(), def.source() == GradeDefinition.TextSource.GENERAL_DEFINITION)));
        }
        return out;
    }

    /** What the offered grades are based on, in one sentence. */
    public String getGradeNote() {
        if (!catalogue()) {
            return Messages.text("ae.catalogueNotApplied", study().parameters().ctcae().version());
        }
        Optional<String> term = termCode();
        if (term.isEmpty()) {
            return Messages.text("ae.chooseTerm");
        }
        Optional<CtcaeTerm> t = CtcaeCodeList.term(term.get());
        if (t.isEmpty()) {
            return Messages.text("ae.generalGrades");
        }
        String allowed = t.get().allowedGrades().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
        return Messages.text("ae.gradesOfTerm", t.get().name(), allowed);
    }

    /** The chosen grade when the chosen term does not define it. */
    public String getGradeProblem() {
        FieldModel grade = getGradeField();
        if (grade == null || grade.getError() != null || !catalogue()) {
            return null;
        }
        Optional<Integer> g = FormConstraints.gradeOf(grade.getText() == null ? null : StoredValue.text(grade.getText()));
        Optional<CtcaeTerm> t = termCode().flatMap(CtcaeCodeList::term);
        if (g.isEmpty() || t.isEmpty() || t.get().allows(g.get())) {
            return null;
        }
        return Messages.text("ae.error.gradeNotDefined", g.get(), t.get().name(),
                t.get().allowedGrades().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
    }

    public List<SessionChoice> getSessions() {
        if (sessions == null) {
            sessions = safety.sessions(form.getSubjectId());
        }
        List<SessionChoice> out = new ArrayList<>();
        for (SafetyService.SessionOption s : sessions) {
            out.add(new SessionChoice(String.valueOf(s.number()), Messages.text("ae.session", s.number(), String.valueOf(s.date()))));
        }
        FieldModel field = getSessionField();
        String current = field == null ? null : field.getText();
        if (current != null && !current.isBlank() && out.stream().noneMatch(c -> c.value().equals(current.strip()))) {
            out.add(new SessionChoice(current.strip(), Messages.text("ae.sessionNotRecorded", current.strip())));
        }
        return out;
    }

    /** The serious-event report as of now (the server's clock), by the study's deadline. */
    public SaeView getSae() {
        return once("sae", () -> {
            Map<ItemKey, StoredValue> values = form.currentValues();
            int hours = study().parameters().sae().reportingHours();
            SaeReporting r = SaeReporting.of(new FormInstance(0, null, SafetyService.ADVERSE_EVENT, 1, false, values),
                    hours, LocalDateTime.now());
            if (r.status() == SaeReporting.Status.NOT_SERIOUS) {
                return null;
            }
            String text = switch (r.status()) {
                case NO_ONSET_DATE -> Messages.text("sae.noOnset", hours);
                case DUE -> Messages.text("sae.due", hours, String.valueOf(r.due()));
                case OVERDUE -> Messages.text("sae.overdue", hours, String.valueOf(r.due()), SaeText.format(r));
                case REPORTED_IN_TIME -> Messages.text("sae.inTime", String.valueOf(r.reported()), hours);
                case REPORTED_LATE -> Messages.text("sae.late", String.valueOf(r.reported()), hours, SaeText.format(r));
                case NOT_SERIOUS -> "";
            };
            return new SaeView(r.status().name(), text, r.status().late());
        });
    }

}
