package org.tacecrf.domain.study;

import java.util.List;
import java.util.Optional;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One file being read: its name for error locations, its lines (to place errors inside literal
 * blocks, whose indentation the YAML parser does not report) and the shared error collector.
 */
record Source(String file, Problems problems, List<String> lines) {

    Source {
        lines = List.copyOf(lines);
    }

    Source(String file, Problems problems) {
        this(file, problems, List.of());
    }

    Source(String file, Problems problems, String text) {
        this(file, problems, text.lines().toList());
    }

    SourceLocation at(Node node) {
        return at(node.getStartMark());
    }

    SourceLocation at(Optional<Mark> mark) {
        // snakeyaml counts lines and columns from 0
        return mark.map(m -> new SourceLocation(file, m.getLine() + 1, m.getColumn() + 1))
                .orElse(new SourceLocation(file, 1, 1));
    }

    SourceLocation start() {
        return new SourceLocation(file, 1, 1);
    }

    /** The text of a line (from 1), or empty when the file text is not known or the line does not exist. */
    Optional<String> line(int line) {
        return line >= 1 && line <= lines.size() ? Optional.of(lines.get(line - 1)) : Optional.empty();
    }

    void error(ErrorKind kind, SourceLocation location, String message) {
        problems.add(kind, location, message);
    }

    void error(ErrorKind kind, Node node, String message) {
        problems.add(kind, at(node), message);
    }
}
