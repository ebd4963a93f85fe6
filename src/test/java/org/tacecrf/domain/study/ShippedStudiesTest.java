package org.tacecrf.domain.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The five study definitions shipped in config/studies load without errors and say what their papers did. */
class ShippedStudiesTest {

    /** config/studies of the project; Maven runs tests with the project root as working directory. */
    static final Path STUDIES = Path.of(System.getProperty("basedir", ".")).resolve("config/studies");

    static StudyCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = StudyCatalog.load(STUDIES);
    }

    @Test
    void allFiveLoadInFileNameOrder() {
        assertThat(catalog.all()).extracting(StudyDefinition::id).containsExactly("crlm-deb-vs-ctace",
                "hcc-deb-sorafenib", "icc-deb-tace", "layered-embolization", "nsclc-lm-tace-125i");
        assertThat(catalog.all()).allSatisfy(s -> assertThat(s.sourceFile()).isEqualTo(s.id() + ".yaml"));
    }

    @Test
    void everyVisitFormAndCodeListResolves() {
        for (StudyDefinition study : catalog.all()) {
            for (VisitDef visit : study.schedule()) {
                assertThat(visit.forms()).allSatisfy(f -> assertThat(study.form(f.formId())).isPresent());
            }
            for (ItemPath path : study.allItems()) {
                if (path.item().codeListId() != null) {
                    assertThat(study.codeListOf(path.item())).as(path.path()).isPresent();
                }
            }
        }
    }

    @Test
    void everyStudyClassesOtherTreatmentsAndLogsTheirDoseChanges() {
        for (StudyDefinition study : catalog.all()) {
            FormDef form = study.form("other_treatment").orElseThrow();
            assertThat(form.item("timing")).as(study.id()).hasValueSatisfying(i -> {
                assertThat(i.calculated()).isTrue();
                assertThat(i.calculation().derivation()).isEqualTo(DerivationKind.TREATMENT_TIMING);
                assertThat(study.codeListOf(i).orElseThrow().codes()).containsExactly("PREVIOUS", "CONCOMITANT", "SUBSEQUENT");
            });
            assertThat(form.item("therapy_line")).as(study.id()).isPresent();
            ItemGroupDef log = form.group("dose_modifications").orElseThrow();
            assertThat(log.repeating()).isTrue();
            assertThat(log.items()).extracting(ItemDef::id).containsExactly("modification_date", "modification_type",
                    "modification_dose", "modification_reason", "modification_reason_detail");
        }
    }

    @Test
    void iccStudyRequiresCholangiectasisAndAddsItsExtentToTheBaselineForm() {
        StudyDefinition icc = catalog.get("icc-deb-tace");
        FormDef baseline = icc.form("baseline").orElseThrow();
        ItemDef item = baseline.item("cholangiectasis").orElseThrow();
        ItemDef builtIn = FormLibrary.builtIn().form("baseline").orElseThrow().item("cholangiectasis").orElseThrow();

        assertThat(baseline.extended()).isTrue();
        assertThat(baseline.groupOf("cholangiectasis")).map(ItemGroupDef::id).contains("tumour_burden");
        assertThat(item.origin()).isEqualTo(Origin.LIBRARY);
        assertThat(item.label().zh()).isEqualTo("胆管扩张");
        assertThat(item.cdash()).isEqualTo("MHOCCUR");
        assertThat(item.required()).isTrue();
        assertThat(builtIn.required()).as("built-in item, required by the ICC study only").isFalse();
        // The study's own item follows the built-in one it details.
        ItemDef extent = baseline.item("cholangiectasis_level").orElseThrow();
        assertThat(extent.origin()).isEqualTo(Origin.STUDY);
        assertThat(baseline.group("tumour_burden").orElseThrow().items()).extracting(ItemDef::id)
                .endsWith("cholangiectasis", "cholangiectasis_level");
        assertThat(icc.codeListOf(extent).orElseThrow().codes()).containsExactly("PERIPHERAL", "HILAR");
        assertThat(icc.allItems()).extracting(ItemPath::path)
                .contains("baseline.tumour_burden.cholangiectasis", "baseline.tumour_burden.cholangiectasis_level");
        StudyDefinition hcc = catalog.get("hcc-deb-sorafenib");
        assertThat(hcc.item("baseline", "cholangiectasis")).map(ItemDef::required).contains(false);
        assertThat(hcc.item("baseline", "cholangiectasis_level")).isEmpty();
        assertThat(icc.item("baseline", "ca19_9")).map(ItemDef::required).contains(true);
        assertThat(icc.parameters().mrecist().maxIntrahepaticTargets()).hasValue(2);
        assertThat(icc.parameters().dose().maxPerVialMg("EPIRUBICIN")).contains(new BigDecimal("80"));
        assertThat(icc.design().timing()).isEqualTo(StudyDesign.Timing.RETROSPECTIVE);
    }

    @Test
    void sorafenibStudyHasTwoArmsThreeSitesAndCtcae3() {
        StudyDefinition s = catalog.get("hcc-deb-sorafenib");
        assertThat(s.arms()).extracting(ArmDef::id).containsExactly("deb_tace_sorafenib", "deb_tace");
        assertThat(s.codeList(FormLibrary.STUDY_ARMS).orElseThrow().codes())
                .containsExactly("deb_tace_sorafenib", "deb_tace");
        assertThat(s.sites()).extracting(SiteDef::id).containsExactly("LYCH", "DLZS", "BTCH");
        assertThat(s.parameters().ctcae().version()).isEqualTo("3.0");
        assertThat(s.visit("fu_q4_6w").orElseThrow().timing().anchorVisitId()).isEqualTo("fu_3m");
        assertThat(s.visit("fu_q4_6w").orElseThrow().interval()).isEqualTo(new RepeatInterval(28, 42));
        assertThat(s.item("other_treatment", "days_after_first_tace")).isPresent();
        assertThat(s.codeList("large_tumour_pattern")).isPresent();
    }

    @Test
    void nsclcStudyImplantsSeedsAfterTheLastTaceAndAsksQualityOfLifeTwice() {
        StudyDefinition s = catalog.get("nsclc-lm-tace-125i");
        VisitDef seeds = s.visit("seed_implantation").orElseThrow();
        assertThat(seeds.type()).isEqualTo(VisitType.PROCEDURE);
        assertThat(seeds.timing().anchor()).isEqualTo(Anchor.LAST_TACE);
        assertThat(s.visit("fu_3m").orElseThrow().timing())
                .isEqualTo(new VisitTiming(Anchor.VISIT, "seed_implantation", 90, 14, 14));
        assertThat(s.visitsCollecting("qlq_c30")).extracting(VisitDef::id).containsExactly("baseline", "fu_3m");
        assertThat(s.visit("tace").orElseThrow().maxRepeats()).isEqualTo(3);
        assertThat(s.item("baseline", "systemic_lines").orElseThrow().softRange().min()).isEqualByComparingTo("2");
        assertThat(s.site("DMU2").orElseThrow().subjectNumberPattern().format(s.id(), "DMU2", 7)).isEqualTo("DMU2-07");
        assertThat(s.site("DLZS").orElseThrow().subjectNumberPattern().format(s.id(), "DLZS", 7)).isEqualTo("DLZS-007");
    }

    @Test
    void colorectalStudyUsesDoubleReadingWithARequiredReader() {
        StudyDefinition s = catalog.get("crlm-deb-vs-ctace");
        assertThat(s.parameters().response().doubleReading()).isTrue();
        assertThat(s.item("imaging_assessment", "reader")).map(ItemDef::required).contains(true);
        assertThat(s.visit("response").orElseThrow().timing().anchor()).isEqualTo(Anchor.EACH_TACE);
        EditCheckDef check = s.editCheck("technique_matches_arm").orElseThrow();
        assertThat(check.expression().text()).contains("screening.enrolment.arm == 'deb_tace'");
        assertThat(check.expression().location().file()).isEqualTo("crlm-deb-vs-ctace.yaml");
        assertThat(check.expression().location().line()).isPositive();
    }

    @Test
    void layeredStudyHasItsOwnFormAndBiomarkerThresholds() {
        StudyDefinition s = catalog.get("layered-embolization");
        FormDef pes = s.form("pes_assessment").orElseThrow();
        assertThat(pes.origin()).isEqualTo(Origin.STUDY);
        assertThat(pes.domain()).isEqualTo(CdashDomain.FA);
        assertThat(s.visit("tace").orElseThrow().collects("pes_assessment")).isTrue();
        assertThat(s.form("tace_session").orElseThrow().group("embolics").orElseThrow().item("embolic_order")).isPresent();
        assertThat(s.item("post_labs", "crp")).map(ItemDef::required).contains(true);
        assertThat(s.parameters().biomarker().responseDeclinePct()).isEqualByComparingTo("50");
        assertThat(s.parameters().biomarker().progressionRisePct()).isEqualByComparingTo("100");
        SiteDef site = s.sites().get(0);
        assertThat(site.subjectNumberPattern().format(s.id(), site.id(), 1)).isEqualTo("LE-001");
        assertThat(s.visit("fu_1m").orElseThrow().timing()).isEqualTo(new VisitTiming(Anchor.FIRST_TACE, null, 30, 5, 5));
    }
}
