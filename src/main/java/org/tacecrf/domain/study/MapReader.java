package org.tacecrf.domain.study;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads one YAML mapping: rejects unknown and duplicate keys on creation, converts values with type
 * checks, and reports every problem with its position. A value that cannot be read is reported and
 * returned as empty, so reading goes on and all errors are collected.
 */
final class MapReader {

    /** Syntax rules for ids. */
    enum IdStyle {
        /** Forms, groups, items, visits, code lists, arms, criteria, checks: usable in check paths. */
        NAME("[a-z][a-z0-9_]{0,39}", "lowercase snake_case: a letter, then letters, digits or underscores (at most 40)"),
        /** Study ids, used in URLs and OIDs. */
        STUDY("[a-z][a-z0-9_-]{1,31}", "lowercase letters, digits, '-' or '_', starting with a letter (2 to 32)"),
        /** Site codes, used in subject numbers. */
        SITE("[A-Za-z0-9][A-Za-z0-9_-]{0,15}", "letters, digits, '-' or '_' (at most 16)"),
        /** Code list values. */
        CODE("[A-Za-z0-9][A-Za-z0-9_.+-]{0,39}", "letters, digits or _ . + - without spaces (at most 40)");

        private final Pattern pattern;
        private final String rule;

        IdStyle(String regex, String rule) {
            this.pattern = Pattern.compile(regex);
            this.rule = rule;
        }

        boolean accepts(String id) {
            return pattern.matcher(id).matches();
        }

        String rule() {
            return rule;
        }
    }

    private final Source source;
    private final Node node;
    private final String what;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final boolean valid;

    private MapReader(Source source, Node node, String what, Collection<String> allowedKeys) {
        this.source = source;
        this.node = node;
        this.what = what;
        if (!(node instanceof MappingNode mapping)) {
            source.error(ErrorKind.WRONG_TYPE, node, what + " must be a mapping of keys to values, found "
                    + describe(node));
            this.valid = false;
            return;
        }
        this.valid = true;
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                source.error(ErrorKind.WRONG_TYPE, keyNode, "a key in " + what + " must be plain text");
                continue;
            }
            String key = keyScalar.getValue();
            if (!allowedKeys.contains(key)) {
                // "{en: Height, weight}" reads "weight" as a key without value: the comma needed quotes
                String comma = mapping.getFlowStyle() == FlowStyle.FLOW && isNull(tuple.getValueNode())
                        ? " (if this is part of a text after a comma, put the whole text in quotes)" : "";
                source.error(ErrorKind.UNKNOWN_KEY, keyNode, "unknown key '" + key + "' in " + what
                        + Suggestions.hint(key, allowedKeys) + comma);
                continue;
            }
            if (entries.containsKey(key)) {
                source.error(ErrorKind.DUPLICATE_KEY, keyNode, "key '" + key + "' appears twice in " + what);
                continue;
            }
            entries.put(key, tuple);
        }
    }

    static MapReader of(Source source, Node node, String what, String... allowedKeys) {
        return new MapReader(source, node, what, Arrays.asList(allowedKeys));
    }

    static MapReader of(Source source, Node node, String what, Collection<String> allowedKeys) {
        return new MapReader(source, node, what, allowedKeys);
    }

    Source source() {
        return source;
    }

    String what() {
        return what;
    }

    boolean valid() {
        return valid;
    }

    SourceLocation location() {
        return source.at(node);
    }

    /** Whether the key is present with a non-null value. */
    boolean has(String key) {
        return get(key).isPresent();
    }

    Optional<Node> get(String key) {
        NodeTuple t = entries.get(key);
        if (t == null || isNull(t.getValueNode())) {
            return Optional.empty();
        }
        return Optional.of(t.getValueNode());
    }

    /**
     * Position of the key's value; of the key itself when the value is null or a block list or
     * mapping (which starts on the next line); of the mapping when the key is absent.
     */
    SourceLocation at(String key) {
        NodeTuple t = entries.get(key);
        if (t == null) {
            return location();
        }
        Node value = t.getValueNode();
        boolean block = value instanceof CollectionNode<?> c && c.getFlowStyle() == FlowStyle.BLOCK;
        return isNull(value) || block ? source.at(t.getKeyNode()) : source.at(value);
    }

    /** Position of the key itself. */
    SourceLocation keyAt(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? location() : source.at(t.getKeyNode());
    }

    void error(ErrorKind kind, String key, String message) {
        source.error(kind, at(key), message);
    }

    /** Reports a missing required key; returns false when it is missing. */
    boolean require(String key) {
        if (!valid) {
            return false;
        }
        if (!has(key)) {
            NodeTuple t = entries.get(key);
            if (t != null) {
                source.error(ErrorKind.MISSING_KEY, source.at(t.getKeyNode()), "key '" + key + "' in " + what
                        + " has no value");
            } else {
                source.error(ErrorKind.MISSING_KEY, location(), what + " is missing required key '" + key + "'");
            }
            return false;
        }
        return true;
    }

    /** Reports a key that is present although it is not allowed here. */
    void forbid(String key, String reason) {
        if (entries.containsKey(key)) {
            source.error(ErrorKind.KEY_NOT_ALLOWED, keyAt(key), "key '" + key + "' is not allowed in " + what
                    + ": " + reason);
        }
    }

    Optional<String> string(String key) {
        return get(key).flatMap(n -> scalar(n, key));
    }

    /**
     * Text in the edit-check language, kept as written (quotes and escapes resolved by YAML, nothing
     * trimmed at the start) so that positions within it map to the file; reports an empty value.
     */
    Optional<Expression> expression(String key) {
        return get(key).flatMap(n -> {
            if (!(n instanceof ScalarNode s)) {
                scalar(n, key);
                return Optional.empty();
            }
            if (s.getValue().isBlank()) {
                error(ErrorKind.MISSING_KEY, key, "'" + key + "' in " + what + " is empty");
                return Optional.empty();
            }
            return Optional.of(new Expression(s.getValue().stripTrailing(), TextPosition.of(source, s)));
        });
    }

    /**
     * The English ({@code en}) or Chinese ({@code zh}) version of a text value as written, with its
     * position: the value itself for plain English text, else the entry of the {@code {en:, zh:}}
     * mapping. Used for message templates, whose placeholders are validated like expressions.
     */
    Optional<Expression> textSource(String key, String language) {
        Optional<Node> value = get(key);
        ScalarNode text = null;
        if (value.isPresent() && value.get() instanceof ScalarNode s && language.equals("en")) {
            text = s;
        } else if (value.isPresent() && value.get() instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(language)
                        && t.getValueNode() instanceof ScalarNode v) {
                    text = v;
                }
            }
        }
        return text == null || text.getValue().isBlank() ? Optional.empty()
                : Optional.of(new Expression(text.getValue().stripTrailing(), TextPosition.of(source, text)));
    }

    Optional<String> requiredString(String key) {
        return require(key) ? string(key) : Optional.empty();
    }

    Optional<String> id(String key, IdStyle style, boolean required) {
        if (required && !require(key)) {
            return Optional.empty();
        }
        Optional<String> value = string(key);
        if (value.isPresent() && !style.accepts(value.get())) {
            error(ErrorKind.INVALID_VALUE, key, "'" + value.get() + "' is not a valid " + key + " in " + what
                    + ": use " + style.rule());
            return Optional.empty();
        }
        return value;
    }

    Optional<Integer> integer(String key) {
        return get(key).flatMap(n -> scalar(n, key)).flatMap(text -> {
            Optional<Integer> value = parseInteger(text);
            if (value.isEmpty()) {
                error(ErrorKind.WRONG_TYPE, key, "'" + key + "' in " + what + " must be a whole number, found '"
                        + text + "'");
            }
            return value;
        });
    }

    /** An integer that must lie in [min, max]; out-of-range values are reported with {@code kind}. */
    Optional<Integer> integer(String key, int min, int max, ErrorKind kind) {
        return integer(key).filter(v -> {
            if (v < min || v > max) {
                error(kind, key, "'" + key + "' in " + what + " must be between " + min + " and " + max
                        + ", found " + v);
                return false;
            }
            return true;
        });
    }

    Optional<BigDecimal> decimal(String key) {
        return get(key).flatMap(n -> decimal(n, key));
    }

    Optional<BigDecimal> decimal(Node n, String key) {
        return scalar(n, key).flatMap(text -> {
            Optional<BigDecimal> value = parseDecimal(text);
            if (value.isEmpty()) {
                source.error(ErrorKind.WRONG_TYPE, n, "'" + key + "' in " + what + " must be a number, found '"
                        + text + "'");
            }
            return value;
        });
    }

    Optional<Boolean> bool(String key) {
        return get(key).flatMap(n -> scalar(n, key)).flatMap(text -> {
            String t = text.toLowerCase(Locale.ROOT);
            if (t.equals("true")) {
                return Optional.of(true);
            }
            if (t.equals("false")) {
                return Optional.of(false);
            }
            error(ErrorKind.WRONG_TYPE, key, "'" + key + "' in " + what + " must be true or false, found '"
                    + text + "'");
            return Optional.empty();
        });
    }

    boolean bool(String key, boolean defaultValue) {
        return bool(key).orElse(defaultValue);
    }

    /** English-only text written as a plain string, or a mapping {@code {en: ..., zh: ...}}. */
    Optional<LocalizedText> text(String key) {
        return get(key).flatMap(n -> localized(source, n, "'" + key + "' in " + what));
    }

    Optional<LocalizedText> requiredText(String key) {
        return require(key) ? text(key) : Optional.empty();
    }

    <E extends Enum<E>> Optional<E> requiredEnum(String key, Class<E> type, ErrorKind kind) {
        return require(key) ? enumValue(key, type, kind) : Optional.empty();
    }

    Optional<Integer> requiredInteger(String key) {
        return require(key) ? integer(key) : Optional.empty();
    }

    /**
     * A list that must be present and not empty; an empty list is reported with {@code emptyKind}
     * (a value that is not a list at all is reported as a wrong type).
     */
    List<Node> requiredList(String key, ErrorKind emptyKind, String emptyMessage) {
        if (!require(key)) {
            return List.of();
        }
        List<Node> nodes = list(key);
        if (nodes.isEmpty() && get(key).orElseThrow() instanceof SequenceNode) {
            error(emptyKind, key, emptyMessage);
        }
        return nodes;
    }

    List<Node> list(String key) {
        Optional<Node> n = get(key);
        if (n.isEmpty()) {
            return List.of();
        }
        if (!(n.get() instanceof SequenceNode seq)) {
            error(ErrorKind.WRONG_TYPE, key, "'" + key + "' in " + what + " must be a list (lines starting with"
                    + " '- '), found " + describe(n.get()));
            return List.of();
        }
        return seq.getValue();
    }

    <E extends Enum<E>> Optional<E> enumValue(String key, Class<E> type, ErrorKind kind) {
        return string(key).flatMap(text -> {
            Optional<E> value = Names.parse(type, text);
            if (value.isEmpty()) {
                List<String> names = Names.yamlNames(type);
                error(kind, key, "'" + text + "' is not a valid " + key + " in " + what + "; use one of "
                        + String.join(", ", names) + Suggestions.hint(text, names));
            }
            return value;
        });
    }

    private Optional<String> scalar(Node n, String key) {
        if (n instanceof ScalarNode s) {
            return Optional.of(s.getValue().strip());
        }
        source.error(ErrorKind.WRONG_TYPE, n, "'" + key + "' in " + what + " must be a single value, found "
                + describe(n));
        return Optional.empty();
    }

    static Optional<LocalizedText> localized(Source source, Node n, String what) {
        if (n instanceof ScalarNode s) {
            if (s.getValue().isBlank()) {
                source.error(ErrorKind.MISSING_KEY, n, what + " must not be empty");
                return Optional.empty();
            }
            return Optional.of(LocalizedText.of(s.getValue().strip()));
        }
        MapReader r = of(source, n, what, "en", "zh");
        if (!r.valid()) {
            return Optional.empty();
        }
        Optional<String> en = r.requiredString("en");
        Optional<String> zh = r.string("zh");
        if (en.isPresent() && en.get().isBlank()) {
            r.error(ErrorKind.MISSING_KEY, "en", "the English text of " + what + " must not be empty");
            return Optional.empty();
        }
        return en.map(e -> LocalizedText.of(e, zh.orElse(null)));
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    static String describe(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) n).getValue() + "'";
    }

    static Optional<Integer> parseInteger(String text) {
        return parseDecimal(text).flatMap(d -> {
            try {
                return Optional.of(d.stripTrailingZeros().intValueExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        });
    }

    static Optional<BigDecimal> parseDecimal(String text) {
        if (!text.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text.startsWith("+") ? text.substring(1) : text));
    }
}
