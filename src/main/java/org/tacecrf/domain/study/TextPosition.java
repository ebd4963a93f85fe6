package org.tacecrf.domain.study;

import java.util.Objects;

import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Where a text of the edit-check language (an expression or a message) sits in its YAML file, so
 * that a position the language reports within the text (line and column from 1) can be turned into
 * a file position.
 * <ul>
 *   <li>A value on one line, plain or quoted: the text starts at {@code start} (one column later for
 *       quotes), and a doubled quote {@code ''} or an escape {@code \"} takes two columns in the
 *       file for one character of the text.</li>
 *   <li>A literal block ({@code |}): line <i>k</i> of the text is file line {@code start.line + k}
 *       (the block starts on the line after the indicator), at file column {@code indent + column}.</li>
 *   <li>A folded block ({@code >}) or a value continued over several lines: YAML joined the lines,
 *       so the position can only be given within the text, after the start of the value.</li>
 * </ul>
 *
 * @param start  where the value starts: its first character, its opening quote or the block indicator
 * @param layout how the value was written
 * @param indent for a literal block, the number of spaces its lines are indented by; otherwise 0
 */
public record TextPosition(SourceLocation start, Layout layout, int indent) {

    /** How a YAML value holding a text was written. */
    public enum Layout {
        /** A plain value on one line. */
        PLAIN,
        /** A value in single quotes on one line. */
        SINGLE_QUOTED,
        /** A value in double quotes on one line. */
        DOUBLE_QUOTED,
        /** A literal block: line breaks are kept. */
        LITERAL,
        /** A folded block or a value over several lines: YAML joined the lines. */
        JOINED
    }

    public TextPosition {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(layout, "layout");
    }

    /** A text that starts exactly at the location, on one line (texts built in code and tests). */
    public static TextPosition at(SourceLocation start) {
        return new TextPosition(start, Layout.PLAIN, 0);
    }

    /** The placement of a scalar value of a file; a literal block's indentation is read from the file's lines. */
    static TextPosition of(Source source, ScalarNode node) {
        SourceLocation start = source.at(node);
        ScalarStyle style = node.getScalarStyle();
        if (style == ScalarStyle.LITERAL) {
            // the indentation of a literal block is that of its first line that is not blank
            for (int line = start.line() + 1; source.line(line).isPresent(); line++) {
                String text = source.line(line).get();
                if (!text.isBlank()) {
                    return new TextPosition(start, Layout.LITERAL, text.length() - text.stripLeading().length());
                }
            }
            return new TextPosition(start, Layout.JOINED, 0);
        }
        boolean oneLine = node.getEndMark().map(end -> end.getLine() + 1 == start.line()).orElse(false);
        if (!oneLine || style == ScalarStyle.FOLDED) {
            return new TextPosition(start, Layout.JOINED, 0);
        }
        return new TextPosition(start, switch (style) {
            case SINGLE_QUOTED -> Layout.SINGLE_QUOTED;
            case DOUBLE_QUOTED, JSON_SCALAR_STYLE -> Layout.DOUBLE_QUOTED;
            default -> Layout.PLAIN;
        }, 0);
    }

    /** Whether {@link #locate} gives the exact file position of every character. */
    public boolean exact() {
        return layout != Layout.JOINED;
    }

    /**
     * The file position of a character of the text.
     *
     * @param text   the text as YAML delivered it (after unquoting and unescaping)
     * @param line   line within the text, from 1
     * @param column column within that line, from 1
     * @return the file position; the start of the value when the layout is not {@linkplain #exact() exact}
     */
    public SourceLocation locate(String text, int line, int column) {
        switch (layout) {
            case LITERAL -> {
                return new SourceLocation(start.file(), start.line() + Math.max(line, 1), indent + Math.max(column, 1));
            }
            case PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED -> {
                if (line != 1) {
                    return start;
                }
                int index = Math.max(column, 1) - 1;
                int extra = 0;
                for (int i = 0; i < index && i < text.length(); i++) {
                    char c = text.charAt(i);
                    if ((layout == Layout.SINGLE_QUOTED && c == '\'')
                            || (layout == Layout.DOUBLE_QUOTED && (c == '"' || c == '\\'))) {
                        extra++;
                    }
                }
                int opening = layout == Layout.PLAIN ? 0 : 1;
                return new SourceLocation(start.file(), start.line(), start.column() + opening + index + extra);
            }
            default -> {
                return start;
            }
        }
    }
}
