package org.tacecrf.domain.study;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A case report form (ODM {@code FormDef}): ordered item groups. Item ids are unique within the
 * form, so a value is addressed by form id + item id (plus repeat keys).
 *
 * @param repeating whether a subject may have several instances at one visit (e.g. adverse events)
 * @param domain    main CDASH domain; groups may name another
 * @param origin    LIBRARY for built-in forms (also when a study extended them), STUDY otherwise
 * @param extended  whether a study added items to or overrode items of this built-in form
 */
public record FormDef(String id, LocalizedText label, boolean repeating, CdashDomain domain,
                      List<ItemGroupDef> groups, Origin origin, boolean extended, SourceLocation location) {

    public FormDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(domain, "domain");
        groups = List.copyOf(groups);
        Objects.requireNonNull(origin, "origin");
    }

    public Optional<ItemGroupDef> group(String groupId) {
        return groups.stream().filter(g -> g.id().equals(groupId)).findFirst();
    }

    public Optional<ItemDef> item(String itemId) {
        return groups.stream().flatMap(g -> g.items().stream()).filter(i -> i.id().equals(itemId)).findFirst();
    }

    /** The group holding the item. */
    public Optional<ItemGroupDef> groupOf(String itemId) {
        return groups.stream().filter(g -> g.item(itemId).isPresent()).findFirst();
    }

    /** All items in display order. */
    public List<ItemDef> items() {
        return groups.stream().flatMap(g -> g.items().stream()).toList();
    }
}
