package org.tacecrf.domain.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parse once, evaluate many times: a batch run evaluates a rule for thousands of subjects. No timing
 * is asserted (the build machine is shared); the counts show every evaluation really ran.
 * {@link #main} prints evaluations per second for a manual look.
 */
class ThroughputTest {

    static final String RULE = "BASELINE.enrolment.consent_date <= BASELINE.enrolment.enrolment_date"
            + " <= min(TACE.tace_session.date) and BASELINE.baseline.bili_direct <= BASELINE.baseline.bili_total"
            + " and every(d in TACE.tace_session.date : days(BASELINE.enrolment.enrolment_date, d) <= 365)";

    /** Four subjects: pass, fail on bilirubin, fail on TACE date, not evaluable (no TACE yet). */
    static final ValueResolver[] SUBJECTS = {
            subject("17", "2024-01-20"),
            subject("40", "2024-01-20"),
            subject("17", "2026-01-20"),
            subject("17", null)};

    private static ValueResolver subject(String direct, String tace) {
        return MapValueResolver.builder()
                .date("BASELINE.enrolment.consent_date", "2024-01-02")
                .date("BASELINE.enrolment.enrolment_date", "2024-01-05")
                .number("BASELINE.baseline.bili_direct", direct)
                .number("BASELINE.baseline.bili_total", "30")
                .list("TACE.tace_session.date", tace == null ? new Value[0]
                        : new Value[] {Value.date("2024-01-15"), Value.date(tace), Value.date("2024-03-01")})
                .build();
    }

    static Map<CheckStatus, Integer> run(Expression rule, int evaluations) {
        Map<CheckStatus, Integer> counts = new EnumMap<>(CheckStatus.class);
        for (int i = 0; i < evaluations; i++) {
            counts.merge(rule.check(SUBJECTS[i % SUBJECTS.length]).status(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void hundredThousandEvaluationsOfOneParsedRule() {
        Map<CheckStatus, Integer> counts = run(Expression.parse(RULE), 100_000);
        assertThat(counts).containsEntry(CheckStatus.PASS, 25_000)
                .containsEntry(CheckStatus.FAIL, 50_000)
                .containsEntry(CheckStatus.NOT_EVALUABLE, 25_000)
                .doesNotContainKey(CheckStatus.ERROR);
    }

    /** Micro benchmark: {@code java -cp target/classes:target/test-classes org.tacecrf.domain.check.ThroughputTest}. */
    public static void main(String[] args) {
        Expression rule = Expression.parse(RULE);
        run(rule, 200_000);
        int n = 1_000_000;
        long start = System.nanoTime();
        run(rule, n);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d evaluations in %.2f s: %.0f per second%n", n, seconds, n / seconds);
    }
}
