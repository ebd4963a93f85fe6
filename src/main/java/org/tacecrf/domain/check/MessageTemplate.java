package org.tacecrf.domain.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Query text with placeholders that show values: paths in braces, and study parameters as
 * {@code {$name}}, e.g. "Direct bilirubin ({BASELINE.baseline.bili_direct}) exceeds total bilirubin
 * ({BASELINE.baseline.bili_total})". Write {@code {{} and {@code }}} for literal braces. Values are
 * shown as in {@link Value#display()}: plain numbers, ISO dates, lists joined by ", ", "empty".
 */
public final class MessageTemplate {

    private record Segment(String literal, Reference reference, String parameter, int offset) {
    }

    private final SourceText source;
    private final List<Segment> segments;

    private MessageTemplate(SourceText source, List<Segment> segments) {
        this.source = source;
        this.segments = List.copyOf(segments);
    }

    /**
     * Parses message text.
     *
     * @throws ParseException for an unclosed '{' or a placeholder that is not a path or parameter,
     *                        with its line and column within the message text
     */
    public static MessageTemplate parse(String text) {
        SourceText source = new SourceText(Objects.requireNonNull(text, "text"));
        List<Segment> segments = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
                literal.append(c);
                i += 2;
            } else if (c == '{') {
                int close = text.indexOf('}', i + 1);
                if (close < 0) {
                    throw new ParseException(ParseErrorCode.INVALID_PLACEHOLDER,
                            "'{' is not closed by '}' (write '{{' for a brace)", source, i);
                }
                if (literal.length() > 0) {
                    segments.add(new Segment(literal.toString(), null, null, i));
                    literal.setLength(0);
                }
                segments.add(placeholder(source, text.substring(i + 1, close), i));
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            segments.add(new Segment(literal.toString(), null, null, i));
        }
        return new MessageTemplate(source, segments);
    }

    private static Segment placeholder(SourceText source, String content, int offset) {
        String name = content.trim();
        if (name.startsWith("$") && Reference.isIdentifier(name.substring(1))) {
            return new Segment(null, null, name.substring(1), offset);
        }
        String[] parts = name.split("\\.", -1);
        boolean path = parts.length <= 3;
        for (String part : parts) {
            path &= Reference.isIdentifier(part);
        }
        if (!path) {
            throw new ParseException(ParseErrorCode.INVALID_PLACEHOLDER, "placeholder '{" + content
                    + "}' must be a path such as {BASELINE.baseline.bili_total} or a parameter such as {$max_dose_per_vial_mg}",
                    source, offset);
        }
        return new Segment(null, Reference.of(name), null, offset);
    }

    /** The text as written. */
    public String text() {
        return source.text();
    }

    /** The distinct paths shown, in order. */
    public List<Reference> references() {
        LinkedHashSet<Reference> refs = new LinkedHashSet<>();
        segments.stream().filter(s -> s.reference != null).forEach(s -> refs.add(s.reference));
        return List.copyOf(refs);
    }

    /** The distinct parameters shown, in order. */
    public List<String> parameters() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        segments.stream().filter(s -> s.parameter != null).forEach(s -> names.add(s.parameter));
        return List.copyOf(names);
    }

    /** The message with current values. */
    public String render(ValueResolver resolver) {
        return render(null, resolver);
    }

    /**
     * The message with the values the check read, so that the query shows exactly what was checked;
     * placeholders the check did not read are resolved now.
     */
    public String render(CheckResult result, ValueResolver resolver) {
        StringBuilder out = new StringBuilder();
        for (Segment s : segments) {
            if (s.literal != null) {
                out.append(s.literal);
                continue;
            }
            Value v = s.reference != null
                    ? Optional.ofNullable(result == null ? null : result.itemValues().get(s.reference))
                            .orElseGet(() -> resolver.resolve(s.reference))
                    : Optional.ofNullable(result == null ? null : result.parameterValues().get(s.parameter))
                            .orElseGet(() -> resolver.parameter(s.parameter));
            out.append(v == null || v.isEmpty() ? Value.empty().display() : v.display());
        }
        return out.toString();
    }

    /** Placeholders that name no item or parameter of the study. */
    public List<Problem> validate(ReferenceSchema schema, Problem.Part part) {
        List<Problem> problems = new ArrayList<>();
        for (Segment s : segments) {
            if (s.reference != null && schema.item(s.reference).isEmpty()) {
                problems.add(problem(part, ProblemCode.UNKNOWN_ITEM, TypeChecker.unknownItem(s.reference, schema), s.offset));
            } else if (s.parameter != null && schema.parameter(s.parameter).isEmpty()) {
                problems.add(problem(part, ProblemCode.UNKNOWN_PARAMETER, TypeChecker.unknownParameter(s.parameter, schema), s.offset));
            }
        }
        return problems;
    }

    private Problem problem(Problem.Part part, ProblemCode code, String reason, int offset) {
        return new Problem(part, code, reason, source.line(offset), source.column(offset));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageTemplate other && other.text().equals(text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
