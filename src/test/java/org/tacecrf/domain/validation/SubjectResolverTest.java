package org.tacecrf.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.check.EvaluationException;
import org.tacecrf.domain.check.ItemType;
import org.tacecrf.domain.check.ListValue;
import org.tacecrf.domain.check.Reference;
import org.tacecrf.domain.check.Value;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * The resolver reads what {@link org.tacecrf.domain.study.SubjectSchema} says a path means: the same
 * single or several values, of the same kind, from every place a check runs.
 */
class SubjectResolverTest {

    private static final StudyDefinition STUDY = Casebook.DEMO;
    private static final LocalDate TODAY = LocalDate.of(2024, 9, 1);

    private SubjectData data;
    private SubjectData.VisitInstance fu1;
    private SubjectData.FormInstance baseline;
    private SubjectData.FormInstance session1;
    private SubjectData.FormInstance session2;
    private SubjectData.FormInstance ae1;
    private SubjectData.FormInstance contact2;

    @BeforeEach
    void casebook() {
        Casebook c = new Casebook();
        SubjectData.VisitInstance screening = c.visit("screening", 1, "2024-01-02");
        c.form(screening, "eligibility", "criterion#1=in01", "criterion_applies#1=Y", "eligible=Y");
        c.form(screening, "enrolment", "consent_date=2024-01-02", "enrolment_date=2024-01-05", "arm=deb");
        SubjectData.VisitInstance bl = c.visit("baseline", 1, "2024-01-20");
        baseline = c.form(bl, "baseline", "weight=70", "height=170", "ecog=1", "diagnosis=HCC", "aetiology=HBV|ALCOHOL",
                "total_bilirubin=20", "direct_bilirubin=5", "bclc_stage=B", "bclc_suggested=B");
        c.form(bl, "baseline_imaging", "imaging_date=2024-01-15", "lesion_id#1=L1", "lesion_id#2=L2");
        SubjectData.VisitInstance tace1 = c.visit("tace", 1, "2024-02-01");
        session1 = c.form(tace1, "tace_session", "procedure_date=2024-02-01", "technique=DEB_TACE",
                "arteries_treated=RHA|LHA", "drug#1=EPIRUBICIN", "vials#1=1", "dose_loaded_mg#1=60",
                "drug#2=DOXORUBICIN", "vials#2=2", "dose_loaded_mg#2=150", "product#3=OTHER", "drug#4=IRINOTECAN");
        c.form(tace1, "post_labs", "hours_after_procedure=24", "total_bilirubin=30", "direct_bilirubin=10");
        SubjectData.VisitInstance tace2 = c.visit("tace", 2, "2024-03-01");
        session2 = c.form(tace2, "tace_session", "procedure_date=2024-03-01", "technique=DEB_TACE", "drug#1=EPIRUBICIN",
                "vials#1=1", "dose_loaded_mg#1=80");
        fu1 = c.visit("fu_1m", 1, "2024-03-02");
        c.form(fu1, "imaging_assessment", "assessment_date=2024-03-02", "mrecist_investigator=PR", "mrecist_derived=PR");
        c.form(fu1, "labs", "lab_date=2024-03-02", "total_bilirubin=18");
        c.form(c.visit("survival", 1, "2024-05-01"), "survival_contact", "contact_date=2024-05-01", "vital_status=ALIVE");
        contact2 = c.form(c.visit("survival", 2, "2024-08-01"), "survival_contact", "contact_date=2024-08-01",
                "vital_status=DEAD", "death_date=2024-07-20");
        SubjectData.VisitInstance logs = c.visit("logs", 1, null);
        ae1 = c.form(logs, "adverse_event", "#repeat=1", "ae_term=FEVER", "ae_onset_date=2024-02-03");
        c.form(logs, "adverse_event", "#repeat=2", "ae_term=NAUSEA", "ae_onset_date=2024-03-05");
        c.form(logs, "other_treatment", "category=TARGETED", "start_date=2024-04-01");
        c.form(c.visit("end_of_study", 1, "2024-08-01"), "end_of_study", "eos_date=2024-08-01", "eos_status=DIED",
                "eos_death_date=2024-07-20");
        data = c.data();
    }

    private SubjectResolver subject() {
        return SubjectResolver.forSubject(STUDY, data, TODAY);
    }

    private static Value read(SubjectResolver r, String path) {
        return r.resolve(Reference.of(path));
    }

    private static List<String> shown(Value v) {
        return ((ListValue) v).values().stream().map(Value::display).toList();
    }

    @Test
    void everyPathHasTheMultiplicityAndKindTheSchemaGivesIt() {
        List<SubjectResolver> places = List.of(subject(), subject().atVisit(fu1), subject().inForm(baseline),
                subject().inForm(session2), subject().inForm(session1).inRow("microspheres", 2), subject().inForm(ae1),
                subject().inForm(contact2));
        int checked = 0;
        for (SubjectResolver r : places) {
            for (Reference ref : r.schema().knownItems()) {
                ItemType type = r.schema().item(ref).orElseThrow();
                Value v = r.resolve(ref);
                assertThat(v instanceof ListValue).as("%s from %s", ref, r.schema().context()).isEqualTo(type.multiple());
                List<Value> values = v instanceof ListValue list ? list.values() : List.of(v);
                for (Value element : values) {
                    if (!element.isNull()) {
                        assertThat(element.type()).as("%s from %s", ref, r.schema().context()).isEqualTo(type.type());
                    }
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(2000);
    }

    @Test
    void aBarePathReadsTheCurrentFormAndRow() {
        SubjectResolver row2 = subject().inForm(session1).inRow("microspheres", 2);

        assertThat(read(row2, "vials").display()).isEqualTo("2");
        assertThat(read(row2, "dose_loaded_mg").display()).isEqualTo("150");
        assertThat(read(row2, "procedure_date").display()).isEqualTo("2024-02-01");
        assertThat(read(row2, "embolic_type")).isEqualTo(Value.list());
        assertThat(shown(read(row2, "arteries_treated"))).containsExactly("RHA", "LHA");
        assertThat(read(row2, "technique")).isEqualTo(Value.code("DEB_TACE"));
        // outside a row, the rows of a repeating group are several values (empty ones kept)
        assertThat(shown(read(subject().inForm(session1), "vials"))).containsExactly("1", "2", "empty", "empty");
    }

    @Test
    void aFormPathReadsTheCurrentVisitOccurrence() {
        assertThat(read(subject().inForm(session2), "tace_session.procedure_date").display()).isEqualTo("2024-03-01");
        assertThat(read(subject().inForm(session1), "post_labs.total_bilirubin").display()).isEqualTo("30");
        assertThat(read(subject().inForm(session2), "post_labs.total_bilirubin")).isEqualTo(Value.empty());
        assertThat(read(subject().atVisit(fu1), "labs.lab_date").display()).isEqualTo("2024-03-02");
        // a repeating form named in full from inside it: every instance at the occurrence (all log entries)
        assertThat(read(subject().inForm(ae1), "adverse_event.ae_onset_date").display()).isEqualTo("2024-02-03, 2024-03-05");
    }

    @Test
    void visitAndSubjectPathsReadEveryOccurrenceInScheduleOrder() {
        assertThat(shown(read(subject(), "subject.tace_session.procedure_date"))).containsExactly("2024-02-01", "2024-03-01");
        assertThat(shown(read(subject().inForm(session2), "tace.tace_session.procedure_date")))
                .containsExactly("2024-02-01", "2024-03-01");
        assertThat(read(subject(), "subject.enrolment.consent_date").display()).isEqualTo("2024-01-02");
        assertThat(read(subject().inForm(session1), "screening.enrolment.arm")).isEqualTo(Value.code("deb"));
        assertThat(shown(read(subject().inForm(contact2), "subject.survival_contact.death_date")))
                .containsExactly("empty", "2024-07-20");
        assertThat(shown(read(subject().inForm(ae1), "subject.adverse_event.ae_onset_date")))
                .containsExactly("2024-02-03", "2024-03-05");
        assertThat(shown(read(subject(), "subject.baseline.aetiology"))).containsExactly("HBV", "ALCOHOL");
    }

    @Test
    void theLoadingLimitIsThatOfTheCurrentRowsDrug() {
        SubjectResolver epirubicin = subject().inForm(session1).inRow("microspheres", 1);
        SubjectResolver doxorubicin = subject().inForm(session1).inRow("microspheres", 2);
        SubjectResolver noDrug = subject().inForm(session1).inRow("microspheres", 3);
        SubjectResolver noLimit = subject().inForm(session1).inRow("microspheres", 4);

        assertThat(epirubicin.parameter("max_dose_per_vial_mg").display()).isEqualTo("80");
        assertThat(doxorubicin.parameter("max_dose_per_vial_mg").display()).isEqualTo("75");
        assertThat(noDrug.parameter("max_dose_per_vial_mg")).isEqualTo(Value.empty());
        assertThat(noLimit.parameter("max_dose_per_vial_mg")).isEqualTo(Value.empty());
        assertThatThrownBy(() -> subject().inForm(session1).parameter("max_dose_per_vial_mg"))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("cannot be used from");
    }

    @Test
    void studyParametersAndTodayAreTheStudysAndTheCallers() {
        SubjectResolver r = subject();
        Map<String, String> expected = Map.of("baseline_imaging_max_days", "28", "response_confirm_min_days", "28",
                "response_sd_min_days", "42", "marker_response_decline_pct", "50", "marker_progression_rise_pct", "100",
                "sae_reporting_hours", "24", "child_pugh_albumin_cutoff", "28");
        expected.forEach((name, value) -> assertThat(r.parameter(name).display()).as(name).isEqualTo(value));
        assertThat(r.today()).isEqualTo(TODAY);
        assertThatThrownBy(() -> r.parameter("max_dose")).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("not defined");
    }

    @Test
    void aPathThatNamesNothingFromHereCannotBeRead() {
        assertThatThrownBy(() -> read(subject(), "weight")).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("'weight' names no item from subject");
        assertThatThrownBy(() -> read(subject().atVisit(fu1), "tace_session.procedure_date"))
                .isInstanceOf(EvaluationException.class);
        assertThatThrownBy(() -> subject().inRow("microspheres", 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFormNotFilledInReadsAsEmpty() {
        SubjectData.VisitInstance tace3 = new SubjectData.VisitInstance(999, "tace", 3, LocalDate.of(2024, 4, 1));
        SubjectData.FormInstance session3 = new SubjectData.FormInstance(998, tace3, "tace_session", 1, false, Map.of());
        SubjectResolver r = SubjectResolver.forSubject(STUDY, data.withForm(session3), TODAY).inForm(session3);

        assertThat(read(r, "procedure_date")).isEqualTo(Value.empty());
        assertThat(read(r, "vials")).isEqualTo(Value.list());
        assertThat(read(r, "arteries_treated")).isEqualTo(Value.list());
        assertThat(read(r, "post_labs.total_bilirubin")).isEqualTo(Value.empty());
    }
}
