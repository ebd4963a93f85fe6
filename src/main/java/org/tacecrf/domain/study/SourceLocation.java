package org.tacecrf.domain.study;

import java.util.Objects;

/**
 * Where a definition element was written: file name, 1-based line and 1-based column. Every model
 * element keeps one so that an error found later (by the edit-check compiler, an export, a
 * derivation binding) can still point the data manager at the right line.
 */
public record SourceLocation(String file, int line, int column) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    /** "file:line:column", the form compilers and editors understand. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
