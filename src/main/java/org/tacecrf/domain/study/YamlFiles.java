package org.tacecrf.domain.study;

import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Parses YAML text into a node tree, keeping positions; the node API is used instead of mapping to
 * objects so that every error can name its line and column.
 */
final class YamlFiles {

    private YamlFiles() {
    }

    /** The document's root node, or empty after reporting a syntax error or an empty file. */
    static Optional<Node> compose(Source source, String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source.file())
                .setAllowDuplicateKeys(true) // reported by MapReader with a line number
                .setMaxAliasesForCollections(50)
                .build();
        try {
            Optional<Node> root = new Compose(settings).composeString(text);
            if (root.isEmpty()) {
                source.error(ErrorKind.MISSING_KEY, source.start(), "the file is empty");
            }
            return root;
        } catch (MarkedYamlEngineException e) {
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            source.error(ErrorKind.YAML_SYNTAX, source.at(e.getProblemMark().or(e::getContextMark)),
                    "YAML syntax error: " + context + e.getProblem() + hint(e.getProblem()));
        } catch (YamlEngineException e) {
            source.error(ErrorKind.YAML_SYNTAX, source.start(), "YAML syntax error: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Plain-language advice for the parser messages data managers meet most. */
    private static String hint(String problem) {
        if (problem == null) {
            return "";
        }
        if (problem.contains("expected <block end>") || problem.contains("expected <block mapping start>")) {
            return " (check the indentation of this line against the lines above)";
        }
        if (problem.contains("mapping values are not allowed")) {
            return " (put text that contains ': ' in quotes, or check the indentation)";
        }
        if (problem.contains("expected ',' or '}'") || problem.contains("expected ',' or ']'")) {
            return " (put text that contains a comma in quotes inside { } or [ ])";
        }
        return "";
    }
}
