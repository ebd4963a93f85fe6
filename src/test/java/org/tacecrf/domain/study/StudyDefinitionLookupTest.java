package org.tacecrf.domain.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lookup helpers other layers use, on the shipped ICC study. */
class StudyDefinitionLookupTest {

    static StudyDefinition study;

    @BeforeAll
    static void load() {
        study = StudyDefinitionLoader.builtIn().loadFile(ShippedStudiesTest.STUDIES.resolve("icc-deb-tace.yaml"));
    }

    @Test
    void formsAreFoundByIdInScheduleOrder() {
        assertThat(study.form("baseline")).isPresent();
        assertThat(study.form("qlq_c30")).as("not collected by this study").isEmpty();
        assertThat(study.forms()).extracting(FormDef::id).startsWith("eligibility", "enrolment", "baseline",
                "baseline_imaging", "tace_session", "post_labs");
    }

    @Test
    void visitsCarryTimingWindowsAndForms() {
        VisitDef fu = study.visit("fu_1m").orElseThrow();
        assertThat(fu.type()).isEqualTo(VisitType.FOLLOW_UP);
        assertThat(fu.timing().anchor()).isEqualTo(Anchor.FIRST_TACE);
        assertThat(fu.timing().earliestDay()).isEqualTo(23);
        assertThat(fu.timing().latestDay()).isEqualTo(37);
        assertThat(fu.forms()).extracting(VisitForm::formId).containsExactly("imaging_assessment", "labs",
                "tumour_markers");
        assertThat(study.visit("tace").orElseThrow().form("post_labs")).map(VisitForm::mandatory).contains(false);
        assertThat(study.visit("baseline").orElseThrow().timing().earliestDay()).isEqualTo(-28);
        assertThat(study.visit("logs").orElseThrow().type().odmType()).isEqualTo("Common");
        assertThat(study.visit("nope")).isEmpty();
        assertThat(study.visitsCollecting("imaging_assessment")).extracting(VisitDef::id)
                .containsExactly("fu_1m", "fu_q4_6w");
    }

    @Test
    void itemsCarryUnitsRangesAndConversions() {
        ItemDef albumin = study.item("baseline", "albumin").orElseThrow();
        assertThat(albumin.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(albumin.precision()).isEqualTo(1);
        assertThat(albumin.unit()).isEqualTo("g/L");
        assertThat(albumin.testCode()).isEqualTo("ALB");
        AlternativeUnit gPerDl = albumin.alternativeUnit("g/dL").orElseThrow();
        assertThat(gPerDl.toCanonical(new BigDecimal("3.5"))).isEqualByComparingTo("35");
        assertThat(albumin.hardRange().contains(new BigDecimal("80"))).isFalse();
        assertThat(albumin.softRange().contains(new BigDecimal("18"))).isFalse();
        assertThat(albumin.softRange().contains(new BigDecimal("38"))).isTrue();

        ItemDef bilirubin = study.item("baseline", "total_bilirubin").orElseThrow();
        assertThat(bilirubin.alternativeUnit("mg/dL").orElseThrow().toCanonical(BigDecimal.valueOf(2)))
                .isEqualByComparingTo("34.2");
        assertThat(study.item("baseline", "no_such_item")).isEmpty();
        assertThat(study.item("no_such_form", "albumin")).isEmpty();
    }

    @Test
    void calculatedItemsNameTheirDerivation() {
        ItemDef cpClass = study.item("baseline", "child_pugh_class").orElseThrow();
        assertThat(cpClass.calculated()).isTrue();
        assertThat(cpClass.calculation().derivation()).isEqualTo(DerivationKind.CHILD_PUGH_CLASS);
        assertThat(study.codeListOf(cpClass).orElseThrow().codes()).containsExactly("A", "B", "C");
        ItemDef change = study.item("post_labs", "alt_change").orElseThrow();
        assertThat(change.calculation().derivation()).isEqualTo(DerivationKind.LAB_CHANGE_FROM_PRE);
        assertThat(change.calculation().argument()).isEqualTo("alt");
        assertThat(change.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(study.item("baseline", "child_pugh_points").orElseThrow().dataType()).isEqualTo(DataType.INTEGER);
    }

    @Test
    void codeListsIncludeWhatItemsUseAndWhatTheStudySupplies() {
        CodeList ecog = study.codeList("ecog").orElseThrow();
        assertThat(ecog.ordinal()).isTrue();
        assertThat(ecog.item("1").orElseThrow().label().get(Locale.CHINESE)).startsWith("1 - ");
        assertThat(study.codeList("bile_duct_level")).map(CodeList::origin).contains(Origin.STUDY);
        assertThat(study.codeList(FormLibrary.STUDY_ARMS).orElseThrow().codes()).containsExactly("deb_tace");
        assertThat(study.codeList(FormLibrary.STUDY_ELIGIBILITY).orElseThrow().codes())
                .containsExactly("in01", "in02", "in03", "ex01", "ex02");
        assertThat(study.codeList("qlq_4point")).as("not used by this study").isEmpty();
    }

    @Test
    void allItemsListsEveryItemOnceWithItsPath() {
        Set<String> paths = new HashSet<>();
        for (ItemPath p : study.allItems()) {
            assertThat(paths.add(p.path())).as(p.path()).isTrue();
            assertThat(p.form().item(p.item().id())).contains(p.item());
            assertThat(p.group().item(p.item().id())).contains(p.item());
        }
        assertThat(paths).contains("baseline.tumour_burden.cholangiectasis", "baseline.tumour_burden.cholangiectasis_level", "tace_session.microspheres.dose_loaded_mg",
                "adverse_event.event.ae_grade");
        assertThat(study.allItems().stream().filter(p -> p.item().identifying()).map(ItemPath::path))
                .containsExactlyInAnyOrder("enrolment.enrolment.medical_record_number", "enrolment.enrolment.initials");
    }

    @Test
    void identificationAndSites() {
        assertThat(study.title().get(Locale.ENGLISH)).startsWith("DEB-TACE with CalliSpheres");
        assertThat(study.title().get(Locale.SIMPLIFIED_CHINESE)).startsWith("CalliSpheres");
        assertThat(study.protocolNumber()).isEmpty();
        assertThat(study.version()).isEqualTo("1.0");
        assertThat(study.site("ZJU").orElseThrow().enrolmentTarget()).isEqualTo(88);
        assertThat(study.eligibility(CriterionKind.EXCLUSION)).extracting(EligibilityCriterion::id)
                .containsExactly("ex01", "ex02");
        assertThat(study.location()).isEqualTo(new SourceLocation("icc-deb-tace.yaml", 6, 5));
    }

    @Test
    void theModelCannotBeChanged() {
        assertThatThrownBy(() -> study.schedule().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> study.forms().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> study.form("baseline").orElseThrow().groups().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> study.codeList("ecog").orElseThrow().items().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
