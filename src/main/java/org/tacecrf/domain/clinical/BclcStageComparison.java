package org.tacecrf.domain.clinical;

import java.util.Objects;

/**
 * Comparison of the investigator-assigned BCLC stage with the system-suggested one. The eCRF
 * keeps the investigator's stage as the record and raises a query when the two differ, instead
 * of overwriting it (clinical rules 2.4).
 *
 * @param status             outcome of the comparison
 * @param investigatorStage  stage entered by the investigator, or null
 * @param suggestedStage     stage suggested from the inputs, or null when not computable
 * @param message            English explanation, suitable as query text
 */
public record BclcStageComparison(Status status, BclcStage investigatorStage, BclcStage suggestedStage,
                                  String message) {

    /** Outcome of comparing the two stages. */
    public enum Status {
        AGREES,
        DIFFERS,
        /** The investigator has not entered a stage yet. */
        NO_INVESTIGATOR_STAGE,
        /** The inputs do not allow a suggestion; nothing to compare. */
        NO_SUGGESTED_STAGE
    }

    public BclcStageComparison {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    /** Whether a query should be raised for the investigator. */
    public boolean needsQuery() {
        return status == Status.DIFFERS;
    }

    public static BclcStageComparison compare(BclcStage investigatorStage, Derivation<BclcResult> suggestion) {
        String algorithm = suggestion.algorithm().name();
        if (!suggestion.isComputed()) {
            return new BclcStageComparison(Status.NO_SUGGESTED_STAGE, investigatorStage, null,
                    "No stage can be suggested by " + algorithm + ": " + suggestion.reason());
        }
        BclcResult s = suggestion.get();
        if (investigatorStage == null) {
            return new BclcStageComparison(Status.NO_INVESTIGATOR_STAGE, null, s.stage(),
                    "The investigator has not entered a BCLC stage.");
        }
        if (investigatorStage == s.stage()) {
            return new BclcStageComparison(Status.AGREES, investigatorStage, s.stage(),
                    "The investigator's BCLC stage " + investigatorStage.label() + " agrees with " + algorithm + ".");
        }
        return new BclcStageComparison(Status.DIFFERS, investigatorStage, s.stage(),
                "The investigator's BCLC stage " + investigatorStage.label() + " differs from stage "
                        + s.stage().label() + " suggested by " + algorithm + " (step " + s.step() + ": " + s.rule()
                        + "). Please confirm the stage or correct the staging data.");
    }
}
