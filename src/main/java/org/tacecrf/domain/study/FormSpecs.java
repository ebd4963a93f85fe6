package org.tacecrf.domain.study;

import java.util.List;

/** Parsed form-level definitions before references between them are resolved. */
final class FormSpecs {

    private FormSpecs() {
    }

    /** A group entry of a form: either defined in place or a {@code use:} of a reusable group. */
    sealed interface GroupEntry permits Inline, Use {
    }

    record Inline(ItemGroupDef group) implements GroupEntry {
    }

    record Use(String groupId, SourceLocation location) implements GroupEntry {
    }

    record Form(String id, LocalizedText label, boolean repeating, CdashDomain domain, List<GroupEntry> groups,
                Origin origin, SourceLocation location) {
    }

    /**
     * Items a study adds to a group of a built-in form. {@code label} is null when the entry names
     * an existing group; {@code newGroupKeys} records where group-level keys were written so that
     * they can be rejected for existing groups.
     */
    record Addition(String groupId, LocalizedText label, boolean repeating, Integer maxRepeats, CdashDomain domain,
                    List<ItemDef> items, List<SourceLocation> newGroupKeys, SourceLocation location) {
    }

    /** Changes a study makes to one built-in item; null fields are left unchanged. */
    record Override(String itemId, LocalizedText label, LocalizedText help, Boolean required, NumericRange hardRange,
                    SourceLocation hardRangeAt, NumericRange softRange, SourceLocation softRangeAt,
                    SourceLocation location) {
    }

    record Extension(String baseFormId, List<Addition> additions, List<Override> overrides,
                     SourceLocation baseAt, SourceLocation location) {
    }
}
