package org.tacecrf.domain.study;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
        Source index = new Source(root + INDEX, problems);
        read(index).ifPresent(node -> {
            MapReader r = MapReader.of(index, node, "the library index", "files");
            if (r.require("files")) {
                for (Node f : r.list("files")) {
                    if (!(f instanceof org.snakeyaml.engine.v2.nodes.ScalarNode name)) {
                        index.error(ErrorKind.WRONG_TYPE, f, "a library file must be given by its name");
                        continue;
                    }
                    Source source = new Source(root + name.getValue(), problems);
                    read(source).ifPresent(fileNode -> files.add(MapReader.of(source, fileNode, "library file "
                            + name.getValue(), "codeLists", "itemGroups", "forms")));
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
        problems.throwIfAny();
        return new FormLibrary(List.copyOf(set.forms().values()), List.copyOf(set.itemGroups().values()),
                List.copyOf(set.codeLists().values()));
    }

    private static Optional<Node> read(Source source) {
        try (InputStream in = LibraryLoader.class.getClassLoader().getResourceAsStream(source.file())) {
            if (in == null) {
                source.error(ErrorKind.IO, source.start(), "library file not found on the class path");
                return Optional.empty();
            }
            return YamlFiles.compose(source, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            source.error(ErrorKind.IO, source.start(), "cannot read library file: " + e.getMessage());
            return Optional.empty();
        }
    }
}
