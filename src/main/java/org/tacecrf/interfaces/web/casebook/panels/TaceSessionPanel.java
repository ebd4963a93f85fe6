package org.tacecrf.interfaces.web.casebook.panels;

import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.tacecrf.domain.casebook.derive.SessionExposure;
import org.tacecrf.domain.casebook.derive.SubjectSummary;

/**
 * The patient's exposure at a TACE session, updated as the session is entered: its number, the
 * days since the previous session and the dose loaded per drug so far (this session included).
 */
@Named
@ViewScoped
public class TaceSessionPanel extends FormPanel {

    private static final long serialVersionUID = 1L;

    /** One drug's cumulative dose as shown. */
    public record DoseView(String drug, String mg, int sessions, boolean complete) {
    }

    public SessionExposure getExposure() {
        return once("exposure", () -> SessionExposure.of(study(), saved(), current()));
    }

    public List<DoseView> getDoses() {
        return getExposure().cumulativeDose().stream().map(this::view).toList();
    }

    private DoseView view(SubjectSummary.DrugDose d) {
        return new DoseView(drug(d.drug()), d.loadedMg().stripTrailingZeros().toPlainString(), d.sessions(), d.complete());
    }

    /** A drug code of the loaded-drug list as its label; "OTHER: name" stays as written. */
    private String drug(String code) {
        return study().codeList("loaded_drug").flatMap(l -> l.items().stream().filter(i -> i.code().equals(code)).findFirst())
                .map(i -> i.label().get(session.getLocale())).orElse(code);
    }
}
