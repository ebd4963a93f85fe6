package org.tacecrf.domain.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How subject numbers are formed at a site, e.g. {@code "{site}-{seq:3}"} gives {@code ZJU-001}.
 * Tokens: {@code {site}} (site id), {@code {study}} (study id), {@code {seq}} or {@code {seq:N}}
 * (running number, zero-padded to N digits, 1 ≤ N ≤ 9); exactly one sequence token. Literal text
 * may use letters, digits and {@code - _ . /}.
 */
public final class SubjectNumberPattern {

    private sealed interface Part permits Literal, Site, Study, Sequence {
    }

    private record Literal(String text) implements Part {
    }

    private record Site() implements Part {
    }

    private record Study() implements Part {
    }

    private record Sequence(int digits) implements Part {
    }

    private final String text;
    private final List<Part> parts;

    private SubjectNumberPattern(String text, List<Part> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException with a message fit for the data manager when it is invalid
     */
    public static SubjectNumberPattern parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Part> parts = new ArrayList<>();
        int sequences = 0;
        int i = 0;
        StringBuilder literal = new StringBuilder();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{') {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed '{' in subject number pattern \"" + text + "\"");
                }
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                String token = text.substring(i + 1, end);
                if (token.equals("site")) {
                    parts.add(new Site());
                } else if (token.equals("study")) {
                    parts.add(new Study());
                } else if (token.equals("seq") || token.startsWith("seq:")) {
                    parts.add(new Sequence(digits(token, text)));
                    sequences++;
                } else {
                    throw new IllegalArgumentException("unknown token {" + token
                            + "} in subject number pattern; use {site}, {study} or {seq:N}");
                }
                i = end + 1;
            } else if (Character.isLetterOrDigit(c) || "-_./".indexOf(c) >= 0) {
                literal.append(c);
                i++;
            } else {
                throw new IllegalArgumentException("character '" + c + "' is not allowed in subject number pattern \""
                        + text + "\"; use letters, digits and - _ . /");
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        if (sequences != 1) {
            throw new IllegalArgumentException("subject number pattern \"" + text
                    + "\" must contain exactly one {seq} or {seq:N} token");
        }
        return new SubjectNumberPattern(text, parts);
    }

    private static int digits(String token, String text) {
        if (token.equals("seq")) {
            return 0;
        }
        String n = token.substring(4);
        if (!n.matches("[1-9]")) {
            throw new IllegalArgumentException("{" + token + "} in \"" + text
                    + "\": the number of digits must be 1 to 9");
        }
        return Integer.parseInt(n);
    }

    /** The subject number for the given running number, e.g. format("icc", "ZJU", 1) = "ZJU-001". */
    public String format(String studyId, String siteId, int sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        StringBuilder sb = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal l) {
                sb.append(l.text());
            } else if (part instanceof Site) {
                sb.append(siteId);
            } else if (part instanceof Study) {
                sb.append(studyId);
            } else if (part instanceof Sequence s) {
                String n = Integer.toString(sequence);
                sb.append("0".repeat(Math.max(0, s.digits() - n.length()))).append(n);
            }
        }
        return sb.toString();
    }

    /** Whether the text is a subject number this pattern produces for the study and site. */
    public boolean matches(String subjectNumber, String studyId, String siteId) {
        StringBuilder regex = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal l) {
                regex.append(Pattern.quote(l.text()));
            } else if (part instanceof Site) {
                regex.append(Pattern.quote(siteId));
            } else if (part instanceof Study) {
                regex.append(Pattern.quote(studyId));
            } else if (part instanceof Sequence s) {
                regex.append(s.digits() == 0 ? "[1-9][0-9]*" : "[0-9]{" + s.digits() + ",}");
            }
        }
        return subjectNumber.matches(regex.toString());
    }

    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubjectNumberPattern p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
