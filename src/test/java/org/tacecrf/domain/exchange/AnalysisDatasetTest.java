package org.tacecrf.domain.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.study.StudyDefinition;

class AnalysisDatasetTest {

    private final StudyDefinition study = Studies.hcc();

    @Test
    void oneRowPerSubjectWithBaselineCovariatesTreatmentAndEndpoints() {
        AnalysisDataset dataset = new AnalysisDataset(study, i -> !i.identifying());
        List<String> names = dataset.variables().stream().map(Variable::name).toList();
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
        assertThat(names).startsWith("subject_number", "site", "arm", "consent_date", "enrolment_date", "status")
                .contains("age", "sex", "weight", "bmi", "child_pugh_class", "albi_grade", "first_tace_date", "tace_sessions",
                        "dose_epirubicin_mg", "dose_other_mg", "recist_bor", "mrecist_bor", "mrecist_orr", "mrecist_pfs_days",
                        "pfs_days", "pfs_months", "pfs_status", "pfs_rule", "os_days", "os_status", "os_date", "death_date")
                .doesNotContain("medical_record_number", "initials");

        List<String> row = dataset.row(SampleSubjects.typical(study, 3, "LYCH-003"));
        assertThat(row).hasSameSizeAs(names);
        assertThat(row.get(names.indexOf("subject_number"))).isEqualTo("LYCH-003");
        assertThat(row.get(names.indexOf("arm"))).isEqualTo("deb_tace");
        assertThat(row.get(names.indexOf("age"))).isEqualTo("53");
        assertThat(row.get(names.indexOf("height"))).isEqualTo("170");
        assertThat(row.get(names.indexOf("first_tace_date"))).isEqualTo("2024-01-10");
        assertThat(row.get(names.indexOf("tace_sessions"))).isEqualTo("2");
        assertThat(row.get(names.indexOf("dose_epirubicin_mg"))).isEqualTo("100.5");
        assertThat(row.get(names.indexOf("dose_doxorubicin_mg"))).isEmpty();
        assertThat(row.get(names.indexOf("status"))).isEqualTo("ON_STUDY");
        Variable status = dataset.variables().get(names.indexOf("os_status"));
        assertThat(status.type()).isEqualTo(Variable.Type.INTEGER);
        assertThat(status.values()).extracting(Variable.ValueLabel::label).containsExactly("Censored", "Event");
    }

    @Test
    void identifyingItemsAppearOnlyWhenAllowed() {
        List<String> names = new AnalysisDataset(study, i -> true).variables().stream().map(Variable::name).toList();
        assertThat(names).contains("medical_record_number", "initials");
    }

    @Test
    void everyShippedStudyBuildsItsDataset() {
        for (String id : List.of("icc-deb-tace", "crlm-deb-vs-ctace", "layered-embolization", "nsclc-lm-tace-125i")) {
            AnalysisDataset dataset = new AnalysisDataset(Studies.get(id), i -> false);
            List<String> names = dataset.variables().stream().map(Variable::name).toList();
            assertThat(new HashSet<>(names)).as(id).hasSameSizeAs(names);
            assertThat(names).as(id).allSatisfy(n -> assertThat(n).matches("[a-z][a-z0-9_]*"));
        }
    }
}
