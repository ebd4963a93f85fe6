package org.tacecrf.domain.check;

import java.util.Objects;

/**
 * A syntax error in an expression (or message template), with the position counted from 1 within
 * the text that was parsed. A loader that read the text from a file adds the file line where the
 * text starts: {@code fileLine = expressionStartLine + line() - 1}; when {@code line() == 1} it also
 * adds the column where the text starts.
 */
public final class ParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ParseErrorCode code;
    private final String reason;
    private final int line;
    private final int column;
    private final int offset;

    ParseException(ParseErrorCode code, String reason, SourceText source, int offset) {
        this(code, reason, source.line(offset), source.column(offset), offset);
    }

    ParseException(ParseErrorCode code, String reason, int line, int column, int offset) {
        super(reason + " at " + (line == 1 ? "" : "line " + line + ", ") + "column " + column);
        this.code = Objects.requireNonNull(code);
        this.reason = Objects.requireNonNull(reason);
        this.line = line;
        this.column = column;
        this.offset = offset;
    }

    /** The kind of mistake. */
    public ParseErrorCode code() {
        return code;
    }

    /** English sentence without the position, e.g. "unexpected ')'". */
    public String reason() {
        return reason;
    }

    /** Line within the expression text, from 1. */
    public int line() {
        return line;
    }

    /** Column within that line, from 1 (a tab counts as one column). */
    public int column() {
        return column;
    }

    /** Character offset within the expression text, from 0. */
    public int offset() {
        return offset;
    }
}
