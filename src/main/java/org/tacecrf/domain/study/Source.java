package org.tacecrf.domain.study;

import java.util.Optional;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** One file being read: its name for error locations and the shared error collector. */
record Source(String file, Problems problems) {

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

    void error(ErrorKind kind, SourceLocation location, String message) {
        problems.add(kind, location, message);
    }

    void error(ErrorKind kind, Node node, String message) {
        problems.add(kind, at(node), message);
    }
}
