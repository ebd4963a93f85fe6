package org.tacecrf.domain.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error kind, one small study file each (test resources {@code errors/*.yaml}). The first line
 * of a snippet says "# expect: KIND | message fragment"; the line holding the defect is marked
 * "# <--". Each snippet must give exactly that one error, on that line.
 */
class StudyDefinitionErrorsTest {

    private static final StudyDefinitionLoader LOADER = StudyDefinitionLoader.builtIn();

    static Stream<String> snippets() throws IOException, URISyntaxException {
        Path dir = Path.of(StudyDefinitionErrorsTest.class.getResource("errors").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void reportsTheMarkedDefect(String snippet) throws Exception {
        String text = Files.readString(Path.of(getClass().getResource("errors/" + snippet).toURI()),
                StandardCharsets.UTF_8);
        String expect = text.lines().findFirst().orElseThrow();
        assertThat(expect).startsWith("# expect: ");
        String[] parts = expect.substring("# expect: ".length()).split(" \\| ", 2);
        ErrorKind kind = ErrorKind.valueOf(parts[0].strip());
        String fragment = parts[1].strip();
        List<String> lines = text.lines().toList();
        int markedLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("# <--")) {
                markedLine = i + 1;
            }
        }

        List<StudyDefinitionError> errors = errorsOf(snippet, text);

        assertThat(errors).as("errors of %s: %s", snippet, errors).hasSize(1);
        StudyDefinitionError error = errors.get(0);
        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.location().file()).isEqualTo(snippet);
        assertThat(error.location().line()).as("line of %s", error).isEqualTo(markedLine);
        assertThat(error.message()).contains(fragment);
        assertThat(error.toString()).startsWith(snippet + ":" + markedLine + ":");
    }

    @Test
    void collectsEveryErrorOfAFileInLineOrder() {
        String yaml = """
                id: mini
                title: Minimal study
                version: "1"
                design: {timing: prospective, structure: single_arm}
                sites:
                  - {id: S1, name: Site one, enrolmentTarget: lots}
                arms:
                  - {id: a, label: Arm A, colour: red}
                schedule:
                  - id: tace
                    label: TACE session
                    type: treatment
                    forms: [tace_session, no_such_form]
                parameters:
                  childPugh: {albuminCutoff: 25}
                """;
        List<StudyDefinitionError> errors = errorsOf("many.yaml", yaml);
        assertThat(errors).extracting(StudyDefinitionError::kind).containsExactly(ErrorKind.WRONG_TYPE,
                ErrorKind.UNKNOWN_KEY, ErrorKind.UNKNOWN_REFERENCE, ErrorKind.INVALID_PARAMETER);
        assertThat(errors).extracting(e -> e.location().line()).containsExactly(6, 8, 13, 15);
    }

    @Test
    void exceptionMessageListsFileLineAndColumn() {
        assertThatThrownBy(() -> LOADER.loadString("x.yaml", "id: x\ntitle: T\nversion: '1'\nfoo: bar\n"))
                .isInstanceOf(StudyDefinitionException.class)
                .hasMessageContaining("x.yaml:4:1: unknown key 'foo' in the study definition")
                .hasMessageContaining("x.yaml:1:1: the study definition is missing required key 'design'");
    }

    @Test
    void sameStudyIdInTwoFilesIsRejected(@TempDir Path dir) throws IOException {
        String study = """
                id: twin
                title: Twin study
                version: "1"
                design: {timing: prospective, structure: single_arm}
                sites: [{id: S1, name: Site one}]
                arms: [{id: a, label: Arm A}]
                schedule: [{id: tace, label: TACE, type: treatment, forms: [tace_session]}]
                """;
        Files.writeString(dir.resolve("a-first.yaml"), study);
        Files.writeString(dir.resolve("b-second.yaml"), study);

        assertThatThrownBy(() -> LOADER.loadDirectory(dir))
                .isInstanceOfSatisfying(StudyDefinitionException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    StudyDefinitionError error = e.errors().get(0);
                    assertThat(error.kind()).isEqualTo(ErrorKind.DUPLICATE_STUDY);
                    assertThat(error.location()).isEqualTo(new SourceLocation("b-second.yaml", 1, 5));
                    assertThat(error.message()).contains("already defined in a-first.yaml");
                });
    }

    @Test
    void errorsOfSeveralFilesAreReportedTogether(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("one.yaml"), "id: one\n");
        Files.writeString(dir.resolve("two.yml"), "id: [two\n");
        Files.writeString(dir.resolve("notes.txt"), "not a study");

        assertThatThrownBy(() -> LOADER.loadDirectory(dir))
                .isInstanceOfSatisfying(StudyDefinitionException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.location().file()).contains("one.yaml", "two.yml")
                        .doesNotContain("notes.txt"));
    }

    @Test
    void missingDirectoryIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> LOADER.loadDirectory(dir.resolve("absent")))
                .isInstanceOfSatisfying(StudyDefinitionException.class,
                        e -> assertThat(e.errors().get(0).kind()).isEqualTo(ErrorKind.IO));
    }

    @Test
    void emptyDirectoryGivesAnEmptyCatalog(@TempDir Path dir) {
        assertThat(LOADER.loadDirectory(dir).size()).isZero();
    }

    private static List<StudyDefinitionError> errorsOf(String name, String yaml) {
        try {
            LOADER.loadString(name, yaml);
        } catch (StudyDefinitionException e) {
            return e.errors();
        }
        return List.of();
    }
}
