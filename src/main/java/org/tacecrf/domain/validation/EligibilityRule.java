package org.tacecrf.domain.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.check.CheckStatus;
import org.tacecrf.domain.check.Value;
import org.tacecrf.domain.study.BuiltInRule;
import org.tacecrf.domain.study.CriterionKind;
import org.tacecrf.domain.study.EligibilityCriterion;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * {@link BuiltInRule#ELIGIBILITY}: the built-in eligibility form has one row per criterion
 * ({@code criterion}, and {@code criterion_applies} Y or N). An inclusion criterion answered N, or an
 * exclusion criterion answered Y, is not met. The rule fails (a protocol deviation) when a criterion
 * is not met and the subject was enrolled without a waiver; with a waiver it passes, because the
 * waiver was recorded as a deviation when the subject was enrolled. With no criterion failed it
 * passes once every criterion is answered, and is not evaluable before.
 */
final class EligibilityRule {

    static final String GROUP = "criteria";
    static final String CRITERION = "criterion";
    static final String APPLIES = "criterion_applies";

    private EligibilityRule() {
    }

    static List<RuleResult> run(StudyDefinition study, CheckSubject subject) {
        List<SubjectData.FormInstance> forms = subject.data().forms(BuiltInRule.ELIGIBILITY.formId());
        if (forms.isEmpty()) {
            return List.of(new RuleResult(OutcomeTarget.SUBJECT, CheckStatus.NOT_EVALUABLE, Map.of(),
                    "the eligibility form has not been filled in"));
        }
        SubjectData.FormInstance form = forms.get(0);
        Map<String, String> answers = new HashMap<>();
        Map<Integer, StoredValue> criteria = form.repeats(CRITERION);
        Map<Integer, StoredValue> applies = form.repeats(APPLIES);
        criteria.forEach((row, criterion) -> Optional.ofNullable(applies.get(row))
                .ifPresent(answer -> answers.put(criterion.text(), answer.text())));
        List<String> failed = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (EligibilityCriterion criterion : study.eligibility()) {
            String answer = answers.get(criterion.id());
            if (answer == null) {
                unanswered.add(criterion.id());
            } else if (answer.equals(criterion.kind() == CriterionKind.INCLUSION ? "N" : "Y")) {
                failed.add(criterion.id());
            }
        }
        Map<String, Value> values = new LinkedHashMap<>();
        values.put("failed_criteria", Value.list(failed.stream().map(Value::code).toList()));
        values.put("eligibility_waiver", Value.bool(subject.eligibilityWaiver()));
        OutcomeTarget target = new OutcomeTarget(form.visit().id(), form.id(), null);
        if (!failed.isEmpty()) {
            return List.of(subject.eligibilityWaiver()
                    ? new RuleResult(target, CheckStatus.PASS, values, "criteria not met (" + String.join(", ", failed)
                            + "), enrolled with a waiver")
                    : new RuleResult(target, CheckStatus.FAIL, values, "criteria not met (" + String.join(", ", failed)
                            + "), enrolled without a waiver"));
        }
        return List.of(unanswered.isEmpty()
                ? new RuleResult(target, CheckStatus.PASS, values, "every criterion is met")
                : new RuleResult(target, CheckStatus.NOT_EVALUABLE, values, "not answered: " + String.join(", ", unanswered)));
    }
}
