package org.tacecrf.domain.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tacecrf.domain.check.Fixtures.eval;
import static org.tacecrf.domain.check.Fixtures.evaluationError;

import org.junit.jupiter.api.Test;

/** Aggregates and quantifiers over paths with one value per instance (repeating TACE sessions, multiple choice). */
class ListFunctionTest {

    /** Three TACE sessions, the second without dose; consent on 2024-01-10. */
    private final ValueResolver subject = MapValueResolver.builder()
            .date("BASELINE.enrolment.consent_date", "2024-01-10")
            .list("TACE.tace_session.date", Value.date("2024-01-20"), Value.date("2024-03-02"), Value.date("2024-05-11"))
            .list("TACE.tace_session.dose_mg", Value.number(75), Value.empty(), Value.number(60))
            .list("TACE.tace_session.segments", Value.code("S4"), Value.code("S5"), Value.code("S8"))
            .list("IMAGING.imaging.scan_date")
            .build();

    @Test
    void minAndMaxOverAllInstances() {
        assertThat(eval("min(TACE.tace_session.date)", subject)).isEqualTo(Value.date("2024-01-20"));
        assertThat(eval("max(TACE.tace_session.date)", subject)).isEqualTo(Value.date("2024-05-11"));
        assertThat(eval("max(TACE.tace_session.dose_mg)", subject)).isEqualTo(Value.number(75));
        assertThat(eval("min(3, TACE.tace_session.dose_mg, 100)", subject)).isEqualTo(Value.number(3));
    }

    @Test
    void aggregatesSkipEmptyValues() {
        assertThat(eval("sum(TACE.tace_session.dose_mg)", subject)).isEqualTo(Value.number(135));
        assertThat(eval("mean(TACE.tace_session.dose_mg)", subject)).isEqualTo(Value.number("67.5"));
        assertThat(eval("count(TACE.tace_session.dose_mg)", subject)).isEqualTo(Value.number(2));
        assertThat(eval("count(TACE.tace_session.date)", subject)).isEqualTo(Value.number(3));
    }

    @Test
    void aggregatesOverNoInstances() {
        assertThat(eval("min(IMAGING.imaging.scan_date)", subject).isNull()).isTrue();
        assertThat(eval("sum(IMAGING.imaging.scan_date)", subject).isNull()).isTrue();
        assertThat(eval("count(IMAGING.imaging.scan_date)", subject)).isEqualTo(Value.number(0));
        assertThat(eval("isEmpty(IMAGING.imaging.scan_date)", subject)).isEqualTo(Value.bool(true));
        assertThat(eval("notEmpty(TACE.tace_session.dose_mg)", subject)).isEqualTo(Value.bool(true));
    }

    @Test
    void maxOverSeveralPathsIgnoresPathsWithoutValues() {
        assertThat(eval("max(BASELINE.enrolment.consent_date, TACE.tace_session.date, IMAGING.imaging.scan_date)", subject))
                .isEqualTo(Value.date("2024-05-11"));
    }

    @Test
    void minCannotMixDatesAndNumbers() {
        EvaluationException e = evaluationError("min(TACE.tace_session.date, TACE.tace_session.dose_mg)", subject);
        assertThat(e.reason()).isEqualTo("min() cannot mix dates and numbers");
        assertThat(e.column()).isEqualTo(29);
    }

    @Test
    void everyAndSome() {
        assertThat(eval("every(d in TACE.tace_session.date : d >= BASELINE.enrolment.consent_date)", subject))
                .isEqualTo(Value.bool(true));
        assertThat(eval("every(d in TACE.tace_session.date : d >= date('2024-02-01'))", subject))
                .isEqualTo(Value.bool(false));
        assertThat(eval("some(s in TACE.tace_session.segments : s = 'S8')", subject)).isEqualTo(Value.bool(true));
        assertThat(eval("some(s in TACE.tace_session.segments : s = 'S1')", subject)).isEqualTo(Value.bool(false));
    }

    @Test
    void quantifiersFollowThreeValuedLogic() {
        // one dose is empty: unknown unless another instance decides
        assertThat(eval("every(x in TACE.tace_session.dose_mg : x <= 80)", subject).isNull()).isTrue();
        assertThat(eval("every(x in TACE.tace_session.dose_mg : x <= 70)", subject)).isEqualTo(Value.bool(false));
        assertThat(eval("some(x in TACE.tace_session.dose_mg : x > 70)", subject)).isEqualTo(Value.bool(true));
        assertThat(eval("some(x in TACE.tace_session.dose_mg : x > 80)", subject).isNull()).isTrue();
        // no instances: every is vacuously true, some is false
        assertThat(eval("every(d in IMAGING.imaging.scan_date : d > today())", subject)).isEqualTo(Value.bool(true));
        assertThat(eval("some(d in IMAGING.imaging.scan_date : d > today())", subject)).isEqualTo(Value.bool(false));
    }

    @Test
    void nestedQuantifiersSeeBothVariables() {
        assertThat(eval("every(a in TACE.tace_session.date : some(b in TACE.tace_session.date : b >= a))", subject))
                .isEqualTo(Value.bool(true));
        assertThat(eval("every(a in TACE.tace_session.date : every(b in TACE.tace_session.date : b >= a))", subject))
                .isEqualTo(Value.bool(false));
    }

    @Test
    void inSearchesMultipleChoiceValues() {
        assertThat(eval("'S5' in TACE.tace_session.segments", subject)).isEqualTo(Value.bool(true));
        assertThat(eval("'S1' in (TACE.tace_session.segments)", subject)).isEqualTo(Value.bool(false));
        assertThat(eval("'S1' not in TACE.tace_session.segments", subject)).isEqualTo(Value.bool(true));
    }

    @Test
    void severalValuesWhereOneIsNeededIsAnError() {
        EvaluationException e = evaluationError("TACE.tace_session.date >= BASELINE.enrolment.consent_date", subject);
        assertThat(e.reason()).isEqualTo("'TACE.tace_session.date' has several values (one per instance): "
                + "use min(), max(), count(), every() or some()");
        assertThat(e.column()).isEqualTo(1);
        assertThat(evaluationError("abs(TACE.tace_session.dose_mg)", subject).reason())
                .isEqualTo("abs() takes a single value as 'x', but 'TACE.tace_session.dose_mg' has several values");
    }

    @Test
    void aSingleInstanceListIsStillAList() {
        ValueResolver oneSession = MapValueResolver.builder().list("TACE.tace_session.date", Value.date("2024-01-20")).build();
        assertThat(evaluationError("TACE.tace_session.date > date('2024-01-01')", oneSession)).isNotNull();
        assertThat(eval("min(TACE.tace_session.date) > date('2024-01-01')", oneSession)).isEqualTo(Value.bool(true));
    }

    @Test
    void coalesceTakesTheFirstValue() {
        assertThat(eval("coalesce(IMAGING.imaging.scan_date, min(TACE.tace_session.date))", subject))
                .isEqualTo(Value.date("2024-01-20"));
    }
}
