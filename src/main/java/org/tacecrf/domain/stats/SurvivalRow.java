package org.tacecrf.domain.stats;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * One subject's survival outcome and covariate values for a regression model.
 *
 * @param time   follow-up time ({@code NaN} when missing)
 * @param event  true when follow-up ended with the event
 * @param values covariate values by covariate name; an absent key or {@code null} is missing
 */
public record SurvivalRow(double time, boolean event, Map<String, Object> values) {

    public SurvivalRow {
        values = Collections.unmodifiableMap(new HashMap<>(values));
    }
}
