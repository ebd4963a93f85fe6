package org.tacecrf.application.casebook;

import java.util.List;
import java.util.Map;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.ValueProblem;

/**
 * What a save did: the form's id and new version, how many values changed, and the warnings the
 * user should see at their fields (soft ranges, soft edit checks).
 */
public record FormSaveResult(long formDataId, long version, int changedValues, Map<ItemKey, List<ValueProblem>> warnings,
                             boolean complete) {
}
