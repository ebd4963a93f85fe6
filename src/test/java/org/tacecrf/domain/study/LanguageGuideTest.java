package org.tacecrf.domain.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/edit-check-language.md shows the built-in rules as the library has them, and its YAML loads. */
class LanguageGuideTest {

    static final Path GUIDE = Path.of(System.getProperty("basedir", ".")).resolve("docs/edit-check-language.md");

    static String guide;

    @BeforeAll
    static void read() throws IOException {
        guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    }

    private static String section(String from, String to) {
        int start = guide.indexOf(from);
        return guide.substring(start, guide.indexOf(to, start));
    }

    @Test
    void theBuiltInRulesTableShowsEveryRuleAsWritten() {
        String table = section("## 10. The built-in TACE rules", "Remarks:");
        for (EditCheckDef check : FormLibrary.builtIn().editChecks()) {
            if (check.expression() == null) {
                assertThat(guide).contains("`" + check.id() + "`");
                continue;
            }
            String expression = check.expression().text().replaceAll("\\s+", " ").strip();
            assertThat(table).contains("| `" + check.id() + "` | `" + check.formId() + "." + check.itemId() + "` | `"
                    + expression + "` |");
        }
    }

    @Test
    void theCalculatedItemsExampleLoadsIntoAStudy() {
        String block = section("## 9. Calculated items", "(Grading and scoring");
        String forms = block.substring(block.indexOf("```yaml\n") + 8, block.lastIndexOf("```"));
        StudyDefinition study = StudyDefinitionLoader.builtIn().loadString("calculations.yaml", """
                id: calculations
                title: Calculated items
                version: "1"
                design: {timing: prospective, structure: single_arm}
                sites:
                  - {id: S1, name: Site one}
                arms:
                  - {id: a, label: Arm A}
                schedule:
                  - {id: baseline, label: Baseline, type: baseline, forms: [baseline, qlq_c30]}
                  - {id: tace, label: TACE, type: treatment, forms: [tace_session]}
                """ + forms);

        assertThat(study.item("baseline", "bsa_m2").orElseThrow().calculation().expression().text())
                .isEqualTo("round(sqrt(height * weight / 3600), 2)");
        assertThat(study.item("tace_session", "total_dose_mg")).isPresent();
        assertThat(study.item("qlq_c30", "pf_raw")).isPresent();
        assertThat(study.item("baseline", "weeks_since_diagnosis")).isPresent();
    }
}
