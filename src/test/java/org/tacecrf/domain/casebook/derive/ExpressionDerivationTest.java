package org.tacecrf.domain.casebook.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.casebook.derive.SubjectBuilder.FormBuilder;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.StudyDefinitionLoader;

/** Calculated items written as expressions, on a copy of a shipped study that adds a few. */
class ExpressionDerivationTest {

    private static final String ADDED = """
              - extends: tace_session
                add:
                  - group: procedure
                    items:
                      - {id: days_from_first, label: {en: Days from the first TACE}, type: calculated, valueType: integer, expression: "days(min(tace.tace_session.procedure_date), procedure_date)"}
                      - {id: session_kind, label: {en: First or repeat session}, type: calculated, valueType: text, expression: "if(session_number = 1, 'first', 'repeat')"}
                      - {id: total_loaded_mg, label: {en: Dose loaded in this session}, type: calculated, valueType: decimal, precision: 1, expression: "sum(dose_loaded_mg)"}
                      - {id: mean_vials, label: {en: Mean vials per product}, type: calculated, valueType: decimal, precision: 2, expression: "mean(vials) * 1"}
                      - {id: baseline_afp_ratio, label: {en: Dose per baseline AFP}, type: calculated, valueType: decimal, precision: 3, expression: "sum(dose_loaded_mg) / baseline.baseline.afp"}
                      - {id: days_since_consent, label: {en: Days since consent}, type: calculated, valueType: integer, expression: "days(screening.enrolment.consent_date, today())"}
                  - group: microspheres
                    items:
                      - {id: dose_per_vial, label: {en: Dose per vial}, type: calculated, valueType: decimal, precision: 1, expression: "dose_loaded_mg / vials"}
            """;

    private static StudyDefinition study;

    @BeforeAll
    static void load() throws IOException {
        String yaml = Files.readString(Path.of(System.getProperty("basedir", "."))
                .resolve("config/studies/hcc-deb-sorafenib.yaml"));
        study = StudyDefinitionLoader.builtIn().loadString("hcc-deb-sorafenib.yaml", yaml.replaceFirst("\nforms:\n", "\nforms:\n" + ADDED));
    }

    private Map<ItemKey, DerivedValue> derive(SubjectBuilder b, FormBuilder form) {
        SubjectData data = b.build();
        Clock clock = Clock.fixed(LocalDate.of(2024, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        FormInstance f = data.form(form.id()).orElseThrow();
        return new DerivationEngine(study, clock).derive(data, f);
    }

    private static DerivedValue get(Map<ItemKey, DerivedValue> values, String path) {
        return values.get(ItemKey.parse(path));
    }

    @Test
    void expressionsReadTheFormTheCasebookAndFreshDerivedValues() {
        SubjectBuilder b = new SubjectBuilder(study);
        b.form(b.visit("screening", 1, "2024-01-05"), "enrolment").set("consent_date", "2024-01-05");
        b.form(b.visit("baseline", 1, "2024-01-10"), "baseline").set("afp", "400");
        b.form(b.visit("tace", 1, "2024-01-15"), "tace_session").set("procedure_date", "2024-01-15");
        FormBuilder second = b.form(b.visit("tace", 2, "2024-03-20"), "tace_session")
                .set("procedure_date", "2024-03-20")
                .row("microspheres", 1, "product", "CALLISPHERES", "size_range", "S100_300", "vials", "1",
                        "dose_loaded_mg", "50")
                .row("microspheres", 2, "product", "CALLISPHERES", "size_range", "S300_500", "vials", "2",
                        "dose_loaded_mg", "30");
        Map<ItemKey, DerivedValue> v = derive(b, second);
        assertThat(get(v, "procedure[1].days_from_first").value().number()).isEqualByComparingTo("65");
        assertThat(get(v, "procedure[1].session_kind").value().text()).isEqualTo("repeat");
        assertThat(get(v, "procedure[1].total_loaded_mg").value().number()).isEqualByComparingTo("80.0");
        assertThat(get(v, "procedure[1].mean_vials").value().number()).isEqualByComparingTo("1.50");
        assertThat(get(v, "procedure[1].baseline_afp_ratio").value().number()).isEqualByComparingTo("0.200");
        assertThat(get(v, "procedure[1].days_since_consent").value().number()).isEqualByComparingTo("148");
        assertThat(get(v, "microspheres[1].dose_per_vial").value().number()).isEqualByComparingTo("50.0");
        assertThat(get(v, "microspheres[2].dose_per_vial").value().number()).isEqualByComparingTo("15.0");
        assertThat(get(v, "microspheres[1].dose_per_vial").algorithm())
                .isEqualTo("Expression of study hcc-deb-sorafenib: dose_loaded_mg / vials v1.0");
    }

    @Test
    void anEmptyInputGivesAnEmptyValueNamingIt() {
        SubjectBuilder b = new SubjectBuilder(study);
        FormBuilder session = b.form(b.visit("tace", 1, "2024-01-15"), "tace_session")
                .set("procedure_date", "2024-01-15")
                .row("microspheres", 1, "product", "CALLISPHERES", "size_range", "S100_300", "dose_loaded_mg", "50");
        Map<ItemKey, DerivedValue> v = derive(b, session);
        DerivedValue perVial = get(v, "microspheres[1].dose_per_vial");
        assertThat(perVial.isEmpty()).isTrue();
        assertThat(perVial.missingItems()).containsExactly("vials");
        assertThat(perVial.reason()).contains("Number of vials");
        assertThat(get(v, "procedure[1].baseline_afp_ratio").reason()).contains("baseline.baseline.afp");
        assertThat(get(v, "procedure[1].session_kind").value().text()).isEqualTo("first");
    }

    @Test
    void previewUsesTheUnsavedValues() {
        SubjectBuilder b = new SubjectBuilder(study);
        FormBuilder session = b.form(b.visit("tace", 1, "2024-01-15"), "tace_session")
                .set("procedure_date", "2024-01-15")
                .row("microspheres", 1, "product", "CALLISPHERES", "size_range", "S100_300", "vials", "2",
                        "dose_loaded_mg", "50");
        SubjectData saved = b.build();
        FormInstance unsaved = session.row("microspheres", 1, "dose_loaded_mg", "80").instance();
        Map<ItemKey, DerivedValue> v = new DerivationEngine(study).derivePreview(saved, unsaved);
        assertThat(get(v, "microspheres[1].dose_per_vial").value().number()).isEqualByComparingTo("40.0");
    }
}
