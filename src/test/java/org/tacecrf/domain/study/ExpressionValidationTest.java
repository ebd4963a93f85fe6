package org.tacecrf.domain.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Start-up validation of expressions, conditions, calculations, messages and the study's changes to
 * built-in checks: one small study file each (test resources {@code expressions/*.yaml}) whose first
 * line says "# expect: KIND @ line:column | message fragment". Each file must give exactly that one
 * error at that file position: for a text in the edit-check language, the position of the offending
 * character (one-line values, quoted values with escapes, literal blocks), or of the value for a
 * folded block.
 */
class ExpressionValidationTest {

    private static final Pattern EXPECT = Pattern.compile("# expect: (\\w+) @ (\\d+):(\\d+) \\| (.+)");

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(ExpressionValidationTest.class.getResource("expressions").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reportsTheErrorAtItsFilePosition(String fixture) throws Exception {
        String text = Files.readString(Path.of(getClass().getResource("expressions/" + fixture).toURI()),
                StandardCharsets.UTF_8);
        Matcher expect = EXPECT.matcher(text.lines().findFirst().orElseThrow());
        assertThat(expect.matches()).as("first line of %s", fixture).isTrue();

        List<StudyDefinitionError> errors = errorsOf(fixture, text);

        assertThat(errors).as("errors of %s", fixture).hasSize(1);
        StudyDefinitionError error = errors.get(0);
        assertThat(error.kind()).as("%s", error).isEqualTo(ErrorKind.valueOf(expect.group(1)));
        assertThat(error.location()).as("%s", error).isEqualTo(new SourceLocation(fixture,
                Integer.parseInt(expect.group(2)), Integer.parseInt(expect.group(3))));
        assertThat(error.message()).contains(expect.group(4).strip());
    }

    private static List<StudyDefinitionError> errorsOf(String fileName, String yaml) {
        try {
            StudyDefinitionLoader.builtIn().loadString(fileName, yaml);
        } catch (StudyDefinitionException e) {
            return e.errors();
        }
        assertThatThrownBy(() -> { }).as("no error in " + fileName).isNotNull();
        return List.of();
    }
}
