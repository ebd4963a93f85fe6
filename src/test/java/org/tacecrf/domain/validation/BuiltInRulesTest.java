package org.tacecrf.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.check.CheckStatus;
import org.tacecrf.domain.study.EditCheckDef;

/**
 * The built-in TACE rules of the form library at their edges: equal dates, one day either side,
 * equal values, limits exactly reached, and empty values (not evaluable, never a failure).
 */
class BuiltInRulesTest {

    private static final CheckRunner RUNNER = new CheckRunner(Casebook.DEMO);
    private static final LocalDate TODAY = LocalDate.of(2025, 1, 1);

    private static List<CheckOutcome> run(Casebook c, String checkId) {
        return RUNNER.runChecks(c.subject(), List.of(checkId), TODAY);
    }

    private static CheckOutcome one(Casebook c, String checkId) {
        List<CheckOutcome> outcomes = run(c, checkId);
        assertThat(outcomes).as(checkId).hasSize(1);
        return outcomes.get(0);
    }

    private static CheckStatus status(Casebook c, String checkId) {
        return one(c, checkId).status();
    }

    private static Casebook enrolled(String consent, String enrolment) {
        Casebook c = new Casebook();
        c.form(c.visit("screening", 1, enrolment), "enrolment", "consent_date=" + consent, "enrolment_date=" + enrolment,
                "arm=deb");
        return c;
    }

    private static void sessions(Casebook c, String... dates) {
        for (int i = 0; i < dates.length; i++) {
            c.form(c.visit("tace", i + 1, dates[i]), "tace_session", "procedure_date=" + dates[i], "technique=DEB_TACE");
        }
    }

    // ---- order of dates ---------------------------------------------------------------------

    @Test
    void consentOnTheDayOfEnrolmentPassesAndEnrolmentTheDayBeforeBlocksTheForm() {
        assertThat(status(enrolled("2024-01-05", "2024-01-05"), "dates_consent_enrolment")).isEqualTo(CheckStatus.PASS);

        CheckOutcome early = one(enrolled("2024-01-05", "2024-01-04"), "dates_consent_enrolment");
        assertThat(early.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(early.blocksCompletion()).isTrue();
        assertThat(early.messageEnglish())
                .isEqualTo("The enrolment date (2024-01-04) is before the date of informed consent (2024-01-05).");
        assertThat(early.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("入组日期 (2024-01-04) 早于知情同意日期 (2024-01-05)。");
        assertThat(early.target().item()).isEqualTo(new ItemKey("enrolment", 1, "enrolment_date"));

        Casebook noConsent = new Casebook();
        noConsent.form(noConsent.visit("screening", 1, null), "enrolment", "enrolment_date=2024-01-04");
        assertThat(status(noConsent, "dates_consent_enrolment")).isEqualTo(CheckStatus.NOT_EVALUABLE);
    }

    @Test
    void everyTaceSessionIsOnOrAfterEnrolment() {
        Casebook c = enrolled("2024-01-02", "2024-01-05");
        sessions(c, "2024-01-05", "2024-01-04");

        List<CheckOutcome> outcomes = run(c, "dates_enrolment_first_tace");
        assertThat(outcomes).extracting(CheckOutcome::status).containsExactly(CheckStatus.PASS, CheckStatus.FAIL);
        assertThat(outcomes.get(1).raisesQuery()).isTrue();
        assertThat(outcomes.get(1).messageEnglish())
                .isEqualTo("The TACE session (2024-01-04) is before the enrolment date (2024-01-05).");

        Casebook notEnrolled = new Casebook();
        sessions(notEnrolled, "2024-01-04");
        assertThat(status(notEnrolled, "dates_enrolment_first_tace")).isEqualTo(CheckStatus.NOT_EVALUABLE);
    }

    @Test
    void responseImagingIsAfterTheFirstTace() {
        Casebook sameDay = new Casebook();
        sessions(sameDay, "2024-02-01", "2024-03-01");
        sameDay.form(sameDay.visit("fu_1m", 1, "2024-02-01"), "imaging_assessment", "assessment_date=2024-02-01");
        assertThat(status(sameDay, "dates_imaging_after_tace")).isEqualTo(CheckStatus.FAIL);

        Casebook nextDay = new Casebook();
        sessions(nextDay, "2024-03-01", "2024-02-01");
        nextDay.form(nextDay.visit("fu_1m", 1, "2024-02-02"), "imaging_assessment", "assessment_date=2024-02-02");
        assertThat(status(nextDay, "dates_imaging_after_tace")).isEqualTo(CheckStatus.PASS);

        Casebook noTace = new Casebook();
        noTace.form(noTace.visit("fu_1m", 1, "2024-02-02"), "imaging_assessment", "assessment_date=2024-02-02");
        assertThat(status(noTace, "dates_imaging_after_tace")).isEqualTo(CheckStatus.NOT_EVALUABLE);
    }

    @Test
    void responseImagingAssessesTheLatestSessionBeforeIt() {
        // Sessions on 1 Feb and 1 Mar. Between them and after both, the scan follows the session it
        // assesses; on 1 Mar it is the scan that decided on the second session and assesses the first.
        for (String scan : List.of("2024-02-02", "2024-02-29", "2024-03-01", "2024-03-02")) {
            Casebook c = new Casebook();
            sessions(c, "2024-02-01", "2024-03-01");
            c.form(c.visit("fu_1m", 1, scan), "imaging_assessment", "assessment_date=" + scan);
            assertThat(status(c, "dates_imaging_after_tace")).as(scan).isEqualTo(CheckStatus.PASS);
        }
        // Before the first session it assesses none, whatever sessions come later.
        Casebook before = new Casebook();
        sessions(before, "2024-03-01", "2024-02-01");
        before.form(before.visit("fu_1m", 1, "2024-01-31"), "imaging_assessment", "assessment_date=2024-01-31");
        CheckOutcome early = one(before, "dates_imaging_after_tace");
        assertThat(early.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(early.raisesQuery()).isTrue();
        assertThat(early.messageEnglish()).startsWith("The response assessment (2024-01-31) is not after the first TACE session")
                .contains("2024-02-01");
    }

    private static Casebook death(String deathDate) {
        Casebook c = enrolled("2024-01-02", "2024-01-05");
        sessions(c, "2024-02-01");
        SubjectData.VisitInstance logs = c.visit("logs", 1, null);
        c.form(logs, "adverse_event", "#repeat=1", "ae_onset_date=2024-03-05");
        c.form(logs, "adverse_event", "#repeat=2", "ae_onset_date=2024-02-10");
        c.form(c.visit("survival", 1, "2024-06-01"), "survival_contact", "contact_date=2024-06-01", "vital_status=DEAD",
                "death_date=" + deathDate);
        c.form(c.visit("end_of_study", 1, "2024-06-01"), "end_of_study", "eos_status=DIED", "eos_death_date=" + deathDate);
        return c;
    }

    @Test
    void deathIsOnOrAfterEveryOtherEvent() {
        assertThat(status(death("2024-03-05"), "dates_death_after_events")).isEqualTo(CheckStatus.PASS);
        assertThat(status(death("2024-03-05"), "dates_eos_death_after_events")).isEqualTo(CheckStatus.PASS);

        CheckOutcome early = one(death("2024-03-04"), "dates_death_after_events");
        assertThat(early.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(early.messageEnglish()).isEqualTo("The date of death (2024-03-04) is before another event of the"
                + " subject: TACE 2024-02-01; imaging empty; adverse event onset 2024-03-05, 2024-02-10; other treatment empty.");
        assertThat(status(death("2024-03-04"), "dates_eos_death_after_events")).isEqualTo(CheckStatus.FAIL);

        assertThat(status(death("2024-01-02"), "dates_death_after_consent")).isEqualTo(CheckStatus.PASS);
        assertThat(status(death("2024-01-01"), "dates_death_after_consent")).isEqualTo(CheckStatus.FAIL);
        assertThat(status(death("2024-01-01"), "dates_eos_death_after_consent")).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void deathWithoutAnyOtherEventCannotBeChecked() {
        Casebook c = new Casebook();
        c.form(c.visit("end_of_study", 1, "2024-06-01"), "end_of_study", "eos_status=DIED", "eos_death_date=2024-05-01");
        assertThat(status(c, "dates_eos_death_after_events")).isEqualTo(CheckStatus.NOT_EVALUABLE);
    }

    @Test
    void aContactRecordsTheSubjectAliveOnlyUpToTheDateOfDeath() {
        Casebook c = new Casebook();
        c.form(c.visit("survival", 1, "2024-07-20"), "survival_contact", "contact_date=2024-07-20", "vital_status=ALIVE");
        c.form(c.visit("survival", 2, "2024-07-21"), "survival_contact", "contact_date=2024-07-21", "vital_status=ALIVE");
        c.form(c.visit("survival", 3, "2024-08-01"), "survival_contact", "contact_date=2024-08-01", "vital_status=DEAD",
                "death_date=2024-07-20");
        assertThat(run(c, "dates_contact_before_death")).extracting(CheckOutcome::status)
                .containsExactly(CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.PASS);

        Casebook alive = new Casebook();
        alive.form(alive.visit("survival", 1, "2024-07-20"), "survival_contact", "contact_date=2024-07-20",
                "vital_status=ALIVE");
        assertThat(status(alive, "dates_contact_before_death")).isEqualTo(CheckStatus.NOT_EVALUABLE);
    }

    @Test
    void adverseEventsStartAfterConsentAndResolveAfterOnset() {
        Casebook c = enrolled("2024-01-02", "2024-01-05");
        SubjectData.VisitInstance logs = c.visit("logs", 1, null);
        SubjectData.FormInstance onConsent = c.form(logs, "adverse_event", "#repeat=1", "ae_onset_date=2024-01-02",
                "ae_ongoing=N", "ae_resolution_date=2024-01-02");
        SubjectData.FormInstance before = c.form(logs, "adverse_event", "#repeat=2", "ae_onset_date=2024-01-01",
                "ae_ongoing=N", "ae_resolution_date=2023-12-31");
        c.form(logs, "adverse_event", "#repeat=3", "ae_ongoing=Y");

        List<CheckOutcome> onset = run(c, "dates_ae_onset_after_consent");
        assertThat(onset).extracting(CheckOutcome::status)
                .containsExactly(CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.NOT_EVALUABLE);
        assertThat(onset.get(1).target()).isEqualTo(new OutcomeTarget(logs.id(), before.id(),
                new ItemKey("event", 1, "ae_onset_date")));
        assertThat(onset.get(0).target().formInstanceId()).isEqualTo(onConsent.id());
        assertThat(run(c, "dates_ae_resolution_after_onset")).extracting(CheckOutcome::status)
                .containsExactly(CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.NOT_EVALUABLE);
    }

    @Test
    void anotherTreatmentStopsOnOrAfterItsStart() {
        Casebook c = new Casebook();
        SubjectData.VisitInstance logs = c.visit("logs", 1, null);
        c.form(logs, "other_treatment", "#repeat=1", "start_date=2024-04-01", "ongoing=N", "stop_date=2024-04-01");
        c.form(logs, "other_treatment", "#repeat=2", "start_date=2024-04-01", "ongoing=N", "stop_date=2024-03-31");
        c.form(logs, "other_treatment", "#repeat=3", "start_date=2024-04-01", "ongoing=Y");
        assertThat(run(c, "dates_treatment_stop_after_start")).extracting(CheckOutcome::status)
                .containsExactly(CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.NOT_EVALUABLE);
    }

    @Test
    void doseChangesLieWithinTheTreatment() {
        Casebook c = new Casebook();
        SubjectData.VisitInstance logs = c.visit("logs", 1, null);
        c.form(logs, "other_treatment", "#repeat=1", "start_date=2024-04-01", "ongoing=N", "stop_date=2024-06-01",
                "modification_date#1=2024-04-01", "modification_date#2=2024-06-01", "modification_date#3=2024-06-02",
                "modification_date#4=2024-03-31");
        c.form(logs, "other_treatment", "#repeat=2", "start_date=2024-04-01", "ongoing=Y",
                "modification_date#1=2025-01-01");
        assertThat(run(c, "dates_dose_change_within_treatment")).extracting(CheckOutcome::status)
                .containsExactly(CheckStatus.PASS, CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.FAIL, CheckStatus.PASS);
    }

    @Test
    void theSiteLearnsOfASeriousEventOnOrAfterItsOnset() {
        Casebook c = new Casebook();
        SubjectData.VisitInstance logs = c.visit("logs", 1, null);
        c.form(logs, "adverse_event", "#repeat=1", "ae_onset_date=2024-01-02", "ae_serious=Y", "date_aware=2024-01-02");
        c.form(logs, "adverse_event", "#repeat=2", "ae_onset_date=2024-01-02", "ae_serious=Y", "date_aware=2024-01-01");
        assertThat(run(c, "dates_ae_aware_after_onset")).extracting(CheckOutcome::status)
                .containsExactly(CheckStatus.PASS, CheckStatus.FAIL);
    }

    @Test
    void baselineImagingAtMostTheParameterDaysBeforeTheFirstTaceIsADeviationOtherwise() {
        for (String[] edge : new String[][] {{"2024-01-04", "PASS"}, {"2024-01-03", "FAIL"}, {"2024-02-01", "PASS"},
                {"2024-02-02", "FAIL"}}) {
            Casebook c = new Casebook();
            sessions(c, "2024-02-01");
            c.form(c.visit("baseline", 1, edge[0]), "baseline_imaging", "imaging_date=" + edge[0]);
            CheckOutcome outcome = one(c, "baseline_imaging_window");
            assertThat(outcome.status()).as(edge[0]).isEqualTo(CheckStatus.valueOf(edge[1]));
            assertThat(outcome.kind()).isEqualTo(EditCheckDef.Kind.DEVIATION);
            assertThat(outcome.recordsDeviation()).isEqualTo(outcome.failed());
            assertThat(outcome.raisesQuery()).isFalse();
            if (outcome.status() == CheckStatus.PASS) {
                assertThat(outcome.values()).containsEntry("$baseline_imaging_max_days",
                        org.tacecrf.domain.check.Value.number(28));
            }
        }
    }

    // ---- plausibility ---------------------------------------------------------------------

    @Test
    void directBilirubinEqualToTotalPassesAndAboveItFailsInEveryLabForm() {
        Casebook c = new Casebook();
        c.form(c.visit("baseline", 1, "2024-01-20"), "baseline", "total_bilirubin=20", "direct_bilirubin=20");
        SubjectData.VisitInstance tace = c.visit("tace", 1, "2024-02-01");
        c.form(tace, "post_labs", "total_bilirubin=20");
        c.form(c.visit("fu_1m", 1, "2024-03-01"), "labs", "total_bilirubin=20", "direct_bilirubin=20.1");

        assertThat(status(c, "bilirubin_direct_total_baseline")).isEqualTo(CheckStatus.PASS);
        assertThat(status(c, "bilirubin_direct_total_post_labs")).isEqualTo(CheckStatus.NOT_EVALUABLE);
        CheckOutcome labs = one(c, "bilirubin_direct_total_labs");
        assertThat(labs.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(labs.messageEnglish()).isEqualTo("Direct bilirubin (20.1 umol/L) is higher than total bilirubin (20 umol/L).");
        assertThat(labs.explanation()).isEqualTo("Direct bilirubin 20.1 > Total bilirubin 20");
    }

    @Test
    void theDoseExactlyAtTheLoadingLimitPassesRowByRow() {
        Casebook c = new Casebook();
        SubjectData.VisitInstance tace = c.visit("tace", 1, "2024-02-01");
        SubjectData.FormInstance session = c.form(tace, "tace_session", "procedure_date=2024-02-01",
                "drug#1=EPIRUBICIN", "vials#1=1.5", "dose_loaded_mg#1=120",
                "drug#2=EPIRUBICIN", "vials#2=1.5", "dose_loaded_mg#2=120.1",
                "drug#3=LOBAPLATIN", "vials#3=1", "dose_loaded_mg#3=300");

        List<CheckOutcome> outcomes = run(c, "dose_within_vial_limit");

        assertThat(outcomes).extracting(CheckOutcome::status)
                .containsExactly(CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.NOT_EVALUABLE);
        assertThat(outcomes).extracting(o -> o.target().item()).containsExactly(
                new ItemKey("microspheres", 1, "dose_loaded_mg"), new ItemKey("microspheres", 2, "dose_loaded_mg"),
                new ItemKey("microspheres", 3, "dose_loaded_mg"));
        assertThat(outcomes.get(1).target().formInstanceId()).isEqualTo(session.id());
        assertThat(outcomes.get(1).messageEnglish())
                .isEqualTo("120.1 mg of EPIRUBICIN in 1.5 vials exceeds the study's maximum of 80 mg per vial.");
        assertThat(outcomes.get(1).values()).containsEntry("$max_dose_per_vial_mg",
                org.tacecrf.domain.check.Value.number(80));
    }

    @Test
    void bodyMassIndexBetween12And60IsPlausible() {
        for (String[] edge : new String[][] {{"70", "170", "PASS"}, {"135", "150", "PASS"}, {"135.1", "150", "FAIL"},
                {"27", "150", "PASS"}, {"26.9", "150", "FAIL"}, {"70", "50", "FAIL"}}) {
            Casebook c = new Casebook();
            c.form(c.visit("baseline", 1, "2024-01-20"), "baseline", "weight=" + edge[0], "height=" + edge[1]);
            assertThat(status(c, "bmi_plausible")).as(edge[0] + " kg, " + edge[1] + " cm")
                    .isEqualTo(CheckStatus.valueOf(edge[2]));
        }
        Casebook noHeight = new Casebook();
        noHeight.form(noHeight.visit("baseline", 1, "2024-01-20"), "baseline", "weight=70");
        assertThat(status(noHeight, "bmi_plausible")).isEqualTo(CheckStatus.NOT_EVALUABLE);
    }

    // ---- recorded against computed --------------------------------------------------------

    @Test
    void theInvestigatorsStageAndResponsesAreComparedWithTheComputedOnes() {
        Casebook c = new Casebook();
        c.form(c.visit("baseline", 1, "2024-01-20"), "baseline", "bclc_stage=B", "bclc_suggested=C",
                "child_pugh_investigator=A", "child_pugh_class=A");
        SubjectData.VisitInstance fu = c.visit("fu_1m", 1, "2024-03-01");
        c.form(fu, "imaging_assessment", "mrecist_investigator=PR", "mrecist_derived=PR", "recist_investigator=SD");

        CheckOutcome bclc = one(c, "bclc_stage_vs_suggested");
        assertThat(bclc.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(bclc.raisesQuery()).isTrue();
        assertThat(bclc.messageEnglish()).isEqualTo("The investigator's BCLC stage (B) differs from the stage suggested"
                + " by the data (C); please confirm or correct.");
        assertThat(status(c, "child_pugh_investigator_vs_computed")).isEqualTo(CheckStatus.PASS);
        assertThat(status(c, "mrecist_investigator_vs_computed")).isEqualTo(CheckStatus.PASS);
        assertThat(status(c, "recist_investigator_vs_computed")).isEqualTo(CheckStatus.NOT_EVALUABLE);
    }

    @Test
    void readersWhoDisagreeOnTheComputedResponseAskForTheAdjudicator() {
        Casebook c = new Casebook();
        SubjectData.VisitInstance scan = c.visit("fu_1m", 1, "2024-03-01");
        c.form(scan, "imaging_assessment", "#repeat=1", "reader=R1", "mrecist_derived=PR", "recist_derived=SD");
        assertThat(status(c, "double_reading_mrecist_adjudication")).as("the second reader has not read yet")
                .isEqualTo(CheckStatus.PASS);
        c.form(scan, "imaging_assessment", "#repeat=2", "reader=R2", "mrecist_derived=SD", "recist_derived=SD");

        List<CheckOutcome> mrecist = run(c, "double_reading_mrecist_adjudication");
        assertThat(mrecist).extracting(CheckOutcome::status).containsExactly(CheckStatus.FAIL, CheckStatus.FAIL);
        assertThat(mrecist).allMatch(CheckOutcome::raisesQuery);
        assertThat(mrecist.get(1).target().item()).isEqualTo(new ItemKey("scan", 1, "reader"));
        assertThat(mrecist.get(1).messageEnglish())
                .isEqualTo("The two readers' mRECIST responses differ (PR, SD): the adjudicator's reading is needed.");
        assertThat(run(c, "double_reading_recist_adjudication")).extracting(CheckOutcome::status)
                .containsExactly(CheckStatus.PASS, CheckStatus.PASS);

        // The adjudicator's assessment settles the scan.
        c.form(scan, "imaging_assessment", "#repeat=3", "reader=ADJ", "mrecist_derived=PR");
        assertThat(run(c, "double_reading_mrecist_adjudication")).extracting(CheckOutcome::status)
                .containsOnly(CheckStatus.PASS);

        // A response not computed yet (lesions missing) waits; single reading is never questioned.
        Casebook waiting = new Casebook();
        SubjectData.VisitInstance v = waiting.visit("fu_1m", 1, "2024-03-01");
        waiting.form(v, "imaging_assessment", "#repeat=1", "reader=R1", "mrecist_derived=PR");
        waiting.form(v, "imaging_assessment", "#repeat=2", "reader=R2");
        assertThat(run(waiting, "double_reading_mrecist_adjudication")).extracting(CheckOutcome::status)
                .containsExactly(CheckStatus.NOT_EVALUABLE, CheckStatus.NOT_EVALUABLE);
        Casebook single = new Casebook();
        SubjectData.VisitInstance s = single.visit("fu_1m", 1, "2024-03-01");
        single.form(s, "imaging_assessment", "#repeat=1", "mrecist_derived=PR");
        single.form(s, "imaging_assessment", "#repeat=2", "mrecist_derived=SD");
        assertThat(run(single, "double_reading_mrecist_adjudication")).extracting(CheckOutcome::status)
                .doesNotContain(CheckStatus.FAIL);
    }

    @Test
    void anInvestigatorsResponseThatDiffersFromTheComputedOneRaisesAQuery() {
        Casebook c = new Casebook();
        SubjectData.VisitInstance fu = c.visit("fu_1m", 1, "2024-03-01");
        c.form(fu, "imaging_assessment", "mrecist_investigator=CR", "mrecist_derived=PR",
                "recist_investigator=SD", "recist_derived=PD");

        CheckOutcome mrecist = one(c, "mrecist_investigator_vs_computed");
        assertThat(mrecist.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(mrecist.raisesQuery()).isTrue();
        assertThat(mrecist.blocksCompletion()).isFalse();
        assertThat(mrecist.target().item()).isEqualTo(new ItemKey("response", 1, "mrecist_investigator"));
        assertThat(mrecist.messageEnglish()).isEqualTo("The investigator's mRECIST response (CR) differs from the response"
                + " computed from the measurements (PR).");

        CheckOutcome recist = one(c, "recist_investigator_vs_computed");
        assertThat(recist.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(recist.raisesQuery()).isTrue();
        assertThat(recist.messageEnglish()).isEqualTo("The investigator's RECIST 1.1 response (SD) differs from the response"
                + " computed from the measurements (PD).");
    }
}
