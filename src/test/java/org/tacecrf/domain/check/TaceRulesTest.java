package org.tacecrf.domain.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The built-in TACE rules written in the language, each evaluated on data that pass, fail and
 * cannot be evaluated yet. Paths follow a typical TACE study definition: BASELINE visit, repeating
 * TACE visit (one cycle: the session and its 4-6 week response imaging), AE log, survival follow-up.
 */
class TaceRulesTest {

    private static CheckResult check(String expression, MapValueResolver.Builder data) {
        return Expression.parse(expression).check(data.build());
    }

    @Nested
    class ConsentBeforeEnrolmentBeforeFirstTace {

        static final String RULE = "BASELINE.enrolment.consent_date <= BASELINE.enrolment.enrolment_date"
                + " <= min(TACE.tace_session.date)";

        private MapValueResolver.Builder subject(String consent, String enrolment, String... taceDates) {
            Value[] dates = new Value[taceDates.length];
            for (int i = 0; i < taceDates.length; i++) {
                dates[i] = Value.date(taceDates[i]);
            }
            return MapValueResolver.builder()
                    .date("BASELINE.enrolment.consent_date", consent)
                    .date("BASELINE.enrolment.enrolment_date", enrolment)
                    .list("TACE.tace_session.date", dates);
        }

        @Test
        void passes() {
            assertThat(check(RULE, subject("2024-03-01", "2024-03-04", "2024-03-12", "2024-03-08")).status())
                    .isEqualTo(CheckStatus.PASS);
            // same day is allowed
            assertThat(check(RULE, subject("2024-03-01", "2024-03-01", "2024-03-01")).status()).isEqualTo(CheckStatus.PASS);
        }

        @Test
        void failsWhenTheFirstTaceIsBeforeEnrolment() {
            CheckResult result = check(RULE, subject("2024-03-01", "2024-03-10", "2024-04-02", "2024-03-05"));
            assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(result.explain(Map.of(
                    Reference.of("BASELINE.enrolment.consent_date"), "consent date",
                    Reference.of("BASELINE.enrolment.enrolment_date"), "enrolment date")::get))
                    .isEqualTo("enrolment date 2024-03-10 > [min(TACE.tace_session.date) = 2024-03-05]");
        }

        @Test
        void failsOnConsentAfterEnrolmentEvenBeforeAnyTace() {
            CheckResult result = check(RULE, subject("2024-03-05", "2024-03-01"));
            assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(result.explain()).isEqualTo(
                    "BASELINE.enrolment.consent_date 2024-03-05 > BASELINE.enrolment.enrolment_date 2024-03-01");
        }

        @Test
        void cannotBeEvaluatedBeforeTheFirstTace() {
            CheckResult result = check(RULE, subject("2024-03-01", "2024-03-04"));
            assertThat(result.status()).isEqualTo(CheckStatus.NOT_EVALUABLE);
            assertThat(result.emptyItems()).containsExactly(Reference.of("TACE.tace_session.date"));
            assertThat(result.explain()).isEqualTo("cannot be evaluated while TACE.tace_session.date is empty");
        }
    }

    @Nested
    class ImagingAfterTheTaceItAssesses {

        /** Checked in the imaging form of the TACE cycle: both paths are in the current visit instance. */
        static final String RULE = "scan_date > tace_session.date";

        @Test
        void passFailNotEvaluable() {
            assertThat(check(RULE, MapValueResolver.builder().date("scan_date", "2024-04-15")
                    .date("tace_session.date", "2024-03-12")).status()).isEqualTo(CheckStatus.PASS);
            CheckResult fail = check(RULE, MapValueResolver.builder().date("scan_date", "2024-03-12")
                    .date("tace_session.date", "2024-03-12"));
            assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(fail.explain()).isEqualTo("scan_date 2024-03-12 <= tace_session.date 2024-03-12");
            assertThat(check(RULE, MapValueResolver.builder().date("scan_date", "2024-04-15")).status())
                    .isEqualTo(CheckStatus.NOT_EVALUABLE);
        }

        @Test
        void imagingInItsOwnVisitNeedsAnEarlierTace() {
            String rule = "some(t in TACE.tace_session.date : t < scan_date)";
            MapValueResolver.Builder data = MapValueResolver.builder()
                    .list("TACE.tace_session.date", Value.date("2024-03-12"), Value.date("2024-05-20"));
            assertThat(check(rule, data.date("scan_date", "2024-04-15")).status()).isEqualTo(CheckStatus.PASS);
            CheckResult fail = check(rule, data.date("scan_date", "2024-03-01"));
            assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(fail.explain()).isEqualTo("no value of TACE.tace_session.date (2024-03-12, 2024-05-20) meets 't < scan_date'");
            assertThat(check(rule, MapValueResolver.builder().list("TACE.tace_session.date", Value.date("2024-03-12")))
                    .status()).isEqualTo(CheckStatus.NOT_EVALUABLE);
        }
    }

    @Nested
    class DeathAfterEveryOtherEvent {

        /** On or after: a death on the day of a TACE session (peri-procedural death) is possible. */
        static final String RULE = "SURVIVAL.death.death_date >= max(BASELINE.enrolment.consent_date,"
                + " TACE.tace_session.date, IMAGING.imaging.scan_date, AE.ae.onset_date)";

        private MapValueResolver.Builder subject(String death) {
            MapValueResolver.Builder b = MapValueResolver.builder()
                    .date("BASELINE.enrolment.consent_date", "2024-01-10")
                    .list("TACE.tace_session.date", Value.date("2024-01-20"), Value.date("2024-03-02"))
                    .list("IMAGING.imaging.scan_date", Value.date("2024-02-20"), Value.date("2024-05-11"))
                    .list("AE.ae.onset_date");
            return death == null ? b : b.date("SURVIVAL.death.death_date", death);
        }

        @Test
        void passFailNotEvaluable() {
            assertThat(check(RULE, subject("2024-07-01")).status()).isEqualTo(CheckStatus.PASS);
            assertThat(check(RULE, subject("2024-05-11")).status()).isEqualTo(CheckStatus.PASS);
            CheckResult fail = check(RULE, subject("2024-04-30"));
            assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(fail.explain()).startsWith("SURVIVAL.death.death_date 2024-04-30 < [max(").endsWith(") = 2024-05-11]");
            // alive: no death date, nothing to check
            assertThat(check(RULE, subject(null)).status()).isEqualTo(CheckStatus.NOT_EVALUABLE);
        }

        @Test
        void everyFormGivesTheSameVerdict() {
            String every = "every(d in TACE.tace_session.date : d <= SURVIVAL.death.death_date)"
                    + " and every(d in IMAGING.imaging.scan_date : d <= SURVIVAL.death.death_date)";
            assertThat(check(every, subject("2024-07-01")).status()).isEqualTo(CheckStatus.PASS);
            CheckResult fail = check(every, subject("2024-04-30"));
            assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(fail.explain()).isEqualTo("IMAGING.imaging.scan_date 2024-05-11 > SURVIVAL.death.death_date 2024-04-30");
        }
    }

    @Nested
    class AdverseEventNotBeforeConsent {

        /** Checked in each AE log entry. */
        static final String RULE = "onset_date >= BASELINE.enrolment.consent_date";

        @Test
        void passFailNotEvaluable() {
            MapValueResolver.Builder data = MapValueResolver.builder().date("BASELINE.enrolment.consent_date", "2024-01-10");
            assertThat(check(RULE, data.date("onset_date", "2024-01-10")).status()).isEqualTo(CheckStatus.PASS);
            CheckResult fail = check(RULE, data.date("onset_date", "2024-01-09"));
            assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(fail.explain()).isEqualTo("onset_date 2024-01-09 < BASELINE.enrolment.consent_date 2024-01-10");
            assertThat(check(RULE, MapValueResolver.builder().date("onset_date", "2024-01-09")).status())
                    .isEqualTo(CheckStatus.NOT_EVALUABLE);
        }
    }

    @Nested
    class DirectBilirubinNotAboveTotal {

        final EditCheck check = EditCheck.of("BILI_DIRECT_LE_TOTAL",
                "BASELINE.baseline.bili_direct <= BASELINE.baseline.bili_total",
                "Direct bilirubin ({BASELINE.baseline.bili_direct}) exceeds total bilirubin ({BASELINE.baseline.bili_total})",
                "直接胆红素 ({BASELINE.baseline.bili_direct}) 高于总胆红素 ({BASELINE.baseline.bili_total})",
                CheckSeverity.SOFT, CheckScope.FORM, CheckTarget.item("BASELINE", "baseline", "bili_direct"));

        final Map<Reference, String> labels = Map.of(
                Reference.of("BASELINE.baseline.bili_direct"), "direct bilirubin",
                Reference.of("BASELINE.baseline.bili_total"), "total bilirubin");

        private ValueResolver labs(String direct, String total) {
            return MapValueResolver.builder().number("BASELINE.baseline.bili_direct", direct)
                    .number("BASELINE.baseline.bili_total", total).build();
        }

        @Test
        void passFailNotEvaluable() {
            assertThat(check.evaluate(labs("5.1", "17")).status()).isEqualTo(CheckStatus.PASS);
            assertThat(check.evaluate(labs("17", "17")).status()).isEqualTo(CheckStatus.PASS);
            assertThat(check.evaluate(labs("40", "30")).status()).isEqualTo(CheckStatus.FAIL);
            assertThat(check.evaluate(labs("40", null)).status()).isEqualTo(CheckStatus.NOT_EVALUABLE);
        }

        @Test
        void queryTextShowsTheValuesRead() {
            ValueResolver data = labs("40", "30");
            CheckResult result = check.evaluate(data);
            assertThat(result.explain(labels::get)).isEqualTo("direct bilirubin 40 > total bilirubin 30");
            assertThat(result.itemValues()).containsExactly(
                    Map.entry(Reference.of("BASELINE.baseline.bili_direct"), Value.number(40)),
                    Map.entry(Reference.of("BASELINE.baseline.bili_total"), Value.number(30)));
            assertThat(check.queryText(Locale.ENGLISH, result, data)).isEqualTo("Direct bilirubin (40) exceeds total bilirubin (30)");
            assertThat(check.queryText(Locale.SIMPLIFIED_CHINESE, result, data)).isEqualTo("直接胆红素 (40) 高于总胆红素 (30)");
        }

        @Test
        void explanationOfAPassListsTheValues() {
            assertThat(check.evaluate(labs("5.10", "17")).explain(labels::get))
                    .isEqualTo("passed with direct bilirubin 5.1, total bilirubin 17");
        }

        @Test
        void rerunsWhenEitherBilirubinChanges() {
            assertThat(check.references()).extracting(Reference::path)
                    .containsExactly("BASELINE.baseline.bili_direct", "BASELINE.baseline.bili_total");
            assertThat(check.validate(SchemaValidationTest.TACE_STUDY)).isEmpty();
        }
    }

    @Nested
    class DoseWithinStudyLimit {

        /** The loading limit per vial is a study parameter: it depends on the microsphere product and protocol. */
        static final String RULE = "dose_mg <= $max_dose_per_vial_mg * vials";

        private MapValueResolver.Builder session(String dose, String vials) {
            return MapValueResolver.builder().number("dose_mg", dose).number("vials", vials)
                    .parameter("max_dose_per_vial_mg", Value.number(75));
        }

        @Test
        void passFailNotEvaluable() {
            assertThat(check(RULE, session("150", "2")).status()).isEqualTo(CheckStatus.PASS);
            CheckResult fail = check(RULE, session("100", "1"));
            assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(fail.explain()).isEqualTo("dose_mg 100 > [$max_dose_per_vial_mg * vials = 75]");
            assertThat(fail.parameterValues()).containsEntry("max_dose_per_vial_mg", Value.number(75));
            assertThat(check(RULE, session("100", null)).status()).isEqualTo(CheckStatus.NOT_EVALUABLE);
        }

        @Test
        void undefinedParameterIsAnErrorNotAQuery() {
            CheckResult result = check(RULE, MapValueResolver.builder().number("dose_mg", "100").number("vials", "1"));
            assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
            assertThat(result.fired()).isFalse();
            assertThat(result.error()).get().satisfies(e -> {
                assertThat(e.reason()).isEqualTo("study parameter 'max_dose_per_vial_mg' is not defined");
                assertThat(e.column()).isEqualTo(12);
            });
        }
    }

    @Nested
    class CalculatedItems {

        static final String BMI = "round(weight_kg / (height_cm / 100) ^ 2, 1)";

        /** ALBI = 0.66 × log10(bilirubin µmol/L) − 0.085 × albumin g/L (Johnson et al., J Clin Oncol 2015). */
        static final String ALBI = "round(0.66 * log10(bili_total) - 0.085 * albumin, 3)";

        @Test
        void bodyMassIndex() {
            Expression bmi = Expression.parse(BMI);
            assertThat(bmi.evaluate(MapValueResolver.builder().number("weight_kg", "70").number("height_cm", "175").build()))
                    .isEqualTo(Value.number("22.9"));
            assertThat(bmi.evaluate(MapValueResolver.builder().number("weight_kg", "58.5").number("height_cm", "162").build()))
                    .isEqualTo(Value.number("22.3"));
            assertThat(bmi.evaluate(MapValueResolver.builder().number("weight_kg", "70").build()).isNull()).isTrue();
            assertThat(bmi.evaluate(MapValueResolver.builder().number("weight_kg", "70").number("height_cm", "0").build())
                    .isNull()).isTrue();
            assertThat(Expression.parse("round(weight_kg / pow(height_cm / 100, 2), 1)")
                    .evaluate(MapValueResolver.builder().number("weight_kg", "70").number("height_cm", "175").build()))
                    .isEqualTo(Value.number("22.9"));
        }

        @Test
        void albiScoreMatchesTheWorkedValues() {
            Expression albi = Expression.parse(ALBI);
            assertThat(albi.evaluate(MapValueResolver.builder().number("bili_total", "17").number("albumin", "40").build()))
                    .isEqualTo(Value.number("-2.588"));
            assertThat(albi.evaluate(MapValueResolver.builder().number("bili_total", "51").number("albumin", "25").build()))
                    .isEqualTo(Value.number("-0.998"));
        }
    }
}
