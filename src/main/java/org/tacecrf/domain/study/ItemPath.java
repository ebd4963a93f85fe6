package org.tacecrf.domain.study;

import java.util.Objects;

/** An item together with the form and item group holding it: the key of a value in the casebook. */
public record ItemPath(FormDef form, ItemGroupDef group, ItemDef item) {

    public ItemPath {
        Objects.requireNonNull(form);
        Objects.requireNonNull(group);
        Objects.requireNonNull(item);
    }

    /** "form.group.item", e.g. {@code baseline.tumour_burden.cholangiectasis}. */
    public String path() {
        return form.id() + "." + group.id() + "." + item.id();
    }
}
