package org.tacecrf.interfaces.web.casebook.panels;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.tacecrf.application.safety.SafetyService;
import org.tacecrf.application.safety.SafetyService.LabProposal;
import org.tacecrf.interfaces.web.casebook.CasebookBacking;
import org.tacecrf.interfaces.web.support.Messages;

/** Adverse events proposed from post-procedure labs and not yet decided, listed on the casebook. */
@Named
@ViewScoped
public class LabProposalsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CasebookBacking casebook;
    @Inject
    private transient SafetyService safety;

    private transient List<LabProposal> open;

    public List<LabProposal> getOpen() {
        if (open == null) {
            open = safety.openLabProposals(casebook.getSubjectId());
        }
        return open;
    }

    /** E.g. "Alanine aminotransferase increased, grade 1 (120 U/L after TACE session 1)". */
    public String label(LabProposal p) {
        var s = p.suggestion();
        return s.sessionNumber() == null
                ? Messages.text("labs.openLineVisit", s.term().name(), s.grade(), PostLabsPanel.show(s.value()), p.visitKey())
                : Messages.text("labs.openLine", s.term().name(), s.grade(), PostLabsPanel.show(s.value()), s.sessionNumber());
    }
}
