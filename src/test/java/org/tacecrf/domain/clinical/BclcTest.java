package org.tacecrf.domain.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tacecrf.domain.clinical.BclcParameters.NonCancerPs;
import org.tacecrf.domain.clinical.BclcParameters.Variant;

class BclcTest {

    /** Preserved liver function, PS 0, no invasion or spread; tumour burden still to set. */
    private static BclcInputs.Builder preservedPs0() {
        return BclcInputs.builder().liverFunction(LiverFunction.PRESERVED).ecogPs(0)
                .macrovascularInvasion(false).extrahepaticSpread(ExtrahepaticSpread.NONE);
    }

    private static Derivation<BclcResult> suggest(BclcInputs in) {
        return Bclc.suggest(in, BclcParameters.DEFAULT);
    }

    @Test
    void poorPerformanceStatusIsStageDWhateverTheMissingTumourData() {
        Derivation<BclcResult> d = suggest(BclcInputs.builder().ecogPs(3).build());
        assertThat(d.get().stage()).isEqualTo(BclcStage.D);
        assertThat(d.get().step()).isEqualTo(1);
        assertThat(d.get().notProvided())
                .containsExactly("noduleCount", "largestDiameterMm", "macrovascularInvasion", "extrahepaticSpread",
                        "liverFunction");
        assertThat(d.algorithm().name()).startsWith("BCLC 2022");
    }

    @Test
    void endStageLiverFunctionIsStageD() {
        assertThat(suggest(preservedPs0().liverFunction(LiverFunction.END_STAGE).noduleCount(1).largestDiameterMm(15)
                .build()).get().stage()).isEqualTo(BclcStage.D);
    }

    @Test
    void macrovascularInvasionOrSpreadIsStageC() {
        Derivation<BclcResult> mvi = suggest(preservedPs0().macrovascularInvasion(true).noduleCount(1)
                .largestDiameterMm(15).build());
        assertThat(mvi.get().stage()).isEqualTo(BclcStage.C);
        assertThat(mvi.get().step()).isEqualTo(2);
        assertThat(suggest(preservedPs0().extrahepaticSpread(ExtrahepaticSpread.NODAL).noduleCount(2).build()).get()
                .stage()).isEqualTo(BclcStage.C);
        // spread unknown does not matter once invasion is known
        assertThat(suggest(BclcInputs.builder().liverFunction(LiverFunction.PRESERVED).ecogPs(0)
                .macrovascularInvasion(true).build()).get().stage()).isEqualTo(BclcStage.C);
    }

    @Test
    void cancerRelatedPs1IsStageC() {
        assertThat(suggest(preservedPs0().ecogPs(1).psCancerRelated(true).noduleCount(1).largestDiameterMm(15).build())
                .get().stage()).isEqualTo(BclcStage.C);
    }

    @ParameterizedTest(name = "{0} nodule(s), largest {1} mm -> {2}")
    @CsvSource({
            "1, 20,  STAGE_0",
            "1, 21,  A",
            "1, 120, A",
            "2, 30,  A",
            "3, 30,  A",
            "3, 31,  B",
            "2, 45,  B",
            "4, 10,  B",
    })
    void tumourBurdenWithPs0(int count, int largestMm, BclcStage expected) {
        Derivation<BclcResult> d = suggest(preservedPs0().noduleCount(count).largestDiameterMm(largestMm).build());
        assertThat(d.get().stage()).isEqualTo(expected);
        assertThat(d.get().notProvided()).isEmpty();
    }

    @Test
    void largestDiameterIsTakenFromTheListedSizesWhenEveryNoduleIsListed() {
        Derivation<BclcResult> d = suggest(preservedPs0().noduleCount(2).noduleDiametersMm(12, 28.5).build());
        assertThat(d.get().stage()).isEqualTo(BclcStage.A);
        assertThat(d.get().notProvided()).isEmpty();
        Derivation<BclcResult> partial = suggest(preservedPs0().noduleCount(3).noduleDiametersMm(12, 28.5).build());
        assertThat(partial.isComputed()).isFalse();
        assertThat(partial.missingInputs()).containsExactly("largestDiameterMm");
    }

    @Test
    void fourOrMoreNodulesNeedNoSize() {
        assertThat(suggest(preservedPs0().noduleCount(5).build()).get().stage()).isEqualTo(BclcStage.B);
    }

    @Test
    void aSingleNoduleWithoutSizeCannotBeToldApartBetween0AndA() {
        Derivation<BclcResult> d = suggest(preservedPs0().noduleCount(1).build());
        assertThat(d.isComputed()).isFalse();
        assertThat(d.missingInputs()).containsExactly("largestDiameterMm");
        assertThat(d.reason()).contains("step 3");
    }

    @Test
    void missingLiverFunctionBlocksEveryStageButD() {
        Derivation<BclcResult> d = suggest(BclcInputs.builder().ecogPs(0).macrovascularInvasion(false)
                .extrahepaticSpread(ExtrahepaticSpread.NONE).noduleCount(1).largestDiameterMm(15).build());
        assertThat(d.isComputed()).isFalse();
        assertThat(d.missingInputs()).containsExactly("liverFunction");
    }

    @Test
    void ps1WithUnknownCauseNeedsTheCause() {
        Derivation<BclcResult> d = suggest(preservedPs0().ecogPs(1).noduleCount(1).largestDiameterMm(15).build());
        assertThat(d.missingInputs()).containsExactly("psCancerRelated");
    }

    @Test
    void ps1NotRelatedToCancerIsStagedAsPs0ByDefault() {
        BclcInputs in = preservedPs0().ecogPs(1).psCancerRelated(false).noduleCount(1).largestDiameterMm(15).build();
        assertThat(suggest(in).get().stage()).isEqualTo(BclcStage.STAGE_0);

        Derivation<BclcResult> strict = Bclc.suggest(in, new BclcParameters(Variant.BCLC_2022, NonCancerPs.NOT_STAGED));
        assertThat(strict.isComputed()).isFalse();
        assertThat(strict.problems().get(0).kind()).isEqualTo(InputProblem.Kind.NOT_COVERED);
        assertThat(strict.algorithm().name()).contains("not staged");
    }

    @Test
    void legacyVariantUsesChildPughClasses() {
        BclcParameters legacy = BclcParameters.of(Variant.LEGACY_CHILD_PUGH);
        BclcInputs.Builder small = BclcInputs.builder().ecogPs(0).macrovascularInvasion(false)
                .extrahepaticSpread(ExtrahepaticSpread.NONE).noduleCount(1).largestDiameterMm(18);
        assertThat(Bclc.suggest(small.childPughClass(ChildPughClass.A).build(), legacy).get().stage())
                .isEqualTo(BclcStage.STAGE_0);
        assertThat(Bclc.suggest(small.childPughClass(ChildPughClass.B).build(), legacy).get().stage())
                .isEqualTo(BclcStage.A);
        assertThat(Bclc.suggest(small.childPughClass(ChildPughClass.C).build(), legacy).get().stage())
                .isEqualTo(BclcStage.D);
        Derivation<BclcResult> noClass = Bclc.suggest(small.childPughClass(null).build(), legacy);
        assertThat(noClass.missingInputs()).containsExactly("childPughClass");
        assertThat(noClass.algorithm().name()).startsWith("BCLC legacy");
    }

    @Test
    void contradictoryOrImpossibleInputsAreRejected() {
        Derivation<BclcResult> tooManySizes = suggest(preservedPs0().noduleCount(1).noduleDiametersMm(10, 20).build());
        assertThat(tooManySizes.problems()).extracting(InputProblem::kind).containsExactly(InputProblem.Kind.INCONSISTENT);

        Derivation<BclcResult> largestTooSmall = suggest(preservedPs0().noduleCount(2).largestDiameterMm(15)
                .noduleDiametersMm(10, 20).build());
        assertThat(largestTooSmall.problems()).extracting(InputProblem::input).containsExactly("largestDiameterMm");

        assertThat(suggest(preservedPs0().noduleCount(0).build()).problems().get(0).input()).isEqualTo("noduleCount");
        Derivation<BclcResult> dead = suggest(preservedPs0().ecogPs(5).noduleCount(1).largestDiameterMm(10).build());
        assertThat(dead.problems().get(0).message()).contains("ECOG PS 5");
    }

    @Test
    void comparisonRaisesAQueryOnlyWhenStagesDiffer() {
        Derivation<BclcResult> suggested = suggest(preservedPs0().noduleCount(4).build());
        BclcStageComparison differs = BclcStageComparison.compare(BclcStage.C, suggested);
        assertThat(differs.status()).isEqualTo(BclcStageComparison.Status.DIFFERS);
        assertThat(differs.needsQuery()).isTrue();
        assertThat(differs.message()).contains("stage C differs from stage B").contains("step 5");

        BclcStageComparison agrees = BclcStageComparison.compare(BclcStage.B, suggested);
        assertThat(agrees.status()).isEqualTo(BclcStageComparison.Status.AGREES);
        assertThat(agrees.needsQuery()).isFalse();

        assertThat(BclcStageComparison.compare(null, suggested).status())
                .isEqualTo(BclcStageComparison.Status.NO_INVESTIGATOR_STAGE);
        BclcStageComparison none = BclcStageComparison.compare(BclcStage.B, suggest(BclcInputs.builder().build()));
        assertThat(none.status()).isEqualTo(BclcStageComparison.Status.NO_SUGGESTED_STAGE);
        assertThat(none.needsQuery()).isFalse();
    }

    @Test
    void stageLabelsRoundTrip() {
        for (BclcStage s : BclcStage.values()) {
            assertThat(BclcStage.fromLabel(s.label())).contains(s);
        }
        assertThat(BclcStage.fromLabel(" b ")).contains(BclcStage.B);
        assertThat(BclcStage.fromLabel("E")).isEmpty();
    }
}
