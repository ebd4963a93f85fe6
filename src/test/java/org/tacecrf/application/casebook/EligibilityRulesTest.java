package org.tacecrf.application.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.study.CriterionKind;
import org.tacecrf.domain.study.EligibilityCriterion;
import org.tacecrf.domain.study.StudyCatalog;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.model.casebook.Screening.Answer;

/** The screening decision on the shipped cholangiocarcinoma study's criteria. */
class EligibilityRulesTest {

    private static final StudyDefinition STUDY = StudyCatalog.load(Path.of("config/studies")).get("icc-deb-tace");

    private static Map<String, Answer> eligibleAnswers() {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (EligibilityCriterion c : STUDY.eligibility()) {
            answers.put(c.id(), c.kind() == CriterionKind.INCLUSION ? Answer.YES : Answer.NO);
        }
        return answers;
    }

    @Test
    void inclusionsMetAndExclusionsAbsentIsEligible() {
        assertThat(EnrolmentService.failedCriteria(STUDY, eligibleAnswers())).isEmpty();
    }

    @Test
    void anUnmetInclusionIsNamed() {
        Map<String, Answer> answers = eligibleAnswers();
        answers.put("in01", Answer.NO);
        assertThat(EnrolmentService.failedCriteria(STUDY, answers)).singleElement().asString()
                .startsWith("in01 not met: ICC confirmed by liver biopsy");
    }

    @Test
    void anExclusionThatAppliesIsNamed() {
        Map<String, Answer> answers = eligibleAnswers();
        answers.put("ex01", Answer.YES);
        assertThat(EnrolmentService.failedCriteria(STUDY, answers)).singleElement().asString().startsWith("ex01 applies");
    }

    @Test
    void anUnknownAnswerIsNotEligibleYet() {
        Map<String, Answer> answers = eligibleAnswers();
        answers.put("in03", Answer.UNKNOWN);
        answers.put("ex02", Answer.UNKNOWN);
        assertThat(EnrolmentService.failedCriteria(STUDY, answers)).hasSize(2).allMatch(s -> s.contains("not confirmed"));
    }
}
