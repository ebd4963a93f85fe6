package org.tacecrf.interfaces.web.casebook.panels;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Which item groups a form's panel ({@code /WEB-INF/forms/<form id>.xhtml}) lays out itself, so the
 * generic form page leaves them out: the imaging assessment's scan, target and non-target groups
 * (the lesion table) and the adverse event's event group (CTCAE term, grade definitions, session).
 * The panel still renders their items through the same field models, so saving is unchanged.
 */
@Named
@ApplicationScoped
public class FormPanels {

    private static final Map<String, Set<String>> OWNED = Map.of(
            "imaging_assessment", Set.of("scan", "target_measurements", "non_targets"),
            "adverse_event", Set.of("event"));

    public boolean ownsGroup(String formId, String groupId) {
        return formId != null && OWNED.getOrDefault(formId, Set.of()).contains(groupId);
    }
}
