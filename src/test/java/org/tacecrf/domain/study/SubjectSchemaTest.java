package org.tacecrf.domain.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.tacecrf.domain.check.ItemType;
import org.tacecrf.domain.check.Reference;
import org.tacecrf.domain.check.ValueType;

/** What a path means from each place of a study: which values, one or several, of which kind. */
class SubjectSchemaTest {

    private static final StudyDefinition STUDY = StudyDefinitionLoader.builtIn().loadString("schema.yaml", """
            id: schema
            title: Schema study
            version: "1"
            design: {timing: prospective, structure: single_arm}
            sites:
              - {id: S1, name: Site one}
            arms:
              - {id: a, label: Arm A}
            schedule:
              - {id: screening, label: Screening, type: screening, forms: [enrolment]}
              - {id: baseline, label: Baseline, type: baseline, forms: [baseline]}
              - {id: tace, label: TACE, type: treatment, forms: [tace_session, post_labs]}
              - {id: fu_1m, label: One month, type: follow_up, timing: {anchor: first_tace, day: 30}, forms: [imaging_assessment, labs]}
              - {id: fu_3m, label: Three months, type: follow_up, timing: {anchor: first_tace, day: 90}, forms: [imaging_assessment]}
              - {id: logs, label: Logs, type: log, forms: [adverse_event]}
            """);

    private static Optional<ItemType> type(CheckContext context, String path) {
        return SubjectSchema.of(STUDY, context).item(Reference.of(path));
    }

    private static ItemType single(ValueType t) {
        return ItemType.single(t);
    }

    private static ItemType several(ValueType t) {
        return ItemType.multiple(t);
    }

    @Test
    void aBarePathIsTheCurrentRowOrEveryRowOfAnotherRepeatingGroup() {
        CheckContext row = CheckContext.row("tace", "tace_session", "microspheres");
        assertThat(type(row, "vials")).contains(single(ValueType.NUMBER));
        assertThat(type(row, "drug")).contains(single(ValueType.CODE));
        assertThat(type(row, "procedure_date")).contains(single(ValueType.DATE));
        assertThat(type(row, "embolic_type")).contains(several(ValueType.CODE));
        assertThat(type(row, "arteries_treated")).contains(several(ValueType.CODE));
        assertThat(type(CheckContext.form("tace", "tace_session"), "vials")).contains(several(ValueType.NUMBER));
        assertThat(type(CheckContext.form("tace", "tace_session"), "session_number")).contains(single(ValueType.NUMBER));
        assertThat(type(CheckContext.form("baseline", "baseline"), "child_pugh_class")).contains(single(ValueType.CODE));
        assertThat(type(CheckContext.form("baseline", "baseline"), "diagnosis_other")).contains(single(ValueType.TEXT));
    }

    @Test
    void aFormPathIsTheCurrentVisitOccurrence() {
        CheckContext postLabs = CheckContext.form("tace", "post_labs");
        assertThat(type(postLabs, "tace_session.procedure_date")).contains(single(ValueType.DATE));
        assertThat(type(postLabs, "post_labs.total_bilirubin")).contains(single(ValueType.NUMBER));
        assertThat(type(postLabs, "enrolment.consent_date")).isEmpty();
        assertThat(type(CheckContext.form("logs", "adverse_event"), "adverse_event.ae_onset_date"))
                .as("a repeating form named in full: its every instance at the occurrence").contains(several(ValueType.DATE));
        assertThat(type(CheckContext.visit("logs"), "adverse_event.ae_onset_date")).contains(several(ValueType.DATE));
        assertThat(type(CheckContext.visit("fu_1m"), "labs.lab_date")).contains(single(ValueType.DATE));
        assertThat(type(CheckContext.subject(), "labs.lab_date")).isEmpty();
    }

    @Test
    void visitAndSubjectPathsAreSeveralWhenTheyCrossARepeatOrMoreThanOneVisit() {
        CheckContext anywhere = CheckContext.form("tace", "tace_session");
        assertThat(type(anywhere, "tace.tace_session.procedure_date")).contains(several(ValueType.DATE));
        assertThat(type(anywhere, "screening.enrolment.consent_date")).contains(single(ValueType.DATE));
        assertThat(type(anywhere, "subject.enrolment.consent_date")).contains(single(ValueType.DATE));
        // The imaging form repeats within a visit (one per reader when images are read twice).
        assertThat(type(anywhere, "fu_1m.imaging_assessment.assessment_date")).contains(several(ValueType.DATE));
        assertThat(type(anywhere, "fu_1m.labs.lab_date")).contains(single(ValueType.DATE));
        assertThat(type(anywhere, "subject.imaging_assessment.assessment_date")).contains(several(ValueType.DATE));
        assertThat(type(anywhere, "subject.labs.lab_date")).contains(single(ValueType.DATE));
        assertThat(type(anywhere, "subject.adverse_event.ae_onset_date")).contains(several(ValueType.DATE));
        assertThat(type(anywhere, "subject.baseline.aetiology")).contains(several(ValueType.CODE));
        assertThat(type(anywhere, "fu_3m.labs.lab_date")).isEmpty();
        assertThat(type(anywhere, "subject.end_of_study.eos_date")).isEmpty();
    }

    @Test
    void aConditionSeesOnlyItsOwnForm() {
        CheckContext condition = CheckContext.withinForm("tace_session", "microspheres");
        assertThat(type(condition, "drug")).contains(single(ValueType.CODE));
        assertThat(type(condition, "subject.enrolment.consent_date")).isEmpty();
        assertThat(SubjectSchema.of(STUDY, condition).parameter("baseline_imaging_max_days")).isEmpty();
    }

    @Test
    void theLoadingLimitIsAvailableWhereARowNamesItsDrug() {
        assertThat(SubjectSchema.of(STUDY, CheckContext.row("tace", "tace_session", "microspheres"))
                .parameter("max_dose_per_vial_mg")).contains(ValueType.NUMBER);
        assertThat(SubjectSchema.of(STUDY, CheckContext.form("tace", "tace_session")).parameter("max_dose_per_vial_mg"))
                .isEmpty();
        assertThat(SubjectSchema.of(STUDY, CheckContext.subject()).parameter("sae_reporting_hours"))
                .contains(ValueType.NUMBER);
        assertThat(SubjectSchema.of(STUDY, CheckContext.subject()).knownParameters()).contains("baseline_imaging_max_days")
                .doesNotContain("max_dose_per_vial_mg");
    }

    @Test
    void anUnknownPathIsExplainedWhenTheFormExistsElsewhere() {
        SubjectSchema schema = SubjectSchema.of(STUDY, CheckContext.form("tace", "post_labs"));
        assertThat(schema.whyUnknown(Reference.of("enrolment.consent_date"))).contains("'enrolment.consent_date': visit"
                + " 'tace' does not collect form 'enrolment'; write subject.enrolment.consent_date for its values at"
                + " every visit that collects it");
        assertThat(schema.whyUnknown(Reference.of("fu_3m.labs.lab_date")))
                .contains("'fu_3m.labs.lab_date': visit 'fu_3m' does not collect form 'labs'");
        assertThat(schema.whyUnknown(Reference.of("fu3m.labs.lab_date")))
                .contains("'fu3m.labs.lab_date': there is no visit 'fu3m' (did you mean 'fu_3m'?)");
        assertThat(SubjectSchema.of(STUDY, CheckContext.subject()).whyUnknown(Reference.of("weight")))
                .hasValueSatisfying(s -> assertThat(s).contains("this check does not run in a form"));
        assertThat(schema.whyUnknown(Reference.of("no_such_item"))).isEmpty();
    }
}
