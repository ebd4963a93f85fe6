package org.tacecrf.domain.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps docs/edit-check-language.md in step with the code: functions, examples and error messages. */
class DocumentationTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private static String doc() throws IOException {
        return Files.readString(Path.of("docs", "edit-check-language.md"), StandardCharsets.UTF_8);
    }

    private static String section(String doc, String from, String to) {
        int start = doc.indexOf(from);
        int end = doc.indexOf(to, start);
        assertThat(start).as(from).isNotNegative();
        assertThat(end).as(to).isGreaterThan(start);
        return doc.substring(start, end);
    }

    private static List<String> tableRows(String text) {
        List<String> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("| ") && !line.startsWith("|---") && !line.startsWith("| You ") && !line.startsWith("| Rule")) {
                rows.add(line);
            }
        }
        return rows;
    }

    private static List<String> codeSpans(String text) {
        List<String> spans = new ArrayList<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            spans.add(m.group(1));
        }
        return spans;
    }

    @Test
    void everyFunctionIsDocumentedAsImplemented() throws IOException {
        String doc = doc();
        for (String row : Functions.referenceRows()) {
            assertThat(doc).contains(row);
        }
    }

    @Test
    void examplesParse() throws IOException {
        String doc = doc();
        List<String> expressions = new ArrayList<>();
        for (String row : tableRows(section(doc, "## 1. A first look", "## 2. Values"))) {
            List<String> spans = codeSpans(row);
            expressions.add(spans.get(spans.size() - 1));
        }
        for (String row : tableRows(section(doc, "## 10. The built-in TACE rules", "Remarks:"))) {
            List<String> spans = codeSpans(row);
            expressions.add(spans.get(spans.size() - 1));
        }
        for (String row : tableRows(section(doc, "## 4. Several values", "`every(x in LIST"))) {
            List<String> spans = codeSpans(row);
            expressions.add(spans.get(spans.size() - 1));
        }
        for (String line : section(doc, "## 9. Calculated items", "## 10.").split("\n")) {
            if (line.trim().startsWith("expression:")) {
                expressions.add(line.substring(line.indexOf("expression:") + 11).replaceAll("#.*", "").trim());
            }
        }
        assertThat(expressions).hasSizeGreaterThan(20);
        for (String expression : expressions) {
            assertThatCode(() -> Expression.parse(expression)).as(expression).doesNotThrowAnyException();
        }
    }

    @Test
    void documentedMistakesGiveTheDocumentedMessages() throws IOException {
        String table = section(doc(), "## 11. Mistakes", "When the study definition is loaded");
        int checked = 0;
        for (String row : tableRows(table)) {
            String[] cells = row.split("\\|");
            List<String> written = codeSpans(cells[1]);
            if (written.size() != 1) {
                continue;
            }
            String expected = cells[2].trim().replace(" \u2026", "").replace("\u2026", "");
            ParseException e = Fixtures.parseError(written.get(0));
            assertThat(e).as(written.get(0)).isNotNull();
            assertThat(e.reason()).as(written.get(0)).startsWith(expected);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(9);
    }
}
