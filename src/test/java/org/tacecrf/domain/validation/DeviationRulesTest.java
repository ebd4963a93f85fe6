package org.tacecrf.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.check.CheckScope;
import org.tacecrf.domain.check.CheckStatus;
import org.tacecrf.domain.check.Value;
import org.tacecrf.domain.study.EditCheckDef;

/** Visit windows and eligibility: rules whose failures are protocol deviations, not queries. */
class DeviationRulesTest {

    private static final CheckRunner RUNNER = new CheckRunner(Casebook.DEMO);
    private static final LocalDate TODAY = LocalDate.of(2025, 1, 1);

    private static List<CheckOutcome> windows(Casebook c) {
        return RUNNER.runChecks(c.subject(), List.of("visit_window"), TODAY);
    }

    /** First TACE on 2024-02-01: the one-month visit is due 2024-03-02, from 2024-02-26 to 2024-03-07. */
    private static Casebook firstTace() {
        Casebook c = new Casebook();
        c.visit("tace", 1, "2024-02-01");
        return c;
    }

    @Test
    void aVisitOneDayInsideItsWindowPassesAndOneDayOutsideIsADeviation() {
        for (String[] edge : new String[][] {{"2024-02-25", "FAIL"}, {"2024-02-26", "PASS"}, {"2024-03-07", "PASS"},
                {"2024-03-08", "FAIL"}}) {
            Casebook c = firstTace();
            SubjectData.VisitInstance fu = c.visit("fu_1m", 1, edge[0]);
            List<CheckOutcome> outcomes = windows(c);
            assertThat(outcomes).as(edge[0]).hasSize(1);
            CheckOutcome outcome = outcomes.get(0);
            assertThat(outcome.status()).as(edge[0]).isEqualTo(CheckStatus.valueOf(edge[1]));
            assertThat(outcome.target()).isEqualTo(new OutcomeTarget(fu.id(), null, null));
            assertThat(outcome.kind()).isEqualTo(EditCheckDef.Kind.DEVIATION);
            assertThat(outcome.scope()).isEqualTo(CheckScope.VISIT);
            assertThat(outcome.recordsDeviation()).isEqualTo(outcome.failed());
            assertThat(outcome.raisesQuery() || outcome.blocksCompletion()).isFalse();
        }
        Casebook late = firstTace();
        late.visit("fu_1m", 1, "2024-03-08");
        CheckOutcome outcome = windows(late).get(0);
        assertThat(outcome.messageEnglish())
                .isEqualTo("The visit on 2024-03-08 is outside its window (2024-02-26 to 2024-03-07, target 2024-03-02).");
        assertThat(outcome.messageChinese()).isEqualTo("访视日期 2024-03-08 超出访视窗 (2024-02-26 至 2024-03-07，目标日期 2024-03-02)。");
        assertThat(outcome.values()).containsEntry("earliest", Value.date("2024-02-26"))
                .containsEntry("latest", Value.date("2024-03-07")).containsEntry("target_date", Value.date("2024-03-02"));
    }

    @Test
    void baselineIsWithin28DaysBeforeTheFirstTace() {
        for (String[] edge : new String[][] {{"2024-01-04", "PASS"}, {"2024-01-03", "FAIL"}, {"2024-02-01", "PASS"},
                {"2024-02-02", "FAIL"}}) {
            Casebook c = firstTace();
            c.visit("baseline", 1, edge[0]);
            assertThat(windows(c)).extracting(CheckOutcome::status).as(edge[0])
                    .containsExactly(CheckStatus.valueOf(edge[1]));
        }
    }

    @Test
    void aFurtherOccurrenceIsDueTheIntervalAfterThePreviousOne() {
        Casebook c = firstTace();
        c.visit("survival", 1, "2024-05-01");
        c.visit("survival", 2, "2024-08-13");
        c.visit("survival", 3, "2024-11-26");
        assertThat(windows(c)).extracting(CheckOutcome::status)
                .containsExactly(CheckStatus.PASS, CheckStatus.PASS, CheckStatus.FAIL);
    }

    @Test
    void aVisitNotDoneOrNotYetDueIsNotEvaluableAndVisitsWithoutTimingAreNotChecked() {
        Casebook noTace = new Casebook();
        noTace.visit("screening", 1, "2024-01-02");
        noTace.visit("fu_1m", 1, "2024-03-08");
        assertThat(windows(noTace)).extracting(CheckOutcome::status).containsExactly(CheckStatus.NOT_EVALUABLE);

        Casebook notDone = firstTace();
        notDone.visit("fu_1m", 1, null);
        notDone.visit("logs", 1, null);
        CheckOutcome outcome = windows(notDone).get(0);
        assertThat(outcome.status()).isEqualTo(CheckStatus.NOT_EVALUABLE);
        assertThat(outcome.explanation()).contains("has no date yet");
    }

    private static Casebook eligibility(String... answers) {
        Casebook c = new Casebook();
        String[] values = new String[answers.length * 2];
        for (int i = 0; i < answers.length; i++) {
            String[] a = answers[i].split("=");
            values[2 * i] = "criterion#" + (i + 1) + "=" + a[0];
            values[2 * i + 1] = "criterion_applies#" + (i + 1) + "=" + a[1];
        }
        c.form(c.visit("screening", 1, "2024-01-02"), "eligibility", values);
        return c;
    }

    private static CheckOutcome eligibility(Casebook c, boolean waiver) {
        List<CheckOutcome> outcomes = RUNNER.runChecks(new CheckSubject(c.data(), null, waiver),
                List.of("eligibility_not_met"), TODAY);
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }

    @Test
    void anEnrolledSubjectWhoseEligibilityFormFailsACriterionWithoutAWaiverIsADeviation() {
        assertThat(eligibility(eligibility("in01=Y", "in02=Y", "ex01=N"), false).status()).isEqualTo(CheckStatus.PASS);

        CheckOutcome inclusion = eligibility(eligibility("in01=Y", "in02=N", "ex01=N"), false);
        assertThat(inclusion.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(inclusion.recordsDeviation()).isTrue();
        assertThat(inclusion.scope()).isEqualTo(CheckScope.SUBJECT);
        assertThat(inclusion.messageEnglish()).isEqualTo("The subject was enrolled without a waiver although the"
                + " eligibility form records criteria not met: in02.");
        assertThat(inclusion.target().formInstanceId()).isNotNull();

        CheckOutcome exclusion = eligibility(eligibility("ex01=Y", "in01=N", "in02=Y"), false);
        assertThat(exclusion.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(exclusion.values().get("failed_criteria")).isEqualTo(Value.list(Value.code("in01"), Value.code("ex01")));
    }

    @Test
    void aWaiverCoversTheFailedCriteriaAndUnansweredCriteriaWait() {
        assertThat(eligibility(eligibility("in01=Y", "in02=N", "ex01=N"), true).status()).isEqualTo(CheckStatus.PASS);
        assertThat(eligibility(eligibility("in01=Y", "in02=Y"), false).status()).isEqualTo(CheckStatus.NOT_EVALUABLE);
        assertThat(eligibility(eligibility("in01=N"), false).status()).isEqualTo(CheckStatus.FAIL);

        CheckOutcome none = eligibility(new Casebook(), false);
        assertThat(none.status()).isEqualTo(CheckStatus.NOT_EVALUABLE);
        assertThat(none.target()).isEqualTo(OutcomeTarget.SUBJECT);
    }
}
