package org.tacecrf.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.check.CheckScope;
import org.tacecrf.domain.check.CheckSeverity;
import org.tacecrf.domain.check.CheckStatus;
import org.tacecrf.domain.study.EditCheckDef;
import org.tacecrf.domain.study.StudyCatalog;
import org.tacecrf.domain.study.StudyDefinition;

/** Which checks run when, where their outcomes belong, and what a hard, soft or failed-to-run check means. */
class CheckRunnerTest {

    private static final CheckRunner RUNNER = new CheckRunner(Casebook.DEMO);
    private static final LocalDate TODAY = LocalDate.of(2025, 1, 1);

    private static List<CheckOutcome> of(List<CheckOutcome> outcomes, String checkId) {
        return outcomes.stream().filter(o -> o.checkId().equals(checkId)).toList();
    }

    private static List<String> ids(List<CheckOutcome> outcomes) {
        return outcomes.stream().map(CheckOutcome::checkId).distinct().toList();
    }

    @Test
    void savingAFormRunsItsItemAndFormChecksWithTheUnsavedValues() {
        Casebook c = new Casebook();
        SubjectData.VisitInstance bl = c.visit("baseline", 1, "2024-01-20");
        SubjectData.FormInstance saved = c.form(bl, "baseline", "ecog=1", "weight=70", "height=170");
        SubjectData.FormInstance unsaved = c.instance(bl, "baseline", 1, saved.id(), "ecog=3", "weight=70", "height=170");

        List<CheckOutcome> outcomes = RUNNER.runForm(c.subject(), unsaved, TODAY);

        assertThat(ids(outcomes)).contains("ecog_0_to_2", "bmi_plausible", "bilirubin_direct_total_baseline",
                "bclc_stage_vs_suggested", "child_pugh_investigator_vs_computed", "baseline_weight_rounded")
                .doesNotContain("dates_consent_enrolment", "visit_window", "session_technique_deb");
        CheckOutcome ecog = of(outcomes, "ecog_0_to_2").get(0);
        assertThat(ecog.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(ecog.severity()).isEqualTo(CheckSeverity.HARD);
        assertThat(ecog.blocksCompletion()).isTrue();
        assertThat(ecog.raisesQuery()).isFalse();
        assertThat(CheckOutcome.anyBlocking(outcomes)).isTrue();
        assertThat(ecog.messageEnglish()).isEqualTo("ECOG 3 excludes the subject.");
        assertThat(ecog.message(Locale.CHINA)).isEqualTo("ECOG 3 应排除。");
        assertThat(ecog.target()).isEqualTo(new OutcomeTarget(bl.id(), saved.id(), new ItemKey("performance_status", 1, "ecog")));
        assertThat(ecog.key()).isEqualTo("ecog_0_to_2@v" + bl.id() + "/f" + saved.id() + "/performance_status[1].ecog");
        // the stored form is unchanged
        assertThat(of(RUNNER.runSubject(c.subject(), TODAY), "ecog_0_to_2").get(0).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aNewFormInstanceIsCheckedAsIfItWereSaved() {
        Casebook c = new Casebook();
        SubjectData.VisitInstance tace = c.visit("tace", 1, "2024-02-01");
        SubjectData.FormInstance fresh = c.instance(tace, "tace_session", 1, 5000, "procedure_date=2024-02-01",
                "technique=CTACE");

        List<CheckOutcome> outcomes = RUNNER.runForm(c.subject(), fresh, TODAY);

        CheckOutcome technique = of(outcomes, "session_technique_deb").get(0);
        assertThat(technique.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(technique.scope()).isEqualTo(CheckScope.FORM);
        assertThat(technique.raisesQuery()).isTrue();
        assertThat(technique.target()).isEqualTo(new OutcomeTarget(tace.id(), 5000L, null));
        assertThat(technique.messageChinese()).isEqualTo(technique.messageEnglish()).isEqualTo("The study treats with DEB-TACE.");
        // a subject check reading the sessions runs too
        assertThat(of(outcomes, "at_most_three_sessions")).extracting(CheckOutcome::status).containsExactly(CheckStatus.PASS);
    }

    @Test
    void visitChecksRunAtEveryOccurrenceOfTheirVisitAndWhenAFormTheyReadIsSaved() {
        Casebook c = new Casebook();
        SubjectData.VisitInstance fu = c.visit("fu_1m", 1, "2024-03-02");
        c.form(fu, "imaging_assessment", "assessment_date=2024-03-02");
        SubjectData.FormInstance labs = c.form(fu, "labs", "total_bilirubin=10");

        CheckOutcome missing = of(RUNNER.runSubject(c.subject(), TODAY), "labs_at_one_month").get(0);
        assertThat(missing.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(missing.scope()).isEqualTo(CheckScope.VISIT);
        assertThat(missing.target()).isEqualTo(new OutcomeTarget(fu.id(), labs.id(), null));

        SubjectData.FormInstance dated = c.instance(fu, "labs", 1, labs.id(), "lab_date=2024-03-02", "total_bilirubin=10");
        assertThat(of(RUNNER.runForm(c.subject(), dated, TODAY), "labs_at_one_month"))
                .extracting(CheckOutcome::status).containsExactly(CheckStatus.PASS);
    }

    @Test
    void aSubjectCheckReportsOnItsFormWhenTheSubjectHasOneInstanceOfIt() {
        Casebook c = new Casebook();
        SubjectData.VisitInstance screening = c.visit("screening", 1, "2024-01-02");
        SubjectData.FormInstance enrolment = c.form(screening, "enrolment", "consent_date=2024-01-02",
                "enrolment_date=2024-01-05");
        for (int i = 1; i <= 4; i++) {
            String date = "2024-0" + (i + 1) + "-01";
            c.form(c.visit("tace", i, date), "tace_session", "procedure_date=" + date);
        }

        CheckOutcome many = of(RUNNER.runSubject(c.subject(), TODAY), "at_most_three_sessions").get(0);

        assertThat(many.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(many.scope()).isEqualTo(CheckScope.SUBJECT);
        assertThat(many.target()).isEqualTo(new OutcomeTarget(screening.id(), enrolment.id(),
                new ItemKey("enrolment", 1, "enrolment_date")));
        assertThat(many.messageEnglish()).isEqualTo("2024-02-01, 2024-03-01, 2024-04-01, 2024-05-01: more than three TACE sessions.");

        Casebook noEnrolment = new Casebook();
        noEnrolment.form(noEnrolment.visit("tace", 1, "2024-02-01"), "tace_session", "procedure_date=2024-02-01");
        assertThat(of(RUNNER.runSubject(noEnrolment.subject(), TODAY), "at_most_three_sessions").get(0).target())
                .isEqualTo(OutcomeTarget.SUBJECT);
    }

    @Test
    void aCheckThatCannotBeComputedIsAnErrorForDataManagementNotAQuery() {
        Casebook c = new Casebook();
        c.form(c.visit("baseline", 1, "2024-01-20"), "baseline", "weight=70");

        CheckOutcome error = of(RUNNER.runSubject(c.subject(), TODAY), "baseline_weight_rounded").get(0);

        assertThat(error.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(error.failed() || error.raisesQuery() || error.blocksCompletion() || error.recordsDeviation()).isFalse();
        assertThat(error.explanation()).contains("round() needs a whole number of places");
    }

    @Test
    void theChecksReadingAnItemAreThoseToRunAgainWhenItChanges() {
        assertThat(RUNNER.checksReading("enrolment", "consent_date")).extracting(EditCheckDef::id).containsExactly(
                "dates_consent_enrolment", "dates_death_after_consent", "dates_eos_death_after_consent",
                "dates_ae_onset_after_consent");
        assertThat(RUNNER.checksReading("tace_session", "procedure_date")).extracting(EditCheckDef::id).contains(
                "dates_enrolment_first_tace", "dates_imaging_after_tace", "dates_death_after_events",
                "baseline_imaging_window", "at_most_three_sessions");
        assertThat(RUNNER.checksReading("tace_session", "drug")).extracting(EditCheckDef::id)
                .containsExactly("dose_within_vial_limit");
        assertThat(RUNNER.checksReading("eligibility", "criterion_applies")).extracting(EditCheckDef::id)
                .containsExactly("eligibility_not_met");
        assertThat(RUNNER.checksReading("baseline", "smoking")).isEmpty();
    }

    @Test
    void changingTheConsentDateRerunsTheChecksOfOtherFormsThatReadIt() {
        Casebook c = new Casebook();
        SubjectData.VisitInstance screening = c.visit("screening", 1, "2024-01-02");
        SubjectData.FormInstance enrolment = c.form(screening, "enrolment", "consent_date=2024-01-02",
                "enrolment_date=2024-01-05");
        SubjectData.VisitInstance logs = c.visit("logs", 1, null);
        c.form(logs, "adverse_event", "ae_onset_date=2024-01-03");
        SubjectData.FormInstance later = c.instance(screening, "enrolment", 1, enrolment.id(), "consent_date=2024-01-04",
                "enrolment_date=2024-01-05");
        CheckSubject changed = c.subject().withForm(later);

        List<String> rerun = RUNNER.checksReading("enrolment", "consent_date").stream().map(EditCheckDef::id).toList();
        List<CheckOutcome> outcomes = RUNNER.runChecks(changed, rerun, TODAY);

        assertThat(of(outcomes, "dates_ae_onset_after_consent")).extracting(CheckOutcome::status)
                .containsExactly(CheckStatus.FAIL);
        assertThat(of(outcomes, "dates_consent_enrolment")).extracting(CheckOutcome::status)
                .containsExactly(CheckStatus.PASS);
        assertThatThrownBy(() -> RUNNER.runChecks(changed, List.of("no_such_check"), TODAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBatchRunCoversEveryCheckOfEveryShippedStudy() {
        StudyCatalog catalog = StudyCatalog.load(java.nio.file.Path.of(System.getProperty("basedir", "."))
                .resolve("config/studies"));
        for (StudyDefinition study : catalog.all()) {
            CheckRunner runner = new CheckRunner(study);
            Casebook c = new Casebook(study);
            SubjectData.VisitInstance screening = c.visit("screening", 1, "2024-01-02");
            c.form(screening, "enrolment", "consent_date=2024-01-02", "enrolment_date=2024-01-05");
            SubjectData.VisitInstance tace = c.visit("tace", 1, "2024-02-01");
            c.form(tace, "tace_session", "procedure_date=2024-02-01", "drug#1=EPIRUBICIN", "vials#1=1",
                    "dose_loaded_mg#1=50");
            c.form(c.visit("baseline", 1, "2024-01-20"), "baseline", "weight=60", "height=160", "ecog=1");

            List<CheckOutcome> outcomes = runner.runSubject(new CheckSubject(c.data(), LocalDate.of(2024, 1, 5), false),
                    TODAY);

            assertThat(outcomes).as(study.id()).isNotEmpty()
                    .noneMatch(o -> o.status() == CheckStatus.ERROR);
            assertThat(runner.checks()).isEqualTo(study.editChecks());
        }
    }
}
