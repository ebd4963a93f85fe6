package org.tacecrf.interfaces.web.casebook.panels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.tacecrf.domain.casebook.derive.StudyParameterMapping;
import org.tacecrf.domain.casebook.derive.TargetSelection;
import org.tacecrf.domain.response.ResponseParameters;
import org.tacecrf.interfaces.web.support.Messages;

/**
 * Baseline imaging: the target-selection rules with the study's parameters, checked live as the
 * lesions are entered (targets in total and per organ, minimum sizes, arterial enhancement under
 * mRECIST). Errors of the primary criteria refuse marking the form complete (the save enforces
 * them); the panel shows them before that, and each finding at its field.
 */
@Named
@ViewScoped
public class BaselineImagingPanel extends FormPanel {

    private static final long serialVersionUID = 1L;

    /** A finding as shown: lesion, message, whether it blocks completion, under which criteria. */
    public record FindingView(String lesionId, String message, boolean blocking, String criteria) {
    }

    /** One organ's target count against the limit. */
    public record OrganCount(String organ, int targets, int limit) {

        public boolean over() {
            return targets > limit;
        }
    }

    public TargetSelection getSelection() {
        return once("selection", () -> {
            TargetSelection s = TargetSelection.of(study(), saved(), current());
            s.findings().stream().filter(f -> f.field() != null).forEach(f -> warnAt(f.field(), f.violation().message()));
            return s;
        });
    }

    private ResponseParameters parameters() {
        return StudyParameterMapping.response(study().parameters());
    }

    /** The rules as the study sets them, in one sentence per topic. */
    public List<String> getRules() {
        ResponseParameters p = parameters();
        List<String> rules = new ArrayList<>();
        rules.add(Messages.text("selection.ruleCounts", p.maxTargets(), p.maxTargetsPerOrgan()));
        if (p.maxIntrahepaticTargets() != null) {
            rules.add(Messages.text("selection.ruleIntrahepatic", p.maxIntrahepaticTargets()));
        }
        rules.add(Messages.text("selection.ruleSizes", plain(p.minNonNodalDiameterMm()), plain(p.minNodalShortAxisMm())));
        rules.add(Messages.text("selection.ruleMrecist"));
        rules.add(Messages.text("selection.rulePrimary", getSelection().primary().displayName()));
        return rules;
    }

    public int getMaxTargets() {
        return parameters().maxTargets();
    }

    public List<OrganCount> getOrgans() {
        int limit = parameters().maxTargetsPerOrgan();
        List<OrganCount> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : getSelection().byOrgan().entrySet()) {
            out.add(new OrganCount(organ(e.getKey()), e.getValue(), limit));
        }
        return out;
    }

    public List<FindingView> getFindings() {
        return once("findings", () -> {
            List<FindingView> out = new ArrayList<>();
            getSelection().readProblems().forEach(p -> out.add(new FindingView(null, p, false, null)));
            getSelection().findings().forEach(f -> out.add(new FindingView(f.violation().lesionId(), f.violation().message(),
                    f.blocking(), f.criteria().displayName())));
            return out;
        });
    }

    public boolean isBlocked() {
        return !getSelection().blocking().isEmpty();
    }

    private String organ(String key) {
        String code = key.equals("ADRENAL_GLAND") ? "ADRENAL" : key;
        if (key.startsWith("OTHER:")) {
            String detail = key.substring("OTHER:".length());
            return label("OTHER") + (detail.isBlank() ? "" : " (" + detail + ")");
        }
        return label(code);
    }

    private String label(String code) {
        return study().codeList("organ").flatMap(l -> l.items().stream().filter(i -> i.code().equals(code)).findFirst())
                .map(i -> i.label().get(session.getLocale())).orElse(code);
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
