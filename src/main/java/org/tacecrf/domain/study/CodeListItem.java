package org.tacecrf.domain.study;

import java.util.Objects;

/**
 * One allowed value of a code list (ODM {@code CodeListItem}).
 *
 * @param code     the stored value (ODM {@code CodedValue})
 * @param label    what the user sees (ODM {@code Decode})
 * @param rank     position on an ordinal scale (ODM {@code Rank}), or null for nominal lists
 * @param location where the item was defined
 */
public record CodeListItem(String code, LocalizedText label, Integer rank, SourceLocation location) {

    public CodeListItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
    }
}
