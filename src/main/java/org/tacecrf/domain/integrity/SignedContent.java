package org.tacecrf.domain.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The exact data an electronic signature covers, and its content hash (21 CFR 11.70: a signature
 * is linked to its record so it cannot be moved to other data). The content is the subject, the
 * scope and every stored value in scope with its record id, version and value digest, in a fixed
 * order; the hash is SHA-256 over that canonical text. Comparing the content kept at signing
 * with the content now names the first item that differs.
 */
public final class SignedContent {

    /** Separates fields; cannot be typed into a form, so fields cannot run into each other. */
    private static final char SEPARATOR = '\u001f';
    private static final Comparator<SignedItem> ORDER = Comparator.comparing(SignedItem::location)
            .thenComparingLong(SignedItem::formRef).thenComparing(SignedItem::itemKey);

    private final String subjectNumber;
    private final SignatureScope scope;
    private final String scopeKey;
    private final List<SignedItem> items;

    public SignedContent(String subjectNumber, SignatureScope scope, String scopeKey, List<SignedItem> items) {
        this.subjectNumber = Objects.requireNonNull(subjectNumber, "subjectNumber");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.scopeKey = Objects.requireNonNull(scopeKey, "scopeKey");
        List<SignedItem> sorted = new ArrayList<>(items);
        sorted.sort(ORDER);
        this.items = List.copyOf(sorted);
    }

    /** The items in canonical order. */
    public List<SignedItem> items() {
        return items;
    }

    /** The text the hash covers: a header line, then one line per item. */
    public String canonical() {
        StringBuilder text = new StringBuilder();
        text.append("subject").append(SEPARATOR).append(subjectNumber).append(SEPARATOR).append(scope.name())
                .append(SEPARATOR).append(scopeKey).append('\n');
        for (SignedItem item : items) {
            text.append(item.formRef()).append(SEPARATOR).append(item.location()).append(SEPARATOR).append(item.itemKey())
                    .append(SEPARATOR).append(item.itemRef()).append(SEPARATOR).append(item.itemVersion())
                    .append(SEPARATOR).append(item.valueDigest()).append('\n');
        }
        return text.toString();
    }

    /** SHA-256 of {@link #canonical()}, 64 lower-case hex digits. */
    public String hash() {
        return sha256(canonical());
    }

    /**
     * The digest of one value as stored: its display text and, where a unit was converted, the
     * value and unit as entered. A null value has a digest too, so "emptied" differs from any value.
     */
    public static String valueDigest(String value, String enteredValue, String enteredUnit) {
        return sha256(field(value) + SEPARATOR + field(enteredValue) + SEPARATOR + field(enteredUnit));
    }

    private static String field(String s) {
        return s == null ? "\u2400" : s;
    }

    /** What changed in signed data: the item and how. */
    public record Difference(String address, Kind kind) {
        /** How an item differs from the signed content. */
        public enum Kind {
            /** The item has another value or version than when signed. */
            CHANGED,
            /** The item was emptied or removed. */
            REMOVED,
            /** A value was entered where there was none when signed. */
            ADDED
        }
    }

    /**
     * The first difference between the signed content (this) and the current content, in canonical
     * order: changed or removed items first, then items added since. Empty when both are the same.
     */
    public Optional<Difference> firstDifference(SignedContent current) {
        Map<String, SignedItem> now = index(current.items);
        for (SignedItem signed : items) {
            SignedItem found = now.remove(key(signed));
            if (found == null) {
                return Optional.of(new Difference(signed.address(), Difference.Kind.REMOVED));
            }
            if (!found.sameAs(signed)) {
                return Optional.of(new Difference(signed.address(), Difference.Kind.CHANGED));
            }
        }
        if (!now.isEmpty()) {
            return Optional.of(new Difference(now.values().iterator().next().address(), Difference.Kind.ADDED));
        }
        if (!subjectNumber.equals(current.subjectNumber) || scope != current.scope || !scopeKey.equals(current.scopeKey)) {
            return Optional.of(new Difference(current.scopeKey, Difference.Kind.CHANGED));
        }
        return Optional.empty();
    }

    private static Map<String, SignedItem> index(List<SignedItem> items) {
        Map<String, SignedItem> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(key(i), i));
        return map;
    }

    private static String key(SignedItem item) {
        return item.formRef() + "/" + item.itemKey();
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
