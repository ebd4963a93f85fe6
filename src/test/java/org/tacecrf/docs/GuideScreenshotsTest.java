package org.tacecrf.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The screenshots of the tour and the user guides stay current: every picture a page of
 * {@code docs/} (or the README) shows is taken by a browser test ({@code screenshot("name")} in
 * the integration tests, which write {@code docs/screenshots/name.png}), and every picture in
 * {@code docs/screenshots/} is shown somewhere, so none is left behind when a test stops taking it.
 */
class GuideScreenshotsTest {

    private static final Path DOCS = Path.of("docs");
    private static final Path SCREENSHOTS = DOCS.resolve("screenshots");
    private static final Path BROWSER_TESTS = Path.of("src/test/java/org/tacecrf/it");
    private static final Pattern SHOWN = Pattern.compile("\\]\\((?:docs/)?screenshots/([A-Za-z0-9_-]+)\\.png\\)");
    private static final Pattern TAKEN = Pattern.compile("\\.screenshot\\(\"([A-Za-z0-9_-]+)\"\\)");

    @Test
    void everyPictureShownIsTakenByABrowserTestAndEveryPictureKeptIsShown() throws IOException {
        Set<String> shown = new TreeSet<>();
        try (Stream<Path> pages = Files.list(DOCS)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
                shown.addAll(matches(SHOWN, Files.readString(page)));
            }
        }
        shown.addAll(matches(SHOWN, Files.readString(Path.of("README.md"))));
        Set<String> taken = new TreeSet<>();
        try (Stream<Path> tests = Files.list(BROWSER_TESTS)) {
            for (Path test : tests.filter(p -> p.toString().endsWith("IT.java")).toList()) {
                taken.addAll(matches(TAKEN, Files.readString(test)));
            }
        }
        Set<String> kept = new TreeSet<>();
        try (Stream<Path> files = Files.list(SCREENSHOTS)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png"))
                    .forEach(n -> kept.add(n.substring(0, n.length() - 4)));
        }
        assertThat(shown).as("pictures shown in the docs").isNotEmpty();
        assertThat(taken).as("pictures the browser tests take").containsAll(shown);
        assertThat(kept).as("pictures in docs/screenshots").containsAll(shown);
        assertThat(shown).as("pictures in docs/screenshots that no page shows").containsAll(kept);
        assertThat(shown).as("pictures the browser tests take that no page shows").containsAll(taken);
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
