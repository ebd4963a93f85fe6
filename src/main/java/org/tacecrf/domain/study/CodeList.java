package org.tacecrf.domain.study;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A list of allowed coded values (ODM {@code CodeList}). Codes are unique; either every item has a
 * rank (an ordinal scale such as ECOG) or none has, as ODM 1.3.2 requires.
 */
public record CodeList(String id, LocalizedText label, List<CodeListItem> items, Origin origin,
                       SourceLocation location) {

    public CodeList {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        items = List.copyOf(items);
        Objects.requireNonNull(origin, "origin");
    }

    public Optional<CodeListItem> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public boolean contains(String code) {
        return item(code).isPresent();
    }

    public List<String> codes() {
        return items.stream().map(CodeListItem::code).toList();
    }

    /** Whether the items carry ranks, i.e. the list is an ordinal scale. */
    public boolean ordinal() {
        return !items.isEmpty() && items.get(0).rank() != null;
    }
}
