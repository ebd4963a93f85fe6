package org.tacecrf.domain.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** A study extends built-in forms: added items become part of the form; overrides only tighten. */
class StudyExtensionTest {

    private static final StudyDefinitionLoader LOADER = StudyDefinitionLoader.builtIn();

    private static final String HEAD = """
            id: ext
            title: Extension study
            version: "1"
            design: {timing: prospective, structure: single_arm}
            sites: [{id: S1, name: Site one}]
            arms: [{id: a, label: Arm A}]
            schedule:
              - {id: baseline, label: Baseline, type: baseline, forms: [baseline]}
              - {id: tace, label: TACE, type: treatment, forms: [tace_session]}
            """;

    private static StudyDefinition load(String forms) {
        return LOADER.loadString("ext.yaml", HEAD + forms);
    }

    @Test
    void addedItemJoinsAnExistingGroupAndEveryLookup() {
        StudyDefinition study = load("""
                forms:
                  - extends: baseline
                    add:
                      - group: tumour_burden
                        items:
                          - {id: biliary_drainage, label: {en: Biliary drainage before TACE, zh: TACE前胆道引流}, type: yesno, cdash: PROCCUR}
                """);
        FormDef baseline = study.form("baseline").orElseThrow();
        ItemGroupDef burden = baseline.group("tumour_burden").orElseThrow();
        FormDef builtIn = LOADER.library().form("baseline").orElseThrow();

        assertThat(burden.items()).last().extracting(ItemDef::id).isEqualTo("biliary_drainage");
        assertThat(burden.items()).hasSize(builtIn.group("tumour_burden").orElseThrow().items().size() + 1);
        assertThat(study.item("baseline", "biliary_drainage")).map(ItemDef::codeListId).contains("yes_no");
        assertThat(study.codeList("yes_no")).isPresent();
        assertThat(study.allItems()).extracting(ItemPath::path).contains("baseline.tumour_burden.biliary_drainage");
        assertThat(baseline.origin()).isEqualTo(Origin.LIBRARY);
        assertThat(baseline.extended()).isTrue();
        // the library itself is not changed by a study
        assertThat(builtIn.item("biliary_drainage")).isEmpty();
        assertThat(builtIn.extended()).isFalse();
    }

    @Test
    void addingANewGroupAppendsItWithTheFormDomainByDefault() {
        StudyDefinition study = load("""
                codeLists:
                  - id: drainage
                    items: [{code: PTBD, label: Percutaneous}, {code: ERCP, label: Endoscopic}]
                forms:
                  - extends: baseline
                    add:
                      - group: biliary
                        label: Biliary drainage
                        items:
                          - {id: drainage_done, label: Drainage before TACE, type: yesno}
                          - {id: drainage_route, label: Route, type: choice, codeList: drainage}
                      - group: biliary_labs
                        label: Biliary labs
                        domain: LB
                        items:
                          - {id: bile_culture, label: Bile culture positive, type: yesno}
                """);
        FormDef baseline = study.form("baseline").orElseThrow();
        assertThat(baseline.groups()).extracting(ItemGroupDef::id).endsWith("biliary", "biliary_labs");
        ItemGroupDef biliary = baseline.group("biliary").orElseThrow();
        assertThat(biliary.origin()).isEqualTo(Origin.STUDY);
        assertThat(biliary.domain()).isEqualTo(CdashDomain.MH);
        assertThat(baseline.group("biliary_labs").orElseThrow().domain()).isEqualTo(CdashDomain.LB);
        assertThat(study.codeListOf(baseline.item("drainage_route").orElseThrow()).orElseThrow().codes())
                .containsExactly("PTBD", "ERCP");
    }

    @Test
    void overrideTightensRangesAndClipsTheSoftRange() {
        StudyDefinition study = load("""
                forms:
                  - extends: baseline
                    override:
                      albumin: {hardRange: {min: 10, max: 60}}
                      age: {hardRange: {min: 18, max: 80}, softRange: {min: 30, max: 75}}
                      crp: {required: true, label: {en: CRP before TACE, zh: 术前CRP}}
                      inr: {required: false}
                """);
        ItemDef builtInAlbumin = LOADER.library().form("baseline").orElseThrow().item("albumin").orElseThrow();
        ItemDef albumin = study.item("baseline", "albumin").orElseThrow();
        assertThat(builtInAlbumin.softRange()).isEqualTo(NumericRange.of(20, 55));
        assertThat(albumin.hardRange()).isEqualTo(new NumericRange(BigDecimal.TEN, BigDecimal.valueOf(60)));
        // built-in soft range [20, 55] lies inside the new hard range and is kept
        assertThat(albumin.softRange()).isEqualTo(NumericRange.of(20, 55));

        ItemDef age = study.item("baseline", "age").orElseThrow();
        assertThat(age.hardRange()).isEqualTo(new NumericRange(BigDecimal.valueOf(18), BigDecimal.valueOf(80)));
        assertThat(age.softRange()).isEqualTo(new NumericRange(BigDecimal.valueOf(30), BigDecimal.valueOf(75)));

        ItemDef crp = study.item("baseline", "crp").orElseThrow();
        assertThat(crp.required()).isTrue();
        assertThat(crp.label().en()).isEqualTo("CRP before TACE");
        assertThat(crp.unit()).isEqualTo("mg/L");
        assertThat(study.item("baseline", "inr")).map(ItemDef::required).contains(false);
    }

    @Test
    void tighterHardRangeCutsTheBuiltInSoftRange() {
        StudyDefinition study = load("""
                forms:
                  - extends: baseline
                    override:
                      albumin: {hardRange: {min: 25, max: 50}}
                """);
        assertThat(study.item("baseline", "albumin").orElseThrow().softRange())
                .isEqualTo(new NumericRange(BigDecimal.valueOf(25), BigDecimal.valueOf(50)));
    }

    @Test
    void softRangeOutsideTheTightenedHardRangeIsRejected() {
        assertThatThrownBy(() -> load("""
                forms:
                  - extends: baseline
                    override:
                      albumin: {hardRange: {min: 25, max: 50}, softRange: {min: 20, max: 45}}
                """)).isInstanceOfSatisfying(StudyDefinitionException.class, e -> {
            assertThat(e.errors()).singleElement().satisfies(err -> {
                assertThat(err.kind()).isEqualTo(ErrorKind.INVALID_RANGE);
                assertThat(err.message()).contains("lies outside its hard range [25, 50]");
            });
        });
    }

    @Test
    void rangesOfNonNumericItemsCannotBeOverridden() {
        assertThatThrownBy(() -> load("""
                forms:
                  - extends: baseline
                    override:
                      sex: {softRange: {min: 0, max: 1}}
                """)).isInstanceOfSatisfying(StudyDefinitionException.class,
                e -> assertThat(e.errors()).extracting(StudyDefinitionError::kind).containsExactly(ErrorKind.KEY_NOT_ALLOWED));
    }

    @Test
    void studyFormsMayUseTheBuiltInLabPanel() {
        StudyDefinition study = LOADER.loadString("ext.yaml", HEAD.replace("forms: [tace_session]",
                "forms: [tace_session, day7_labs]") + """
                forms:
                  - id: day7_labs
                    label: Labs one week after TACE
                    domain: LB
                    groups:
                      - use: lab_panel
                      - id: extra
                        label: Extra
                        items: [{id: ammonia, label: Ammonia, type: decimal, precision: 0, unit: umol/L}]
                """);
        FormDef form = study.form("day7_labs").orElseThrow();
        assertThat(form.group("lab_panel").orElseThrow().origin()).isEqualTo(Origin.LIBRARY);
        assertThat(form.item("albumin")).isEqualTo(LOADER.library().itemGroup("lab_panel").orElseThrow().item("albumin"));
        assertThat(form.item("ammonia").orElseThrow().origin()).isEqualTo(Origin.STUDY);
    }
}
