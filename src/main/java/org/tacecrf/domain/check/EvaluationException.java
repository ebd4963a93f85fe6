package org.tacecrf.domain.check;

/**
 * An expression could not be evaluated because a value has the wrong type for what the expression
 * does with it (for example a text where a date is needed, or a non-numeric code in arithmetic), or
 * a resolver could not provide a value. These are definition or configuration problems, never data
 * problems: empty data gives an empty result, not this exception. {@link Expression#validate} finds
 * most of them before a study goes live.
 * <p>
 * A resolver may throw it (without a position) to report that a value cannot be provided; the
 * evaluator adds the position of the path being read.
 */
public final class EvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int line;
    private final int column;

    /** An exception without a position, for resolvers. */
    public EvaluationException(String reason) {
        this(reason, 0, 0);
    }

    EvaluationException(String reason, int line, int column) {
        super(line == 0 ? reason : reason + " at " + (line == 1 ? "" : "line " + line + ", ") + "column " + column);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** English sentence without the position. */
    public String reason() {
        return reason;
    }

    /** Line within the expression, from 1; 0 when unknown. */
    public int line() {
        return line;
    }

    /** Column within the line, from 1; 0 when unknown. */
    public int column() {
        return column;
    }
}
