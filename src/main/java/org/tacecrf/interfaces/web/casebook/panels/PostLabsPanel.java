package org.tacecrf.interfaces.web.casebook.panels;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.application.safety.SafetyService;
import org.tacecrf.application.safety.SafetyService.LabProposal;
import org.tacecrf.domain.casebook.derive.LabSuggestions.Suggestion;
import org.tacecrf.domain.clinical.Measurement;
import org.tacecrf.domain.clinical.ReferenceRange;
import org.tacecrf.interfaces.web.support.Messages;
import org.tacecrf.model.casebook.LabAeDecision;

/**
 * Post-procedure laboratory tests: the CTCAE grade each graded value reaches (against the
 * subject's baseline and the reference range), and for each proposed adverse event the nurse's
 * choice: accept (the event is entered in the adverse-event log, linked to the session) or reject
 * (recorded with who and when, not proposed again).
 */
@Named
@ViewScoped
public class PostLabsPanel extends FormPanel {

    private static final long serialVersionUID = 1L;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @Inject
    private transient SafetyService safety;

    private final Map<String, String> reasons = new HashMap<>();
    private Long acceptedForm;

    /** One graded value as shown. */
    public record ProposalView(String itemId, String label, String value, String baseline, String range, String grade,
                               String state, boolean open, Long aeFormId, String decision, String problem) {
    }

    public boolean isApplies() {
        return safety.labGradingApplies(study());
    }

    public String getVersionNote() {
        return Messages.text("labs.notGraded", study().parameters().ctcae().version());
    }

    public boolean isSaved() {
        return form.getFormDataId() != null;
    }

    public List<ProposalView> getProposals() {
        if (!isSaved() || !isApplies()) {
            return List.of();
        }
        return once("proposals", () -> {
            List<ProposalView> out = new ArrayList<>();
            for (LabProposal p : safety.labProposals(form.getFormDataId())) {
                out.add(view(p));
            }
            return out;
        });
    }

    public boolean isAnyOpen() {
        return getProposals().stream().anyMatch(ProposalView::open);
    }

    private ProposalView view(LabProposal p) {
        Suggestion s = p.suggestion();
        String label = field(s.itemId()).map(f -> f.getItem().label().get(session.getLocale())).orElse(s.analyte().label());
        String value = s.value() == null ? "—" : show(s.value());
        String baseline = s.baseline() == null ? "—" : show(s.baseline()) + (s.baselineDate() == null ? "" : " (" + s.baselineDate() + ")");
        String grade = s.grade() == null ? "—" : Messages.text("labs.grade", s.term().name(), s.grade())
                + (s.rule() == null ? "" : " (" + s.rule() + ")");
        LabAeDecision d = p.decision();
        String state;
        String decision = null;
        if (d != null) {
            state = d.getDecision().name();
            decision = Messages.text(d.getDecision() == LabAeDecision.Decision.ACCEPTED ? "labs.acceptedBy" : "labs.rejectedBy",
                    d.getDecidedBy(), WHEN.format(d.getDecidedAt()))
                    + (d.getReason() == null ? "" : ": " + d.getReason());
        } else if (s.grade() == null) {
            state = "NOT_GRADED";
        } else if (p.open()) {
            state = "PROPOSED";
        } else {
            state = "NO_EVENT";
            if (s.grade() > 0 && s.baselineGrade() != null) {
                decision = Messages.text("labs.asAtBaseline", s.baselineGrade());
            }
        }
        return new ProposalView(s.itemId(), label, value, baseline, range(s.range()), grade, state, p.open(),
                d == null ? null : d.getAeFormRef(), decision, String.join(" ", s.problems()));
    }

    /** A lab value as written on a report, e.g. "160 U/L". */
    static String show(Measurement m) {
        return m.value().stripTrailingZeros().toPlainString() + " " + m.unit().symbol();
    }

    private static String range(ReferenceRange r) {
        if (r == null) {
            return "—";
        }
        String lln = r.lln() == null ? "" : r.lln().stripTrailingZeros().toPlainString();
        String uln = r.uln() == null ? "" : r.uln().stripTrailingZeros().toPlainString();
        return lln + "–" + uln + " " + r.unit().symbol() + (r.isDefault() ? " " + Messages.text("labs.defaultRange") : "");
    }

    public void accept(String itemId) {
        try {
            acceptedForm = safety.accept(form.getFormDataId(), itemId);
            recompute();
            Messages.info("labs.accepted");
        } catch (ValidationFailure failure) {
            Messages.show(failure);
        }
    }

    public void reject(String itemId) {
        try {
            safety.reject(form.getFormDataId(), itemId, reasons.remove(itemId));
            recompute();
            Messages.info("labs.rejected");
        } catch (ValidationFailure failure) {
            Messages.show(failure);
        }
    }

    /** Reasons typed for rejecting, by item. */
    public Map<String, String> getReasons() {
        return reasons;
    }

    /** The adverse event just entered from a proposal, to open it. */
    public Long getAcceptedForm() {
        return acceptedForm;
    }
}
