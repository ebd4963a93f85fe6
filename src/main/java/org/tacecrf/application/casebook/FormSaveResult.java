package org.tacecrf.application.casebook;

import java.util.List;
import java.util.Map;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.ValueProblem;
import org.tacecrf.domain.validation.CheckOutcome;

/**
 * What a save did: the form's id and new version, how many values changed, and the warnings the
 * user should see at their fields (soft ranges), and the outcomes of the edit checks.
 */
public record FormSaveResult(long formDataId, long version, int changedValues, Map<ItemKey, List<ValueProblem>> warnings,
                             boolean complete, List<CheckOutcome> checks) {

    /** Failed checks to show: hard ones (blocking completion), soft ones (queries) and deviations. */
    public List<CheckOutcome> failedChecks() {
        return checks.stream().filter(CheckOutcome::failed).toList();
    }
}
