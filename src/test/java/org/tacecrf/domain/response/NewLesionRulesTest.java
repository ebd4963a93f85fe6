package org.tacecrf.domain.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tacecrf.domain.response.Fixtures.day;
import static org.tacecrf.domain.response.Fixtures.measured;
import static org.tacecrf.domain.response.Fixtures.withNewLesions;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NewLesionRulesTest {

    private static final ResponseParameters PARAMS = ResponseParameters.defaults();
    private static final Baseline BASELINE = Fixtures.targets(40);

    private static TimePointResponse last(Criteria criteria, ResponseParameters p, List<Assessment> course) {
        List<TimePointResponse> all = ResponseEngine.evaluateAll(criteria, p, BASELINE, course);
        return all.get(all.size() - 1);
    }

    static Stream<Arguments> singleSightings() {
        LesionLocation lung = LesionLocation.of(Organ.LUNG, "left upper lobe");
        LesionLocation ascites = LesionLocation.of(Organ.PERITONEUM, "ascites");
        return Stream.of(
                Arguments.of("typical nodule 10 mm", Criteria.MRECIST,
                        NewLesion.liverNodule("NEW01", LiverSegment.III, 10, true),
                        NewLesionStatus.PRESENT, NewLesionReason.TYPICAL_HCC_PATTERN),
                Arguments.of("typical nodule 9.9 mm", Criteria.MRECIST,
                        NewLesion.liverNodule("NEW01", LiverSegment.III, 9.9, true),
                        NewLesionStatus.EQUIVOCAL, NewLesionReason.BELOW_10_MM),
                Arguments.of("atypical nodule 15 mm", Criteria.MRECIST,
                        NewLesion.liverNodule("NEW01", LiverSegment.III, 15, false),
                        NewLesionStatus.EQUIVOCAL, NewLesionReason.ATYPICAL_AWAITING_GROWTH),
                Arguments.of("same atypical nodule under RECIST is unequivocal", Criteria.RECIST_1_1,
                        NewLesion.liverNodule("NEW01", LiverSegment.III, 15, false),
                        NewLesionStatus.PRESENT, NewLesionReason.UNEQUIVOCAL),
                Arguments.of("reader marks equivocal", Criteria.RECIST_1_1,
                        NewLesion.unequivocal("NEW01", lung, 6.0).asEquivocal(),
                        NewLesionStatus.EQUIVOCAL, NewLesionReason.FLAGGED_EQUIVOCAL),
                Arguments.of("effusion without cytology, mRECIST", Criteria.MRECIST,
                        NewLesion.effusion("NEW01", ascites, null),
                        NewLesionStatus.NONE, NewLesionReason.EFFUSION_WITHOUT_MALIGNANT_CYTOLOGY),
                Arguments.of("effusion with benign cytology, RECIST", Criteria.RECIST_1_1,
                        NewLesion.effusion("NEW01", ascites, false),
                        NewLesionStatus.NONE, NewLesionReason.EFFUSION_WITHOUT_MALIGNANT_CYTOLOGY),
                Arguments.of("effusion with malignant cytology", Criteria.MRECIST,
                        NewLesion.effusion("NEW01", ascites, true),
                        NewLesionStatus.PRESENT, NewLesionReason.MALIGNANT_CYTOLOGY),
                Arguments.of("new node 9 mm", Criteria.RECIST_1_1,
                        NewLesion.unequivocal("NEW01", LesionLocation.lymphNode(NodalStation.CELIAC), 9.0),
                        NewLesionStatus.NONE, NewLesionReason.NODE_BELOW_10_MM),
                Arguments.of("new porta hepatis node 15 mm, mRECIST", Criteria.MRECIST,
                        NewLesion.unequivocal("NEW01", LesionLocation.lymphNode(NodalStation.PORTA_HEPATIS), 15.0),
                        NewLesionStatus.NONE, NewLesionReason.PORTA_HEPATIS_NODE_BELOW_THRESHOLD),
                Arguments.of("new porta hepatis node 15 mm, RECIST", Criteria.RECIST_1_1,
                        NewLesion.unequivocal("NEW01", LesionLocation.lymphNode(NodalStation.PORTA_HEPATIS), 15.0),
                        NewLesionStatus.PRESENT, NewLesionReason.UNEQUIVOCAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleSightings")
    void judgesOneSighting(String name, Criteria criteria, NewLesion lesion, NewLesionStatus status,
                           NewLesionReason reason) {
        TimePointResponse r = last(criteria, PARAMS, List.of(withNewLesions(measured(day(30), 30), lesion)));
        assertThat(r.newLesions().status()).isEqualTo(status);
        assertThat(r.newLesions().verdicts()).singleElement()
                .extracting(NewLesionVerdict::reason).isEqualTo(reason);
        assertThat(r.overall()).isEqualTo(status == NewLesionStatus.PRESENT ? Response.PD : Response.SD);
    }

    @Test
    void effusionCountsUnderRecistWhenTheStudyDoesNotAskForCytology() {
        ResponseParameters p = PARAMS.toBuilder().recistEffusionRequiresCytology(false).build();
        NewLesion ascites = NewLesion.effusion("NEW01", LesionLocation.of(Organ.PERITONEUM, "ascites"), null);
        assertThat(last(Criteria.RECIST_1_1, p, List.of(withNewLesions(measured(day(30), 30), ascites))).overall())
                .isEqualTo(Response.PD);
        assertThat(last(Criteria.MRECIST, p, List.of(withNewLesions(measured(day(30), 30), ascites))).overall())
                .isEqualTo(Response.SD);
    }

    @Test
    void atypicalNoduleThatGrowsTenMillimetresIsPdDatedBackToFirstSighting() {
        NewLesion first = NewLesion.liverNodule("NEW01", LiverSegment.III, 12, false);
        List<Assessment> course = List.of(
                withNewLesions(measured(day(30), 20), first),
                withNewLesions(measured(day(90), 20), first.withSize(21.9)),
                withNewLesions(measured(day(150), 20), first.withSize(22)));
        List<TimePointResponse> all = ResponseEngine.evaluateAll(Criteria.MRECIST, PARAMS, BASELINE, course);

        assertThat(all).extracting(TimePointResponse::overall).containsExactly(Response.PR, Response.PR, Response.PD);
        TimePointResponse pd = all.get(2);
        assertThat(pd.newLesions().verdicts()).singleElement()
                .extracting(NewLesionVerdict::reason).isEqualTo(NewLesionReason.GREW_10_MM);
        assertThat(pd.progressionBasis()).containsExactly(ProgressionBasis.NEW_LESION);
        assertThat(pd.progressionDate()).isEqualTo(day(30));
        assertThat(ResponseHistory.firstProgressionDate(all)).contains(day(30));
    }

    @Test
    void equivocalLesionConfirmedLaterIsPdDatedBackUnderRecist() {
        NewLesion seen = NewLesion.unequivocal("NEW01", LesionLocation.of(Organ.LUNG, null), 6.0).asEquivocal();
        List<Assessment> course = List.of(
                withNewLesions(measured(day(30), 25), seen),
                withNewLesions(measured(day(90), 25), seen.confirmed(day(30)).withSize(11)));
        List<TimePointResponse> all = ResponseEngine.evaluateAll(Criteria.RECIST_1_1, PARAMS, BASELINE, course);

        assertThat(all.get(0).overall()).isEqualTo(Response.PR);
        assertThat(all.get(0).newLesions().status()).isEqualTo(NewLesionStatus.EQUIVOCAL);
        assertThat(all.get(1).overall()).isEqualTo(Response.PD);
        assertThat(all.get(1).progressionDate()).isEqualTo(day(30));

        // The PR on the scan where the lesion first appeared no longer counts for best response.
        BestOverallResponse bor = BestOverallResponse.derive(all, Fixtures.TREATMENT, PARAMS);
        assertThat(bor.response()).isEqualTo(Response.PD);
        assertThat(bor.firstProgressionDate()).isEqualTo(day(30));
    }

    @Test
    void confirmedWithoutDateIsDatedBackToTheFirstRecordOfTheSameId() {
        NewLesion seen = NewLesion.unequivocal("NEW02", LesionLocation.of(Organ.ADRENAL_GLAND, "left"), 9.0).asEquivocal();
        List<Assessment> course = List.of(
                measured(day(30), 30),
                withNewLesions(measured(day(60), 30), seen),
                withNewLesions(measured(day(90), 30), seen),
                withNewLesions(measured(day(120), 30), seen.confirmed()));
        List<TimePointResponse> all = ResponseEngine.evaluateAll(Criteria.RECIST_1_1, PARAMS, BASELINE, course);
        assertThat(all).extracting(TimePointResponse::overall)
                .containsExactly(Response.SD, Response.SD, Response.SD, Response.PD);
        assertThat(all.get(3).progressionDate()).isEqualTo(day(60));
    }

    @Test
    void confirmationWithoutEarlierRecordUsesTheDateFirstSeenGiven() {
        NewLesion lesion = NewLesion.unequivocal("NEW01", LesionLocation.of(Organ.BONE, "T10"), 15.0)
                .confirmed(day(60));
        TimePointResponse r = last(Criteria.RECIST_1_1, PARAMS, List.of(withNewLesions(measured(day(90), 30), lesion)));
        assertThat(r.progressionDate()).isEqualTo(day(60));
    }

    @Test
    void nodeBelowTenMillimetresAtFirstSightingDoesNotBackdate() {
        LesionLocation celiac = LesionLocation.lymphNode(NodalStation.CELIAC);
        List<Assessment> course = List.of(
                withNewLesions(measured(day(30), 30), NewLesion.unequivocal("NEW01", celiac, 8.0)),
                withNewLesions(measured(day(90), 30), NewLesion.unequivocal("NEW01", celiac, 12.0)));
        List<TimePointResponse> all = ResponseEngine.evaluateAll(Criteria.RECIST_1_1, PARAMS, BASELINE, course);
        assertThat(all.get(0).overall()).isEqualTo(Response.SD);
        assertThat(all.get(1).progressionDate()).isEqualTo(day(90));
    }

    @Test
    void sumAndNewLesionTogetherGiveTheEarlierDate() {
        NewLesion seen = NewLesion.unequivocal("NEW01", LesionLocation.of(Organ.LUNG, null), 6.0).asEquivocal();
        List<Assessment> course = List.of(
                measured(day(30), 20),
                withNewLesions(measured(day(60), 22), seen),
                withNewLesions(measured(day(90), 30), seen.confirmed(day(60))));
        TimePointResponse r = last(Criteria.RECIST_1_1, PARAMS, course);
        assertThat(r.progressionBasis())
                .containsExactlyInAnyOrder(ProgressionBasis.TARGET_SUM, ProgressionBasis.NEW_LESION);
        assertThat(r.progressionDate()).isEqualTo(day(60));
    }
}
