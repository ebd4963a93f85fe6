package org.tacecrf.domain.check;

import java.util.Objects;

/**
 * A mistake found by static validation against the study definition, with its position (from 1)
 * within the text it was found in.
 *
 * @param part   which text of an edit check the position refers to
 * @param code   the kind of mistake
 * @param reason English sentence, e.g. "unknown item 'BASELINE.baseline.bili_totl' — did you mean 'BASELINE.baseline.bili_total'?"
 * @param line   line within that text, from 1
 * @param column column within the line, from 1
 */
public record Problem(Part part, ProblemCode code, String reason, int line, int column) {

    /** The text of an edit check a problem was found in. */
    public enum Part {
        EXPRESSION, MESSAGE, MESSAGE_CHINESE
    }

    public Problem {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return reason + " at " + (line == 1 ? "" : "line " + line + ", ") + "column " + column;
    }
}
