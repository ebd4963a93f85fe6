package org.tacecrf.domain.study;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A section of a form (ODM {@code ItemGroupDef}). A repeating group holds one row per lesion, drug,
 * embolic agent or infusion; data are keyed by its repeat number.
 *
 * @param maxRepeats upper limit of rows of a repeating group, or null for no limit
 * @param domain     CDASH domain of the group's items (the form's unless the group names its own)
 */
public record ItemGroupDef(String id, LocalizedText label, boolean repeating, Integer maxRepeats,
                           CdashDomain domain, List<ItemDef> items, Origin origin, SourceLocation location) {

    public ItemGroupDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(domain, "domain");
        items = List.copyOf(items);
        Objects.requireNonNull(origin, "origin");
    }

    public Optional<ItemDef> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    ItemGroupDef withItems(List<ItemDef> newItems) {
        return new ItemGroupDef(id, label, repeating, maxRepeats, domain, newItems, origin, location);
    }
}
