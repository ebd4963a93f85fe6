package org.tacecrf.domain.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.tacecrf.domain.study.StudyParameters.BilirubinScale;
import org.tacecrf.domain.study.StudyParameters.Coagulation;
import org.tacecrf.domain.study.StudyParameters.EndpointOrigin;
import org.tacecrf.domain.study.StudyParameters.PostEmbolisationSyndrome;
import org.tacecrf.domain.study.StudyParameters.ProgressionDateRule;
import org.tacecrf.domain.study.StudyParameters.ResponseCriteria;

class StudyParametersTest {

    private static final StudyDefinitionLoader LOADER = StudyDefinitionLoader.builtIn();

    private static final String STUDY = """
            id: params
            title: Parameter study
            version: "1"
            design: {timing: prospective, structure: two_arm, randomised: true}
            sites: [{id: S1, name: Site one}, {id: S2, name: Site two, subjectNumberPattern: "{study}/{site}/{seq}"}]
            arms: [{id: a, label: Arm A}, {id: b, label: Arm B}]
            schedule: [{id: tace, label: TACE, type: treatment, forms: [tace_session]}]
            """;

    private static StudyParameters parameters(String yaml) {
        return LOADER.loadString("params.yaml", STUDY + yaml).parameters();
    }

    private static StudyDefinitionException failure(String yaml) {
        try {
            LOADER.loadString("params.yaml", STUDY + yaml);
        } catch (StudyDefinitionException e) {
            return e;
        }
        throw new AssertionError("expected the parameters to be rejected");
    }

    @Test
    void absentParametersTakeTheDefaults() {
        StudyParameters p = parameters("");
        assertThat(p).isEqualTo(StudyParameters.DEFAULTS);
        assertThat(p.childPugh().albuminCutoff()).isEqualTo(28);
        assertThat(p.childPugh().coagulation()).isEqualTo(Coagulation.INR);
        assertThat(p.response().primaryCriteria()).isEqualTo(ResponseCriteria.MRECIST);
        assertThat(p.response().confirmMinDays()).isEqualTo(28);
        assertThat(p.response().sdMinDays()).isEqualTo(42);
        assertThat(p.mrecist().pdAbsoluteMinMm()).isZero();
        assertThat(p.mrecist().maxIntrahepaticTargets()).isEmpty();
        assertThat(p.recist().maxTargets()).isEqualTo(5);
        assertThat(p.recist().maxTargetsPerOrgan()).isEqualTo(2);
        assertThat(p.endpoints().origin()).isEqualTo(EndpointOrigin.FIRST_TACE);
        assertThat(p.endpoints().censorAtNewTherapy()).isTrue();
        assertThat(p.endpoints().missedAssessmentsForCensoring()).isEqualTo(2);
        assertThat(p.ctcae().version()).isEqualTo("5.0");
        assertThat(p.dose().maxPerVialMg()).isEmpty();
        assertThat(p.biomarker().responseDeclinePct()).isEqualByComparingTo("50");
        assertThat(p.biomarker().progressionRisePct()).isEqualByComparingTo("100");
        assertThat(p.sae().reportingHours()).isEqualTo(24);
        assertThat(p.subject().numberPattern().text()).isEqualTo("{site}-{seq:3}");
        assertThat(p.imaging().baselineMaxDaysBeforeTreatment()).isEqualTo(28);
    }

    @Test
    void everyParameterIsReadWithItsType() {
        StudyParameters p = parameters("""
                parameters:
                  childPugh: {albuminCutoff: 30, coagulation: pt, bilirubinScale: cholestatic}
                  albi: {modifiedGrades: true}
                  response: {primaryCriteria: RECIST 1.1, confirmationRequired: true, confirmMinDays: 35,
                             sdMinDays: 56, doubleReading: true, tumourMarkersInCompleteResponse: true}
                  mrecist: {pdAbsoluteMinMm: 5, maxIntrahepaticTargets: 2}
                  recist: {maxTargets: 4, maxTargetsPerOrgan: 1}
                  endpoints: {origin: randomisation, censorAtNewTherapy: false, missedAssessmentsForCensoring: 3,
                              progressionDate: latest_scan}
                  imaging: {baselineMaxDaysBeforeTreatment: 21}
                  ctcae: {version: "6.0", postEmbolisationSyndrome: other_specify}
                  dose: {maxPerVialMg: {EPIRUBICIN: 80, doxorubicin: 75}}
                  biomarker: {responseDeclinePct: 30, progressionRisePct: 50.5}
                  sae: {reportingHours: 48}
                  subject: {numberPattern: "P{seq:4}"}
                """);
        assertThat(p.childPugh().albuminCutoff()).isEqualTo(30);
        assertThat(p.childPugh().coagulation()).isEqualTo(Coagulation.PT);
        assertThat(p.childPugh().bilirubinScale()).isEqualTo(BilirubinScale.CHOLESTATIC);
        assertThat(p.albi().modifiedGrades()).isTrue();
        assertThat(p.response()).isEqualTo(new StudyParameters.Response(ResponseCriteria.RECIST_1_1, true, 35, 56,
                true, true));
        assertThat(p.mrecist()).isEqualTo(new StudyParameters.Mrecist(5, OptionalInt.of(2)));
        assertThat(p.recist()).isEqualTo(new StudyParameters.Recist(4, 1));
        assertThat(p.endpoints()).isEqualTo(new StudyParameters.Endpoints(EndpointOrigin.RANDOMISATION, false, 3,
                ProgressionDateRule.LATEST_SCAN));
        assertThat(p.imaging().baselineMaxDaysBeforeTreatment()).isEqualTo(21);
        assertThat(p.ctcae()).isEqualTo(new StudyParameters.Ctcae("6.0", PostEmbolisationSyndrome.OTHER_SPECIFY));
        assertThat(p.dose().maxPerVialMg("EPIRUBICIN")).contains(new BigDecimal("80"));
        assertThat(p.dose().maxPerVialMg("DOXORUBICIN")).contains(new BigDecimal("75"));
        assertThat(p.biomarker().progressionRisePct()).isEqualByComparingTo("50.5");
        assertThat(p.sae().reportingHours()).isEqualTo(48);
        assertThat(p.subject().numberPattern().format("params", "S1", 12)).isEqualTo("P0012");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RECIST1.1", "RECIST 1.1", "recist_1_1", "Recist-1.1"})
    void criteriaNamesAreReadAsPeopleWriteThem(String name) {
        assertThat(parameters("parameters: {response: {primaryCriteria: " + name + "}}").response().primaryCriteria())
                .isEqualTo(ResponseCriteria.RECIST_1_1);
    }

    @Test
    void sitesWithoutAPatternUseTheStudyDefault() {
        StudyDefinition study = LOADER.loadString("params.yaml", STUDY + "parameters: {subject: {numberPattern: \"T-{seq:2}\"}}");
        assertThat(study.site("S1").orElseThrow().subjectNumberPattern().format(study.id(), "S1", 3)).isEqualTo("T-03");
        assertThat(study.site("S2").orElseThrow().subjectNumberPattern().format(study.id(), "S2", 3))
                .isEqualTo("params/S2/3");
    }

    @Test
    void invalidValuesAreAllReported() {
        StudyDefinitionException e = failure("""
                parameters:
                  recist: {maxTargets: 2, maxTargetsPerOrgan: 3}
                  biomarker: {responseDeclinePct: 0}
                  sae: {reportingHours: 0}
                  subject: {numberPattern: "{site}-{nr}"}
                  endpoints: {censorAtNewTherapy: yes}
                  mrecist: {pdAbsoluteMinMm: 25}
                """);
        assertThat(e.errors()).extracting(StudyDefinitionError::kind).containsExactly(ErrorKind.INVALID_PARAMETER,
                ErrorKind.INVALID_PARAMETER, ErrorKind.INVALID_PARAMETER, ErrorKind.INVALID_PARAMETER,
                ErrorKind.WRONG_TYPE, ErrorKind.INVALID_PARAMETER);
        assertThat(e.errors()).extracting(StudyDefinitionError::message).anySatisfy(m -> assertThat(m)
                .contains("maxTargetsPerOrgan (3) must not exceed maxTargets (2)"));
        assertThat(e.errors()).extracting(StudyDefinitionError::message).anySatisfy(m -> assertThat(m)
                .contains("unknown token {nr}"));
        assertThat(e.errors()).extracting(StudyDefinitionError::message).anySatisfy(m -> assertThat(m)
                .contains("must be true or false, found 'yes'"));
    }

    @Test
    void unknownAreaIsRejectedWithASuggestion() {
        StudyDefinitionException e = failure("parameters: {childpugh: {albuminCutoff: 30}}\n");
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.kind()).isEqualTo(ErrorKind.UNKNOWN_KEY);
            assertThat(err.message()).contains("did you mean 'childPugh'");
        });
    }

    @Test
    void randomisationOriginIsAcceptedForARandomisedDesign() {
        assertThat(parameters("parameters: {endpoints: {origin: randomisation}}").endpoints().origin())
                .isEqualTo(EndpointOrigin.RANDOMISATION);
    }

    @Test
    void typedRecordsRefuseImpossibleValuesWhenBuiltInCode() {
        assertThatThrownBy(() -> new StudyParameters.ChildPugh(32, Coagulation.INR, BilirubinScale.STANDARD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StudyParameters.Ctcae("5", PostEmbolisationSyndrome.COMPONENTS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StudyParameters.Recist(2, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
