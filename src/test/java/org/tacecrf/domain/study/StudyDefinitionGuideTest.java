package org.tacecrf.domain.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The data managers' guide stays true: its example loads and it documents every built-in id. */
class StudyDefinitionGuideTest {

    static final Path GUIDE = Path.of(System.getProperty("basedir", ".")).resolve("docs/study-definition-guide.md");

    static String guide;

    @BeforeAll
    static void read() throws IOException {
        guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    }

    @Test
    void theCompleteExampleLoads() {
        String example = yamlBlocks().get(0);
        StudyDefinition study = StudyDefinitionLoader.builtIn().loadString("guide-example.yaml", example);
        assertThat(study.id()).isEqualTo("icc-demo");
        assertThat(study.item("baseline", "cholangiectasis_level")).map(ItemDef::origin).contains(Origin.STUDY);
        assertThat(study.item("baseline", "cholangiectasis")).map(ItemDef::required).contains(true);
        assertThat(study.form("pain_diary")).isPresent();
        assertThat(study.site("HZ2").orElseThrow().subjectNumberPattern().format(study.id(), "HZ2", 1))
                .isEqualTo("HZ2-0001");
    }

    @Test
    void everyBuiltInIdIsDocumented() {
        FormLibrary library = FormLibrary.builtIn();
        List<String> missing = new ArrayList<>();
        for (FormDef form : library.forms()) {
            check(form.id(), missing);
            for (ItemGroupDef group : form.groups()) {
                check(group.id(), missing);
                group.items().forEach(i -> check(i.id(), missing));
            }
        }
        for (CodeList list : library.codeLists()) {
            check(list.id(), missing);
            list.codes().forEach(c -> check(c, missing));
        }
        for (DerivationKind kind : DerivationKind.values()) {
            check(kind.yamlName(), missing);
        }
        for (EditCheckDef builtIn : library.editChecks()) {
            check(builtIn.id(), missing);
        }
        for (CheckParameter parameter : CheckParameter.values()) {
            check("$" + parameter.expressionName(), missing);
        }
        for (ErrorKind kind : ErrorKind.values()) {
            check(kind.name(), missing);
        }
        assertThat(missing).as("ids missing from the guide").isEmpty();
    }

    private static void check(String id, List<String> missing) {
        if (!guide.contains("`" + id + "`")) {
            missing.add(id);
        }
    }

    private static List<String> yamlBlocks() {
        List<String> blocks = new ArrayList<>();
        int start = guide.indexOf("```yaml\n");
        while (start >= 0) {
            int end = guide.indexOf("```", start + 8);
            blocks.add(guide.substring(start + 8, end));
            start = guide.indexOf("```yaml\n", end + 3);
        }
        return blocks;
    }
}
