package org.tacecrf.domain.check;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The paths and parameters an expression may use, with their types, as seen from where the check
 * runs. Supplied by the caller (the study-definition loader) for static validation; see
 * {@link Expression#validate(ReferenceSchema)}. {@link MapReferenceSchema} is a ready implementation.
 */
public interface ReferenceSchema {

    /** The type of an item path in the check's context, or empty when the path names no item. */
    Optional<ItemType> item(Reference reference);

    /** The type of a study parameter, or empty when the study defines no such parameter. */
    Optional<ValueType> parameter(String name);

    /** Paths that exist, used only to suggest a correction for a misspelt path. May be empty. */
    default Collection<Reference> knownItems() {
        return List.of();
    }

    /** Parameter names that exist, used only to suggest a correction. May be empty. */
    default Collection<String> knownParameters() {
        return List.of();
    }
}
