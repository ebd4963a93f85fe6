package org.tacecrf.domain.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tacecrf.domain.study.AnalysisConfig.Coding;
import org.tacecrf.domain.study.AnalysisConfig.CoxTies;
import org.tacecrf.domain.study.AnalysisConfig.CutoffSide;
import org.tacecrf.domain.study.AnalysisConfig.DerivedVariable;
import org.tacecrf.domain.study.AnalysisConfig.Endpoint;
import org.tacecrf.domain.study.AnalysisConfig.MedianCi;
import org.tacecrf.domain.study.AnalysisConfig.Multivariate;
import org.tacecrf.domain.study.AnalysisConfig.Sessions;
import org.tacecrf.domain.study.AnalysisConfig.Summary;
import org.tacecrf.domain.study.AnalysisConfig.Table;
import org.tacecrf.domain.study.AnalysisConfig.ComparisonTest;
import org.tacecrf.domain.study.AnalysisConfig.VariableType;
import org.tacecrf.domain.study.AnalysisVariable.Level;
import org.tacecrf.domain.study.StudyParameters.ResponseCriteria;

class AnalysisConfigParserTest {

    private static final StudyDefinitionLoader LOADER = StudyDefinitionLoader.builtIn();

    /** Two arms; baseline, TACE, one- and three-month follow-up with markers and QoL, survival, logs. */
    private static final String STUDY = """
            id: analysis
            title: Analysis study
            version: "1"
            design: {timing: retrospective, structure: two_arm}
            sites: [{id: S1, name: Site one}, {id: S2, name: Site two}]
            arms: [{id: deb, label: DEB-TACE}, {id: ctace, label: cTACE}]
            schedule:
              - {id: screening, label: Screening, type: screening, forms: [enrolment]}
              - {id: baseline, label: Baseline, type: baseline, forms: [baseline, baseline_imaging, qlq_c30]}
              - {id: tace, label: TACE, type: treatment, forms: [tace_session, post_labs]}
              - id: fu_1m
                label: One month
                type: follow_up
                timing: {anchor: first_tace, day: 30, windowBefore: 7, windowAfter: 7}
                forms: [imaging_assessment, tumour_markers, qlq_c30]
              - id: fu_3m
                label: Three months
                type: follow_up
                timing: {anchor: first_tace, day: 90, windowBefore: 14, windowAfter: 14}
                forms: [imaging_assessment, tumour_markers]
              - id: fu_q3m
                label: Every three months
                type: follow_up
                repeating: true
                timing: {anchor: previous_visit, day: 90, windowBefore: 14, windowAfter: 14}
                interval: {minDays: 76, maxDays: 104}
                forms: [imaging_assessment]
              - {id: survival, label: Survival, type: survival_contact, repeating: true, forms: [survival_contact],
                 timing: {anchor: first_tace, day: 90, windowBefore: 14, windowAfter: 14}, interval: {minDays: 76, maxDays: 104}}
              - {id: logs, label: Logs, type: log, forms: [adverse_event, other_treatment]}
            """;

    private static AnalysisConfig analysis(String yaml) {
        return LOADER.loadString("analysis.yaml", STUDY + yaml).analysis();
    }

    private static List<StudyDefinitionError> errors(String yaml) {
        try {
            LOADER.loadString("analysis.yaml", STUDY + yaml);
        } catch (StudyDefinitionException e) {
            return e.errors();
        }
        throw new AssertionError("expected the analysis section to be rejected");
    }

    @Test
    void withoutAnAnalysisSectionEveryPartHasItsDefault() {
        AnalysisConfig a = analysis("");

        assertThat(a.variables()).extracting(AnalysisVariable::id).containsExactly("age", "sex", "ecog",
                "child_pugh_class", "lesion_count", "largest_diameter_mm", "macrovascular_invasion",
                "extrahepatic_spread");
        assertThat(a.baseline()).isEqualTo(a.variables().stream().map(AnalysisVariable::id).toList());
        AnalysisVariable age = a.requireVariable("age");
        assertThat(age.type()).isEqualTo(VariableType.CONTINUOUS);
        assertThat(age.summary()).isEqualTo(Summary.MEAN_SD);
        assertThat(age.label().en()).isEqualTo("Age at enrolment (years)");
        assertThat(a.requireVariable("ecog").type()).isEqualTo(VariableType.ORDINAL);
        assertThat(a.requireVariable("sex").type()).isEqualTo(VariableType.CATEGORICAL);
        assertThat(a.requireVariable("sex").levels()).extracting(Level::code).containsExactly("M", "F");
        assertThat(a.requireVariable("lesion_count").summary()).isEqualTo(Summary.MEDIAN_IQR);

        assertThat(a.survival().endpoints()).containsExactly(Endpoint.OS, Endpoint.PFS, Endpoint.TTP);
        assertThat(a.survival().landmarksMonths()).extracting(BigDecimal::intValue).containsExactly(6, 12, 24);
        assertThat(a.survival().medianCi()).isEqualTo(MedianCi.R_LOG);
        assertThat(a.survival().subgroupEndpoints()).containsExactly(Endpoint.OS);
        assertThat(a.cox().covariates()).isEmpty();
        assertThat(a.cox().ties()).isEqualTo(CoxTies.EFRON);
        assertThat(a.response().criteria()).containsExactly(ResponseCriteria.MRECIST, ResponseCriteria.RECIST_1_1);
        // the repeating visit timed from the previous one has no fixed protocol time point of its own
        assertThat(a.response().timePoints()).containsExactly("fu_1m", "fu_3m");
        assertThat(a.labChange().analytes()).startsWith("wbc", "haemoglobin", "platelets", "alt", "ast");
        assertThat(a.labChange().sessions()).isEqualTo(Sessions.FIRST);
        assertThat(a.qol().before()).isEqualTo("baseline");
        assertThat(a.qol().after()).isEqualTo("fu_1m");
        assertThat(a.qol().scales()).hasSize(15).startsWith("pf2_score", "rf2_score");
        assertThat(a.biomarkers().markers()).containsExactly("afp", "pivka_ii", "cea", "ca125", "ca19_9");
        assertThat(a.biomarkers().timePoint()).isEqualTo("fu_1m");
        assertThat(a.tables()).containsExactlyInAnyOrder(Table.CONSORT, Table.BASELINE, Table.EXPOSURE,
                Table.RESPONSE, Table.SURVIVAL, Table.ADVERSE_EVENTS, Table.LAB_CHANGE, Table.QOL, Table.BIOMARKERS);
    }

    @Test
    void variablesAreReadWithCutoffsGroupsLevelsAndTests() {
        AnalysisConfig a = analysis("""
                analysis:
                  variables:
                    - {id: age, item: baseline.age, cutoffs: [60], levels: {le60: "≤ 60 years"}}
                    - {id: age_mean, item: baseline.age, summary: mean_sd, cutoffs: [60], cutoffBelongsTo: upper}
                    - id: extrahepatic
                      label: {en: Extrahepatic metastasis, zh: 肝外转移}
                      item: baseline.extrahepatic_spread
                      groups:
                        - {code: "YES", label: "Yes", codes: [NODAL, DISTANT]}
                        - {code: "NO", label: "No", codes: [NONE]}
                    - {id: burden, item: baseline.liver_involvement}
                    - {id: afp, item: baseline.afp, summary: median_iqr, test: mann_whitney, decimals: 0}
                    - {id: ecog, item: baseline.ecog, type: categorical, test: fisher}
                    - {id: sessions, derived: sessions, cutoffs: [1, 2], levels: {le1: "1", gt1le2: "2", gt2: "≥ 3"}}
                    - {id: subsequent, derived: subsequent_treatment}
                    - {id: aetiology, item: baseline.aetiology}
                  baseline: [age_mean, extrahepatic, ecog]
                  subgroups: [subsequent, burden, age]
                """);

        AnalysisVariable age = a.requireVariable("age");
        assertThat(age.summary()).isEqualTo(Summary.NONE);
        assertThat(age.levels()).extracting(Level::code).containsExactly("le60", "gt60");
        assertThat(age.levels()).extracting(l -> l.label().en()).containsExactly("≤ 60 years", "> 60");
        assertThat(age.levelOf(new BigDecimal("60"))).map(Level::code).contains("le60");
        assertThat(age.levelOf(new BigDecimal("60.5"))).map(Level::code).contains("gt60");

        AnalysisVariable ageMean = a.requireVariable("age_mean");
        assertThat(ageMean.summary()).isEqualTo(Summary.MEAN_SD);
        assertThat(ageMean.cutoffSide()).isEqualTo(CutoffSide.UPPER);
        assertThat(ageMean.levels()).extracting(l -> l.label().en()).containsExactly("< 60", "≥ 60");
        assertThat(ageMean.levelOf(new BigDecimal("60"))).map(Level::code).contains("ge60");

        AnalysisVariable extrahepatic = a.requireVariable("extrahepatic");
        assertThat(extrahepatic.label().zh()).isEqualTo("肝外转移");
        assertThat(extrahepatic.levelOfCode("DISTANT")).map(Level::code).contains("YES");
        assertThat(extrahepatic.levelOfCode("NONE")).map(Level::code).contains("NO");

        assertThat(a.requireVariable("burden").type()).isEqualTo(VariableType.ORDINAL);
        assertThat(a.requireVariable("burden").levels()).extracting(Level::code)
                .containsExactly("UPTO25", "FROM25TO50", "OVER50");
        assertThat(a.requireVariable("afp").test()).isEqualTo(ComparisonTest.MANN_WHITNEY);
        assertThat(a.requireVariable("afp").decimals()).isZero();
        assertThat(a.requireVariable("ecog").type()).isEqualTo(VariableType.CATEGORICAL);
        AnalysisVariable sessions = a.requireVariable("sessions");
        assertThat(sessions.derived()).isEqualTo(DerivedVariable.SESSIONS);
        assertThat(sessions.levels()).extracting(l -> l.label().en()).containsExactly("1", "2", "≥ 3");
        assertThat(sessions.levelOf(BigDecimal.valueOf(3))).map(Level::code).contains("gt2");
        assertThat(a.requireVariable("subsequent").levels()).extracting(Level::code).containsExactly("Y", "N");
        assertThat(a.requireVariable("aetiology").multiple()).isTrue();
        assertThat(a.baseline()).containsExactly("age_mean", "extrahepatic", "ecog");
        assertThat(a.subgroups()).containsExactly("subsequent", "burden", "age");
        assertThat(a.tables()).contains(Table.SUBGROUPS);
    }

    @Test
    void coxSurvivalResponseAndTheOtherAnalysesAreRead() {
        AnalysisConfig a = analysis("""
                analysis:
                  variables:
                    - {id: age, item: baseline.age}
                    - {id: age60, item: baseline.age, cutoffs: [60]}
                    - {id: ecog, item: baseline.ecog}
                    - {id: sex, item: baseline.sex}
                    - {id: arm, derived: arm}
                  tables: [baseline, survival, cox, qol]
                  survival: {endpoints: [os, pfs], landmarks: [12, 24], medianCi: spss, landmarkCi: log_log}
                  cox:
                    endpoints: [os, pfs]
                    ties: breslow
                    multivariate: forward
                    entryP: 0.05
                    removalP: 0.1
                    covariates:
                      - {variable: arm, reference: ctace}
                      - {variable: age}
                      - {variable: age60, reference: gt60}
                      - {variable: ecog, as: number}
                      - {variable: sex}
                  response: {criteria: [recist_1_1], timePoints: [fu_3m]}
                  labChange: {analytes: [wbc, crp], sessions: all}
                  qol: {before: baseline, after: fu_1m, scales: [ql2, pa]}
                  biomarkers: {markers: [afp], timePoint: best}
                """);

        assertThat(a.tables()).containsExactlyInAnyOrder(Table.BASELINE, Table.SURVIVAL, Table.COX, Table.QOL);
        assertThat(a.survival().endpoints()).containsExactly(Endpoint.OS, Endpoint.PFS);
        assertThat(a.survival().medianCi()).isEqualTo(MedianCi.SPSS);
        assertThat(a.survival().landmarksMonths()).extracting(BigDecimal::intValue).containsExactly(12, 24);
        assertThat(a.cox().ties()).isEqualTo(CoxTies.BRESLOW);
        assertThat(a.cox().multivariate()).isEqualTo(Multivariate.FORWARD);
        assertThat(a.cox().covariates()).extracting(c -> c.variable() + ":" + c.coding() + ":" + c.reference())
                .containsExactly("arm:CATEGORIES:ctace", "age:NUMBER:null", "age60:CATEGORIES:gt60",
                        "ecog:NUMBER:null", "sex:CATEGORIES:M");
        assertThat(a.cox().covariates().get(3).coding()).isEqualTo(Coding.NUMBER);
        assertThat(a.response().criteria()).containsExactly(ResponseCriteria.RECIST_1_1);
        assertThat(a.response().timePoints()).containsExactly("fu_3m");
        assertThat(a.labChange().analytes()).containsExactly("wbc", "crp");
        assertThat(a.labChange().sessions()).isEqualTo(Sessions.ALL);
        assertThat(a.qol().scales()).containsExactly("ql2_score", "pa_score");
        assertThat(a.biomarkers().timePoint()).isEqualTo(AnalysisConfig.BEST);
    }

    @Test
    void errorsPointAtTheLineWithTheDefect() {
        List<StudyDefinitionError> errors = errors("""
                analysis:
                  variables:
                    - {id: age, item: baseline.agee}
                    - {id: size, item: baseline.largest_diameter_mm, cutoffs: [50, 30]}
                    - id: ehs
                      item: baseline.extrahepatic_spread
                      groups:
                        - {code: "YES", label: "Yes", codes: [NODAL]}
                        - {code: "NO", label: "No", codes: [NONE]}
                    - {id: sex, item: baseline.sex, cutoffs: [1]}
                    - {id: date, item: baseline.diagnosis_date}
                    - {id: ecog, item: baseline.ecog}
                    - {id: ecog_t, item: baseline.ecog, test: t_test}
                  baseline: [ecog, nothing]
                  subgroups: [size2]
                  cox:
                    covariates:
                      - {variable: ecog, reference: "7"}
                  qol: {before: fu_3m}
                  tables: [consort, subgroups]
                """);

        assertThat(errors).extracting(e -> e.location().line() + " " + e.kind()).containsExactly(
                "33 UNKNOWN_REFERENCE", "34 INVALID_VALUE", "37 INVALID_VALUE", "40 KEY_NOT_ALLOWED",
                "41 INVALID_VALUE", "43 INVALID_VALUE", "44 UNKNOWN_REFERENCE", "45 UNKNOWN_REFERENCE",
                "48 UNKNOWN_REFERENCE", "49 UNKNOWN_REFERENCE", "50 INVALID_VALUE");
        assertThat(errors.get(0).message()).contains("unknown item 'agee'").contains("did you mean 'age'");
        assertThat(errors.get(1).message()).contains("must increase");
        assertThat(errors.get(2).message()).contains("leave out code(s) DISTANT");
        assertThat(errors.get(4).message()).contains("is a date");
        assertThat(errors.get(5).message()).contains("t_test does not fit");
        assertThat(errors.get(8).message()).contains("'7' is not a level of variable 'ecog'");
        assertThat(errors.get(9).message()).contains("not a visit collecting qlq_c30");
        assertThat(errors.get(10).message()).contains("subgroups cannot be produced");
    }
}
