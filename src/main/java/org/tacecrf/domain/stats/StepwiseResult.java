package org.tacecrf.domain.stats;

import java.util.List;

/**
 * Outcome of forward stepwise selection with likelihood-ratio removal (SPSS COXREG METHOD=FSTEP(LR)).
 *
 * @param steps       the entries and removals in order
 * @param finalModel  the model after the last step (the null model when nothing entered)
 * @param notInModel  score test of each covariate left out, against the final model (SPSS "Variables
 *                    not in the Equation")
 * @param entryP      entry criterion: score test p at most this value
 * @param removalP    removal criterion: likelihood-ratio p above this value
 */
public record StepwiseResult(List<Step> steps, CoxModel finalModel, List<Candidate> notInModel, double entryP,
                             double removalP) {

    public StepwiseResult {
        steps = List.copyOf(steps);
        notInModel = List.copyOf(notInModel);
    }

    /** Whether a step added or removed a covariate. */
    public enum Action { ENTERED, REMOVED }

    /**
     * One step.
     *
     * @param number    1-based step number
     * @param action    entered or removed
     * @param covariate the covariate concerned
     * @param test      the score test that let it enter, or the likelihood-ratio test that removed it
     * @param model     the model after the step
     */
    public record Step(int number, Action action, String covariate, TestResult test, CoxModel model) {
    }

    /**
     * A covariate outside the model with its score test for entry.
     *
     * @param covariate covariate name
     * @param score     score statistic, df and p-value
     */
    public record Candidate(String covariate, TestResult score) {
    }

    /** Names of the covariates selected. */
    public List<String> selected() {
        return finalModel.covariates();
    }
}
