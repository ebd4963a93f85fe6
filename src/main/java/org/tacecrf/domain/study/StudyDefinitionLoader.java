package org.tacecrf.domain.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads study definitions from YAML, validating them against the form library. Every error of every
 * file is collected; if there is any, a {@link StudyDefinitionException} lists them all as
 * "file:line:column: message" and nothing is returned.
 *
 * <pre>{@code
 * StudyCatalog studies = StudyDefinitionLoader.builtIn().loadDirectory(Path.of("config/studies"));
 * }</pre>
 */
public final class StudyDefinitionLoader {

    private final FormLibrary library;

    public StudyDefinitionLoader(FormLibrary library) {
        this.library = Objects.requireNonNull(library);
    }

    /** A loader for the built-in TACE form library. */
    public static StudyDefinitionLoader builtIn() {
        return new StudyDefinitionLoader(FormLibrary.builtIn());
    }

    public FormLibrary library() {
        return library;
    }

    /**
     * Loads every {@code *.yaml} and {@code *.yml} file of the directory (not its sub-directories),
     * in file-name order. Study ids must be unique across the files.
     *
     * @throws StudyDefinitionException when any file is invalid or the directory cannot be read
     */
    public StudyCatalog loadDirectory(Path directory) {
        Problems problems = new Problems();
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            problems.add(ErrorKind.IO, new SourceLocation(directory.toString(), 1, 1),
                    "study definition directory does not exist");
        } else {
            try (Stream<Path> list = Files.list(directory)) {
                list.filter(p -> Files.isRegularFile(p) && isYaml(p)).sorted().forEach(files::add);
            } catch (IOException e) {
                problems.add(ErrorKind.IO, new SourceLocation(directory.toString(), 1, 1),
                        "cannot list study definitions: " + e.getMessage());
            }
        }
        List<StudyDefinition> definitions = new ArrayList<>();
        Map<String, StudyDefinition> byId = new HashMap<>();
        for (Path file : files) {
            read(file, problems).flatMap(text -> parse(file.getFileName().toString(), text, problems)).ifPresent(d -> {
                StudyDefinition previous = byId.putIfAbsent(d.id(), d);
                if (previous != null) {
                    problems.add(ErrorKind.DUPLICATE_STUDY, d.location(), "study id '" + d.id()
                            + "' is already defined in " + previous.sourceFile());
                } else {
                    definitions.add(d);
                }
            });
        }
        problems.throwIfAny();
        return StudyCatalog.of(definitions);
    }

    /**
     * Loads one study file.
     *
     * @throws StudyDefinitionException when the file is invalid
     */
    public StudyDefinition loadFile(Path file) {
        Problems problems = new Problems();
        Optional<StudyDefinition> d = read(file, problems)
                .flatMap(text -> parse(file.getFileName().toString(), text, problems));
        problems.throwIfAny();
        return d.orElseThrow();
    }

    /**
     * Loads a study from YAML text; {@code fileName} names it in errors.
     *
     * @throws StudyDefinitionException when the text is invalid
     */
    public StudyDefinition loadString(String fileName, String yaml) {
        Problems problems = new Problems();
        Optional<StudyDefinition> d = parse(fileName, yaml, problems);
        problems.throwIfAny();
        return d.orElseThrow();
    }

    private Optional<StudyDefinition> parse(String fileName, String text, Problems problems) {
        Source source = new Source(fileName, problems, text);
        return YamlFiles.compose(source, text).flatMap(root -> new StudyFileParser(source, library).parse(root));
    }

    private static Optional<String> read(Path file, Problems problems) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(ErrorKind.IO, new SourceLocation(file.getFileName().toString(), 1, 1),
                    "cannot read file: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean isYaml(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
