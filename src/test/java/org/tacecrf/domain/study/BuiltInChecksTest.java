package org.tacecrf.domain.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.tacecrf.domain.check.CheckScope;
import org.tacecrf.domain.check.CheckSeverity;

/** Which built-in checks a study runs: applicability, switching off, changing the severity. */
class BuiltInChecksTest {

    private static final StudyDefinitionLoader LOADER = StudyDefinitionLoader.builtIn();

    private static final String HEAD = """
            id: mini
            title: Minimal study
            version: "1"
            design: {timing: prospective, structure: single_arm}
            sites:
              - {id: S1, name: Site one}
            arms:
              - {id: a, label: Arm A}
            """;

    private static final String SCHEDULE = """
            schedule:
              - {id: screening, label: Screening, type: screening, forms: [enrolment]}
              - {id: baseline, label: Baseline, type: baseline, forms: [baseline]}
              - {id: tace, label: TACE, type: treatment, forms: [tace_session]}
            """;

    private static List<String> checkIds(StudyDefinition study) {
        return study.editChecks().stream().map(EditCheckDef::id).toList();
    }

    @Test
    void aBuiltInCheckAppliesWhenTheStudyCollectsWhatItReads() {
        StudyDefinition study = LOADER.loadString("mini.yaml", HEAD + SCHEDULE);

        assertThat(checkIds(study)).contains("dates_consent_enrolment", "dates_enrolment_first_tace",
                "bilirubin_direct_total_baseline", "dose_within_vial_limit", "bmi_plausible", "bclc_stage_vs_suggested");
        // no imaging, adverse events, survival contacts, labs, eligibility form, visit timing
        assertThat(checkIds(study)).doesNotContain("dates_imaging_after_tace", "dates_death_after_events",
                "dates_ae_onset_after_consent", "bilirubin_direct_total_labs", "eligibility_not_met", "visit_window",
                "child_pugh_investigator_vs_computed");
        assertThat(study.editChecks()).allSatisfy(c -> assertThat(c.builtIn()).isTrue());
    }

    @Test
    void aStudyThatRecordsTheInvestigatorsChildPughClassGetsItsComparison() {
        StudyDefinition study = LOADER.loadString("mini.yaml", HEAD + SCHEDULE + """
                forms:
                  - extends: baseline
                    add:
                      - group: liver_function
                        items:
                          - {id: child_pugh_investigator, label: Child-Pugh class (investigator), type: choice, codeList: child_pugh_class}
                """);

        EditCheckDef check = study.editCheck("child_pugh_investigator_vs_computed").orElseThrow();
        assertThat(check.itemId()).isEqualTo("child_pugh_investigator");
        assertThat(check.scope()).isEqualTo(CheckScope.ITEM);
    }

    @Test
    void aStudySwitchesBuiltInChecksOffAndChangesTheirSeverity() {
        StudyDefinition study = LOADER.loadString("mini.yaml", HEAD + SCHEDULE + """
                editChecks:
                  - {id: dates_enrolment_first_tace, disabled: true}
                  - {id: bmi_plausible, severity: hard}
                  - {id: dates_consent_enrolment, severity: soft}
                  - {id: dates_imaging_after_tace, disabled: true}
                """);

        assertThat(checkIds(study)).doesNotContain("dates_enrolment_first_tace");
        EditCheckDef bmi = study.editCheck("bmi_plausible").orElseThrow();
        assertThat(bmi.severity()).isEqualTo(CheckSeverity.HARD);
        assertThat(bmi.origin()).isEqualTo(Origin.LIBRARY);
        assertThat(bmi.expression()).isEqualTo(FormLibrary.builtIn().editCheck("bmi_plausible").orElseThrow().expression());
        assertThat(study.editCheck("dates_consent_enrolment").orElseThrow().severity()).isEqualTo(CheckSeverity.SOFT);
        assertThat(FormLibrary.builtIn().editCheck("bmi_plausible").orElseThrow().severity()).isEqualTo(CheckSeverity.SOFT);
    }

    @Test
    void aStudysOwnChecksFollowTheBuiltInOnes() {
        StudyDefinition study = LOADER.loadString("mini.yaml", HEAD + SCHEDULE + """
                editChecks:
                  - id: ecog_0_1
                    severity: soft
                    scope: item
                    form: baseline
                    item: ecog
                    expression: "ecog in (0, 1)"
                    message: ECOG 0-1 only.
                """);

        List<String> ids = checkIds(study);
        assertThat(ids.get(ids.size() - 1)).isEqualTo("ecog_0_1");
        EditCheckDef own = study.editCheck("ecog_0_1").orElseThrow();
        assertThat(own.origin()).isEqualTo(Origin.STUDY);
        assertThat(own.kind()).isEqualTo(EditCheckDef.Kind.QUERY);
    }

    @Test
    void aBuiltInCheckThatDoesNotFitTheStudysScheduleIsReportedAtTheLibraryAndCanBeSwitchedOff() {
        String twice = HEAD + """
                schedule:
                  - {id: screening, label: Screening, type: screening, forms: [enrolment]}
                  - {id: re_consent, label: Consent again, type: unscheduled, forms: [enrolment]}
                  - {id: tace, label: TACE, type: treatment, forms: [tace_session]}
                """;

        assertThatThrownBy(() -> LOADER.loadString("twice.yaml", twice))
                .isInstanceOfSatisfying(StudyDefinitionException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    StudyDefinitionError error = e.errors().get(0);
                    assertThat(error.kind()).isEqualTo(ErrorKind.EXPRESSION_TYPE);
                    assertThat(error.location().file()).isEqualTo("org/tacecrf/forms/checks.yaml");
                    assertThat(error.message()).startsWith("edit check 'dates_enrolment_first_tace': "
                            + "'subject.enrolment.enrolment_date' has several values")
                            .endsWith("(built-in check, in study 'mini')");
                });
        StudyDefinition study = LOADER.loadString("twice.yaml", twice + """
                editChecks:
                  - {id: dates_enrolment_first_tace, disabled: true}
                """);
        assertThat(checkIds(study)).contains("dates_consent_enrolment").doesNotContain("dates_enrolment_first_tace");
    }

    @Test
    void retrospectiveShippedStudiesSwitchOffTheConsentOrderRules() {
        StudyCatalog catalog = StudyCatalog.load(ShippedStudiesTest.STUDIES);
        List<String> consentOrder = List.of("dates_enrolment_first_tace", "dates_ae_onset_after_consent",
                "dates_death_after_consent", "dates_eos_death_after_consent");
        for (StudyDefinition study : catalog.all()) {
            if (study.design().timing() == StudyDesign.Timing.RETROSPECTIVE) {
                assertThat(checkIds(study)).as(study.id()).doesNotContainAnyElementsOf(consentOrder);
            } else {
                assertThat(checkIds(study)).as(study.id()).containsAll(consentOrder.subList(0, 2));
            }
            assertThat(checkIds(study)).as(study.id()).contains("dates_consent_enrolment", "visit_window",
                    "eligibility_not_met", "dose_within_vial_limit", "dates_eos_death_after_events");
        }
    }

    /** Guards the library against a misspelt item: such a check would apply to no study at all. */
    @Test
    void everyBuiltInCheckAppliesToAShippedStudyOrAStudyThatAddsItsItem() {
        Set<String> applied = new HashSet<>();
        StudyCatalog.load(ShippedStudiesTest.STUDIES).all().forEach(s -> applied.addAll(checkIds(s)));
        applied.addAll(checkIds(LOADER.loadString("mini.yaml", HEAD + SCHEDULE + """
                forms:
                  - extends: baseline
                    add:
                      - group: liver_function
                        items:
                          - {id: child_pugh_investigator, label: Child-Pugh class (investigator), type: choice, codeList: child_pugh_class}
                """)));

        assertThat(FormLibrary.builtIn().editChecks()).extracting(EditCheckDef::id).allSatisfy(id ->
                assertThat(applied).as("studies running " + id).contains(id));
    }
}
