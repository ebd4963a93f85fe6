package org.tacecrf.domain.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.StudyDefinition;

class FormLayoutTest {

    private final StudyDefinition study = Studies.hcc();

    @Test
    void enrolmentTemplateHasSiteSubjectAndTheEnrolmentItems() {
        FormLayout layout = FormLayout.template(study, study.form("enrolment").orElseThrow());
        assertThat(layout.names()).startsWith("site", "subject_number", "form_complete")
                .contains("consent_date", "enrolment_date", "arm", "medical_record_number", "initials");
    }

    @Test
    void baselineTemplateHasKeysAndEnteredItemsButNoCalculatedOnes() {
        FormLayout layout = FormLayout.template(study, study.form("baseline").orElseThrow());
        assertThat(layout.names()).startsWith("site", "subject_number", "visit", "form_complete")
                .contains("assessment_date", "age", "sex", "weight", "ecog", "large_tumour_pattern")
                .doesNotContain("bmi", "child_pugh_class", "albi_grade", "visit_repeat", "form_repeat");
    }

    @Test
    void repeatingGroupsGetOneColumnPerRowAndRepeatingVisitsAndFormsTheirKeys() {
        FormDef session = study.form("tace_session").orElseThrow();
        FormLayout layout = FormLayout.template(study, session);
        assertThat(layout.names()).contains("procedure_date", "product__1", "product__4", "dose_loaded_mg__4")
                .doesNotContain("product__5", "product", "drug_concentration__1");
        FormLayout events = FormLayout.template(study, study.form("adverse_event").orElseThrow());
        assertThat(events.names()).contains("form_repeat");
        FormLayout imaging = FormLayout.template(study, study.form("imaging_assessment").orElseThrow());
        assertThat(imaging.names()).contains("visit", "visit_repeat");
    }

    @Test
    void exportLayoutsCarryCalculatedItemsAndMayLeaveOutIdentifyingOnes() {
        FormDef enrolment = study.form("enrolment").orElseThrow();
        FormLayout anonymous = FormLayout.of(study, enrolment, g -> 1, true, i -> !i.identifying());
        assertThat(anonymous.names()).doesNotContain("medical_record_number", "initials");
        FormDef baseline = study.form("baseline").orElseThrow();
        assertThat(FormLayout.of(study, baseline, g -> 1, true, i -> true).names()).contains("bmi", "child_pugh_class");
    }

    @Test
    void columnsBeyondTheTemplateRowsResolveUpToTheGroupMaximum() {
        FormLayout layout = FormLayout.of(study, study.form("tace_session").orElseThrow(), g -> 1, true, i -> true);
        assertThat(layout.resolve("product__3")).hasValueSatisfying(c -> {
            assertThat(c.item().id()).isEqualTo("product");
            assertThat(c.repeat()).isEqualTo(3);
            assertThat(c.itemKey().toString()).isEqualTo("microspheres[3].product");
        });
        assertThat(layout.resolve("product__5")).isEmpty();
        assertThat(layout.resolve("product")).isEmpty();
        assertThat(layout.resolve("procedure_date__1")).isEmpty();
        assertThat(layout.resolve("visit_repeat")).hasValueSatisfying(c -> assertThat(c.key()).isEqualTo(KeyColumn.VISIT_REPEAT));
    }

    @Test
    void unknownColumnsGetTheNearestNames() {
        FormLayout layout = FormLayout.template(study, study.form("baseline").orElseThrow());
        assertThat(layout.suggestions("wieght")).first().isEqualTo("weight");
        assertThat(layout.suggestions("assesment_date")).contains("assessment_date");
        assertThat(layout.suggestions("completely_unrelated_name")).isEmpty();
    }
}
