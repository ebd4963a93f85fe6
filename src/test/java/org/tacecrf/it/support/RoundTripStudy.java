package org.tacecrf.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration the exchange test's server starts with: the shipped one, plus a copy of the
 * ICC study under another id and title, so an export can be imported into a study that has the same
 * definition and no subjects. Made by the build before the integration tests (exec plugin, phase
 * pre-integration-test) from the shipped file, so the copy never drifts from it.
 */
public final class RoundTripStudy {

    /** The shipped study that is copied. */
    public static final String SOURCE = "icc-deb-tace";
    /** The id of the empty copy. */
    public static final String COPY = SOURCE + "-copy";

    private static final Pattern ID = Pattern.compile("(?m)^id: " + Pattern.quote(SOURCE) + "$");
    private static final Pattern TITLE = Pattern.compile("(?m)^(title:\\s*\\n\\s+en: )");

    private RoundTripStudy() {
    }

    /** {@code RoundTripStudy <shipped config dir> <target config dir>} */
    public static void main(String[] args) throws IOException {
        Path from = Path.of(args[0]);
        Path to = Path.of(args[1]);
        delete(to);
        copyTree(from, to);
        Path studies = to.resolve("studies");
        String yaml = Files.readString(studies.resolve(SOURCE + ".yaml"), StandardCharsets.UTF_8);
        Files.writeString(studies.resolve(COPY + ".yaml"), copy(yaml), StandardCharsets.UTF_8);
    }

    /** The study file with the copy's id and a title that says what it is. */
    static String copy(String yaml) {
        Matcher id = ID.matcher(yaml);
        Matcher title = TITLE.matcher(yaml);
        if (!id.find() || !title.find()) {
            throw new IllegalStateException(SOURCE + ".yaml no longer starts with 'id:' and 'title: en:' lines");
        }
        return title.replaceFirst("$1Empty copy for the round trip - ").replaceFirst(ID.pattern(), "id: " + COPY);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                try {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
