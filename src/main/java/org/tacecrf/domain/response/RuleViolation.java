package org.tacecrf.domain.response;

import java.util.List;
import java.util.Objects;

/**
 * A broken lesion rule.
 *
 * @param lesionId lesion concerned; null when the rule concerns the whole record
 * @param code     rule code (also the message key)
 * @param message  English default message
 */
public record RuleViolation(String lesionId, ViolationCode code, String message) {

    public RuleViolation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public Severity severity() {
        return code.severity();
    }

    public boolean isError() {
        return code.severity() == Severity.ERROR;
    }

    /** True when any of the violations is an error. */
    public static boolean anyError(List<RuleViolation> violations) {
        return violations.stream().anyMatch(RuleViolation::isError);
    }
}
