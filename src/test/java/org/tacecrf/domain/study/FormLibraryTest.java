package org.tacecrf.domain.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The built-in TACE form library loads on its own and keeps the ids other code binds to. */
class FormLibraryTest {

    private static final FormLibrary LIBRARY = FormLibrary.load(FormLibrary.BUILT_IN_ROOT);
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9_]*");

    @Test
    void containsEveryBuiltInForm() {
        assertThat(LIBRARY.forms()).extracting(FormDef::id).containsExactly("enrolment", "eligibility", "baseline",
                "baseline_imaging", "tace_session", "post_labs", "labs", "tumour_markers", "imaging_assessment",
                "adverse_event", "other_treatment", "qlq_c30", "survival_contact", "end_of_study");
        assertThat(LIBRARY.forms()).allSatisfy(f -> {
            assertThat(f.origin()).isEqualTo(Origin.LIBRARY);
            assertThat(f.extended()).isFalse();
        });
    }

    @Test
    void builtInIsLoadedOnceAndSharedByLoaders() {
        assertThat(FormLibrary.builtIn()).isSameAs(FormLibrary.builtIn());
        assertThat(StudyDefinitionLoader.builtIn().library()).isSameAs(FormLibrary.builtIn());
    }

    @Test
    void itemIdsAreStableSnakeCaseWithEnglishAndChineseLabels() {
        for (FormDef form : LIBRARY.forms()) {
            assertThat(form.label().zh()).as(form.id()).isNotNull();
            for (ItemDef item : form.items()) {
                assertThat(item.id()).matches(SNAKE_CASE);
                assertThat(item.label().zh()).as(form.id() + "." + item.id()).isNotBlank();
            }
        }
    }

    @Test
    void everyNumericEntryItemRefusesImpossibleValues() {
        for (FormDef form : LIBRARY.forms()) {
            for (ItemDef item : form.items()) {
                if (item.type().numericEntry()) {
                    assertThat(item.hardRange().min()).as(form.id() + "." + item.id()).isNotNull();
                    assertThat(item.hardRange().max()).as(form.id() + "." + item.id()).isNotNull();
                }
            }
        }
    }

    @Test
    void everyNumericBaselineItemAlsoWarnsOfUnusualValues() {
        for (ItemDef item : LIBRARY.form("baseline").orElseThrow().items()) {
            if (item.type().numericEntry() && !item.id().equals("pt_control")) {
                assertThat(item.softRange().isUnbounded()).as(item.id()).isFalse();
                assertThat(item.softRange().within(item.hardRange())).as(item.id()).isTrue();
            }
        }
    }

    @Test
    void theSameLabPanelIsUsedAtBaselineAfterTaceAndAtFollowUp() {
        ItemGroupDef panel = LIBRARY.itemGroup("lab_panel").orElseThrow();
        assertThat(panel.items()).extracting(ItemDef::id).contains("wbc", "haemoglobin", "platelets", "alt", "ast",
                "albumin", "total_bilirubin", "direct_bilirubin", "bun", "creatinine", "uric_acid", "crp", "glucose",
                "pt", "inr", "d_dimer");
        for (String form : List.of("baseline", "post_labs", "labs")) {
            assertThat(LIBRARY.form(form).orElseThrow().group("lab_panel")).contains(panel);
        }
        FormDef post = LIBRARY.form("post_labs").orElseThrow();
        for (ItemDef lab : panel.items()) {
            if (lab.numeric() && !lab.id().equals("pt_control")) {
                ItemDef change = post.item(lab.id() + "_change").orElseThrow();
                assertThat(change.calculation().derivation()).isEqualTo(DerivationKind.LAB_CHANGE_FROM_PRE);
                assertThat(change.calculation().argument()).isEqualTo(lab.id());
            }
        }
    }

    @Test
    void baselineHoldsTheDerivedScoresNextToTheInvestigatorsStage() {
        FormDef baseline = LIBRARY.form("baseline").orElseThrow();
        assertThat(baseline.item("bmi").orElseThrow().calculation().derivation()).isEqualTo(DerivationKind.BMI);
        assertThat(baseline.item("albi_score").orElseThrow().precision()).isEqualTo(3);
        assertThat(baseline.item("bclc_stage").orElseThrow().type()).isEqualTo(ItemType.CHOICE);
        assertThat(baseline.item("bclc_suggested").orElseThrow().calculation().derivation())
                .isEqualTo(DerivationKind.BCLC_SUGGESTED);
        assertThat(baseline.groupOf("bclc_stage")).isEqualTo(baseline.groupOf("bclc_suggested"));
        assertThat(baseline.group("demographics").orElseThrow().domain()).isEqualTo(CdashDomain.DM);
        assertThat(baseline.group("lab_panel").orElseThrow().domain()).isEqualTo(CdashDomain.LB);
        assertThat(baseline.group("diagnosis").orElseThrow().domain()).as("inherits the form's").isEqualTo(CdashDomain.MH);
    }

    @Test
    void taceSessionRepeatsItsEmbolicsAndInfusions() {
        FormDef session = LIBRARY.form("tace_session").orElseThrow();
        assertThat(session.groups()).filteredOn(ItemGroupDef::repeating).extracting(ItemGroupDef::id)
                .containsExactly("microspheres", "embolics", "infusions");
        assertThat(LIBRARY.codeList("embolic_type").orElseThrow().codes()).contains("BLANK_100", "BLANK_500",
                "BLANK_700", "GELATIN_SPONGE", "PVA", "LIPIODOL");
        assertThat(LIBRARY.codeList("microsphere_size").orElseThrow().ordinal()).isTrue();
    }

    @Test
    void qlqC30HasThirtyQuestionsAndFifteenScales() {
        FormDef qlq = LIBRARY.form("qlq_c30").orElseThrow();
        List<ItemDef> questions = qlq.group("questions").orElseThrow().items().stream()
                .filter(i -> i.id().matches("q\\d\\d")).toList();
        assertThat(questions).hasSize(30);
        assertThat(questions.subList(0, 28)).allSatisfy(q -> assertThat(q.codeListId()).isEqualTo("qlq_4point"));
        assertThat(questions.subList(28, 30)).allSatisfy(q -> assertThat(q.codeListId()).isEqualTo("qlq_7point"));
        assertThat(qlq.group("scores").orElseThrow().items()).extracting(i -> i.calculation().argument())
                .containsExactlyInAnyOrderElementsOf(DerivationKind.QLQ_C30_SCALE.allowedCodes());
    }

    @Test
    void adverseEventsAndOtherTreatmentsAreRepeatingLogForms() {
        assertThat(LIBRARY.form("adverse_event").orElseThrow().repeating()).isTrue();
        assertThat(LIBRARY.form("other_treatment").orElseThrow().repeating()).isTrue();
        assertThat(LIBRARY.form("other_treatment").orElseThrow().item("seed_activity_mci").orElseThrow().unit())
                .isEqualTo("mCi");
        assertThat(LIBRARY.codeList("ctcae_grade").orElseThrow().codes()).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void libraryOnlyReferencesItsOwnOrStudySuppliedCodeLists() {
        Set<String> ids = Set.copyOf(LIBRARY.codeLists().stream().map(CodeList::id).toList());
        for (FormDef form : LIBRARY.forms()) {
            for (ItemDef item : form.items()) {
                if (item.codeListId() != null) {
                    assertThat(ids.contains(item.codeListId()) || FormLibrary.STUDY_SUPPLIED.contains(item.codeListId()))
                            .as(form.id() + "." + item.id()).isTrue();
                }
            }
        }
    }

    @Test
    void aBrokenLibraryIsRejectedWithAllItsErrors() {
        assertThatThrownBy(() -> FormLibrary.load("org/tacecrf/domain/study/brokenlib"))
                .isInstanceOfSatisfying(StudyDefinitionException.class, e -> {
                    assertThat(e.errors()).extracting(StudyDefinitionError::kind).containsExactlyInAnyOrder(
                            ErrorKind.DUPLICATE_ID, ErrorKind.INVALID_VALUE, ErrorKind.UNKNOWN_REFERENCE,
                            ErrorKind.KEY_NOT_ALLOWED, ErrorKind.IO);
                    assertThat(e.errors()).extracting(StudyDefinitionError::toString).contains(
                            "org/tacecrf/domain/study/brokenlib/lists.yaml:4:5: code list 'yes_no' is already defined at"
                                    + " org/tacecrf/domain/study/brokenlib/lists.yaml:2:5",
                            "org/tacecrf/domain/study/brokenlib/forms.yaml:4:13: 'XX' is not a valid domain in form"
                                    + " 'broken'; use one of DM, DS, IE, MH, VS, LB, PR, EX, TU, TR, RS, AE, CM, QS, SS, FA, DD, CO",
                            "org/tacecrf/domain/study/brokenlib/forms.yaml:10:63: item 'grade' refers to unknown code"
                                    + " list 'grades'",
                            "org/tacecrf/domain/study/brokenlib/forms.yaml:11:5: a library form cannot extend another"
                                    + " form; define it in full and share groups with 'use:'",
                            "org/tacecrf/domain/study/brokenlib/missing.yaml:1:1: library file not found on the class path");
                });
    }

    @Test
    void expressionsOfTheLibraryAreValidatedWhereTheyAreWritten() {
        String dir = "org/tacecrf/domain/study/brokenchecks/";
        assertThatThrownBy(() -> FormLibrary.load(dir))
                .isInstanceOfSatisfying(StudyDefinitionException.class, e -> {
                    assertThat(e.errors()).extracting(StudyDefinitionError::toString).containsExactly(
                            dir + "checks.yaml:7:27: edit check 'syntax': '2024-01-01' looks like a date: write it as"
                                    + " date('2024-01-01')",
                            dir + "checks.yaml:14:32: edit check 'unknown_form': 'subject.enrolment.consent_date' names"
                                    + " form 'enrolment', which the library does not define",
                            dir + "checks.yaml:19:21: edit check 'named_visit': 'screening.visit_form.seen_on': the library"
                                    + " does not know the studies' visits; write subject.visit_form.seen_on for every visit"
                                    + " that collects the form",
                            dir + "checks.yaml:23:12: a built-in check cannot have scope visit: the library does not"
                                    + " know the studies' visits",
                            dir + "checks.yaml:28:42: edit check 'window': unknown item 'due_date'; visit_window messages"
                                    + " may show {earliest}, {latest}, {target_date}, {visit_date}",
                            dir + "checks.yaml:31:15: a built-in rule records a protocol deviation, which never blocks"
                                    + " data entry; it cannot be hard",
                            dir + "forms.yaml:16:79: the condition (visibleWhen) of item 'colour_other': unknown function"
                                    + " 'contains'",
                            dir + "forms.yaml:17:63: the condition (visibleWhen) of item 'note': 'colours' has several"
                                    + " values (one per instance): use min(), max(), count(), every() or some()");
                });
    }

    @Test
    void theBuiltInRulesAreInTheLibrary() {
        FormLibrary library = FormLibrary.builtIn();
        assertThat(library.editChecks()).extracting(EditCheckDef::id).contains("dates_consent_enrolment",
                "dose_within_vial_limit", "bclc_stage_vs_suggested", "visit_window", "eligibility_not_met");
        assertThat(library.editChecks()).allSatisfy(c -> assertThat(c.origin()).isEqualTo(Origin.LIBRARY));
        EditCheckDef window = library.editCheck("visit_window").orElseThrow();
        assertThat(window.rule()).isEqualTo(BuiltInRule.VISIT_WINDOW);
        assertThat(window.kind()).isEqualTo(EditCheckDef.Kind.DEVIATION);
        assertThat(library.editCheck("dates_death_after_events").orElseThrow().expression().position().layout())
                .isEqualTo(TextPosition.Layout.LITERAL);
        assertThat(library.editCheck("dates_consent_enrolment").orElseThrow().message().zh()).contains("知情同意");
    }
}
