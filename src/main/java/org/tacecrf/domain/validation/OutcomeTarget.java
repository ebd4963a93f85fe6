package org.tacecrf.domain.validation;

import org.tacecrf.domain.casebook.ItemKey;

/**
 * Where the outcome of a check belongs in the casebook: a visit occurrence, a form instance and an
 * item (with its row), as far as the check's scope goes. A subject-level outcome has none of them.
 *
 * @param visitInstanceId the visit occurrence, or null
 * @param formInstanceId  the form instance, or null
 * @param item            the item with its group and row, or null for the form or visit as a whole
 */
public record OutcomeTarget(Long visitInstanceId, Long formInstanceId, ItemKey item) {

    /** The subject as a whole. */
    public static final OutcomeTarget SUBJECT = new OutcomeTarget(null, null, null);

    public OutcomeTarget {
        if (item != null && formInstanceId == null) {
            throw new IllegalArgumentException("an item belongs to a form instance");
        }
    }

    /** "v12/f34/microspheres[2].dose_loaded_mg", with "-" for what is not set. */
    @Override
    public String toString() {
        return (visitInstanceId == null ? "-" : "v" + visitInstanceId) + "/"
                + (formInstanceId == null ? "-" : "f" + formInstanceId) + "/" + (item == null ? "-" : item);
    }
}
