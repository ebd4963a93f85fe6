package org.tacecrf.domain.ctcae;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.tacecrf.domain.ctcae.GradeDefinition.TextSource;

class CtcaeV5Test {

    @ParameterizedTest(name = "{0}: grades {1}-{2}")
    @CsvSource({
            "nausea, 1, 3", "vomiting, 1, 5", "abdominal-pain, 1, 3", "fever, 1, 5", "fatigue, 1, 3",
            "anorexia, 1, 5", "diarrhea, 1, 5", "constipation, 1, 5", "hypertension, 1, 5",
            "palmar-plantar-erythrodysesthesia, 1, 3", "rash-maculo-papular, 1, 3", "rash-acneiform, 1, 5",
            "alt-increased, 1, 4", "ast-increased, 1, 4", "blood-bilirubin-increased, 1, 4",
            "alkaline-phosphatase-increased, 1, 4", "ggt-increased, 1, 4", "hypoalbuminemia, 1, 5",
            "wbc-decreased, 1, 4", "neutrophil-count-decreased, 1, 4", "platelet-count-decreased, 1, 4",
            "anemia, 1, 5", "creatinine-increased, 1, 4", "inr-increased, 1, 3", "hepatic-failure, 3, 5",
            "hepatic-infection, 3, 5", "biliary-fistula, 2, 5", "pneumothorax, 1, 5", "stroke, 1, 5",
            "gastric-ulcer, 1, 5", "upper-gi-hemorrhage, 1, 5", "cholecystitis, 2, 5", "pleural-effusion, 1, 5",
            "ascites, 1, 5", "pain, 1, 3", "hiccups, 1, 3", "dizziness, 1, 3", "insomnia, 1, 3",
            "hepatobiliary-other, 1, 5", "general-other, 1, 5", "vascular-other, 1, 5",
    })
    void offersOnlyTheGradesTheTermDefines(String code, int first, int last) {
        CtcaeTerm term = CtcaeV5.byCode(code).orElseThrow();
        assertThat(term.allowedGrades().first()).isEqualTo(first);
        assertThat(term.allowedGrades().last()).isEqualTo(last);
        assertThat(term.allowedGrades()).hasSize(last - first + 1);
        assertThat(term.allows(first - 1)).isFalse();
        assertThat(term.allows(last + 1)).isFalse();
        term.allowedGrades().forEach(g -> assertThat(term.definition(g)).isPresent());
    }

    @Test
    void codesAreUniqueAndEveryNamedTermHasAChineseName() {
        List<CtcaeTerm> all = CtcaeV5.all();
        Set<String> codes = new HashSet<>();
        for (CtcaeTerm t : all) {
            assertThat(codes.add(t.code())).as(t.code()).isTrue();
            assertThat(t.code()).matches("[a-z0-9-]+");
            if (!t.otherSpecify()) {
                assertThat(t.nameZh()).as(t.name()).isNotBlank();
            }
        }
        assertThat(all).hasSize(42 + Soc.values().length);
    }

    @ParameterizedTest
    @EnumSource(Soc.class)
    void everySocHasAnOtherSpecifyEntryWithGeneralGrades(Soc soc) {
        CtcaeTerm other = CtcaeV5.otherSpecify(soc);
        assertThat(other.otherSpecify()).isTrue();
        assertThat(other.name()).isEqualTo(soc.englishName() + " - Other, specify");
        assertThat(other.grades().values()).allMatch(d -> d.source() == TextSource.GENERAL_DEFINITION);
        assertThat(CtcaeV5.byCode(soc.slug() + "-other")).contains(other);
    }

    @Test
    void textSourcesAreMarked() {
        assertThat(CtcaeV5.NAUSEA.definition(1).orElseThrow().source()).isEqualTo(TextSource.TERM_SPECIFIC);
        assertThat(CtcaeV5.NAUSEA.definition(3).orElseThrow().text()).contains("tube feeding");
        assertThat(CtcaeV5.PNEUMOTHORAX.definition(2).orElseThrow().source())
                .isEqualTo(TextSource.TERM_SPECIFIC_TO_VERIFY);
        assertThat(CtcaeV5.HEPATIC_INFECTION.definition(3).orElseThrow().source())
                .isEqualTo(TextSource.TERM_SPECIFIC_TO_VERIFY);
        assertThat(CtcaeV5.STROKE.definition(4).orElseThrow())
                .isEqualTo(CtcaeV5.generalDefinition(4));
        assertThat(CtcaeV5.CHOLECYSTITIS.definition(1)).isEmpty();
    }

    @Test
    void taceEventsMapToTermsOrOtherSpecify() {
        ReportingSuggestion biloma = suggestion("Biloma");
        assertThat(biloma.term()).isEqualTo(CtcaeV5.otherSpecify(Soc.HEPATOBILIARY));
        assertThat(biloma.reportedName()).isEqualTo("Hepatobiliary disorders - Other, specify: Biloma");
        assertThat(suggestion("Liver abscess").term()).isEqualTo(CtcaeV5.HEPATIC_INFECTION);
        assertThat(suggestion("Liver abscess").reportedName()).isEqualTo("Hepatic infection");
        assertThat(suggestion("Post-embolisation syndrome").term().soc()).isEqualTo(Soc.GENERAL);
        assertThat(suggestion("Ectopic (non-target) embolisation").term().soc()).isEqualTo(Soc.VASCULAR);
    }

    private static ReportingSuggestion suggestion(String event) {
        return CtcaeV5.TACE_EVENT_SUGGESTIONS.stream().filter(s -> s.event().equals(event)).findFirst().orElseThrow();
    }

    @Test
    void otherSpecifyNameNeedsTheSpecification() {
        CtcaeTerm other = CtcaeV5.otherSpecify(Soc.GENERAL);
        assertThat(other.reportedName("  Post-embolisation syndrome ")).endsWith(": Post-embolisation syndrome");
        assertThat(other.reportedName(null)).isEqualTo(other.name());
        assertThat(CtcaeV5.FEVER.reportedName("ignored")).isEqualTo("Fever");
    }
}
