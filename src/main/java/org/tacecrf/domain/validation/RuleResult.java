package org.tacecrf.domain.validation;

import java.util.Map;

import org.tacecrf.domain.check.CheckStatus;
import org.tacecrf.domain.check.Value;

/**
 * What a built-in rule found at one place, before its message is rendered.
 *
 * @param values the rule's placeholder values (and what else it read), by name
 */
record RuleResult(OutcomeTarget target, CheckStatus status, Map<String, Value> values, String explanation) {
}
