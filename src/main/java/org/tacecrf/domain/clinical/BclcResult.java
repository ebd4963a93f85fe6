package org.tacecrf.domain.clinical;

import java.util.List;
import java.util.Objects;

/**
 * A system-suggested BCLC stage.
 *
 * @param stage       suggested stage
 * @param step        step of the decision table (1-5) that decided
 * @param rule        English statement of that step
 * @param notProvided inputs left empty that did not affect the stage
 */
public record BclcResult(BclcStage stage, int step, String rule, List<String> notProvided) {

    public BclcResult {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(rule, "rule");
        notProvided = List.copyOf(notProvided);
    }
}
