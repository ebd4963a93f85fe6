package org.tacecrf.domain.study;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads a form library from the class path: {@code library.yaml} lists the files, each of which may
 * hold {@code codeLists}, {@code itemGroups} and {@code forms}. The library is validated with the same
 * parser and rules as study files.
 */
final class LibraryLoader {

    static final String INDEX = "library.yaml";

    private static final List<String> FORM_ENTRY_KEYS = java.util.stream.Stream.concat(
            DefinitionParser.FORM_KEYS.stream(), DefinitionParser.EXTENSION_KEYS.stream()).toList();

    private final String root;

    LibraryLoader(String root) {
        this.root = root.endsWith("/") ? root : root + "/";
    }

    FormLibrary load() {
        Problems problems = new Problems();
        List<MapReader> files = new ArrayList<>();
        read(root + INDEX, problems).ifPresent(index -> {
            MapReader r = MapReader.of(index.source(), index.node(), "the library index", "files");
            if (r.require("files")) {
                for (Node f : r.list("files")) {
                    if (!(f instanceof org.snakeyaml.engine.v2.nodes.ScalarNode name)) {
                        index.source().error(ErrorKind.WRONG_TYPE, f, "a library file must be given by its name");
                        continue;
                    }
                    read(root + name.getValue(), problems).ifPresent(file -> files.add(MapReader.of(file.source(),
                            file.node(), "library file " + name.getValue(), "codeLists", "itemGroups", "forms",
                            "editChecks")));
                }
            }
        });
        DefinitionSet set = new DefinitionSet(problems, null, Origin.LIBRARY);
        files.stream().filter(MapReader::valid).forEach(f -> set.addCodeLists(f.source(), f.list("codeLists")));
        files.stream().filter(MapReader::valid).forEach(f -> set.addItemGroups(f.source(), f.list("itemGroups")));
        FormAssembler assembler = set.assembler();
        for (MapReader f : files) {
            if (!f.valid()) {
                continue;
            }
            DefinitionParser parser = set.parser(f.source());
            for (Node n : f.list("forms")) {
                MapReader r = MapReader.of(f.source(), n, DefinitionParser.named("form", n, "id"), FORM_ENTRY_KEYS);
                if (!r.valid()) {
                    continue;
                }
                if (r.has("extends")) {
                    f.source().error(ErrorKind.KEY_NOT_ALLOWED, r.keyAt("extends"), "a library form cannot extend"
                            + " another form; define it in full and share groups with 'use:'");
                    continue;
                }
                r.forbid("add", "only a study's 'extends:' entry adds items to a built-in form");
                r.forbid("override", "only a study's 'extends:' entry overrides built-in items");
                parser.form(r).ifPresent(spec -> set.addForm(spec, assembler));
            }
        }
        // checks are read last: they are attached to forms of any file
        Map<String, EditCheckDef> checks = new LinkedHashMap<>();
        for (MapReader f : files) {
            if (!f.valid()) {
                continue;
            }
            EditCheckParser parser = new EditCheckParser(f.source(), Origin.LIBRARY, set.forms(), List.of(), Map.of());
            for (EditCheckDef check : parser.parse(f.list("editChecks")).checks()) {
                EditCheckDef previous = checks.putIfAbsent(check.id(), check);
                if (previous != null) {
                    problems.add(ErrorKind.DUPLICATE_ID, check.location(), "edit check id '" + check.id()
                            + "' is already used at " + previous.location());
                }
            }
        }
        new ExpressionValidator(problems).validateLibrary(set.forms().values(), List.copyOf(checks.values()));
        problems.throwIfAny();
        return new FormLibrary(List.copyOf(set.forms().values()), List.copyOf(set.itemGroups().values()),
                List.copyOf(set.codeLists().values()), List.copyOf(checks.values()));
    }

    /** A file read: its lines are kept so that errors inside literal blocks can be placed. */
    private record Loaded(Source source, Node node) {
    }

    private static Optional<Loaded> read(String file, Problems problems) {
        String text;
        try (InputStream in = LibraryLoader.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                problems.add(ErrorKind.IO, new SourceLocation(file, 1, 1), "library file not found on the class path");
                return Optional.empty();
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(ErrorKind.IO, new SourceLocation(file, 1, 1), "cannot read library file: " + e.getMessage());
            return Optional.empty();
        }
        Source source = new Source(file, problems, text);
        return YamlFiles.compose(source, text).map(node -> new Loaded(source, node));
    }
}
