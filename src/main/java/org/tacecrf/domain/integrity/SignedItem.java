package org.tacecrf.domain.integrity;

import java.util.Objects;

/**
 * One stored value as a signature covers it: where it is (form instance and item key), which
 * stored record and version it is, and a digest of its value. The digest, not the value, is kept
 * with the signature, so the signature can later name an item that changed without holding a
 * second copy of the clinical data.
 *
 * @param formRef     the form instance's id
 * @param location    the visit and form keys, e.g. {@code baseline[1]/labs[1]}
 * @param itemKey     the item's key within the form, e.g. {@code labs[1].albumin}
 * @param itemRef     the stored item's id
 * @param itemVersion the stored item's version (it increases on every change)
 * @param valueDigest {@link SignedContent#valueDigest} of the value
 */
public record SignedItem(long formRef, String location, String itemKey, long itemRef, long itemVersion, String valueDigest) {

    public SignedItem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(itemKey, "itemKey");
        Objects.requireNonNull(valueDigest, "valueDigest");
    }

    /** The item's address within the subject: {@code baseline[1]/labs[1]/labs[1].albumin}. */
    public String address() {
        return location + "/" + itemKey;
    }

    /** Whether the same record has the same version and value. */
    boolean sameAs(SignedItem other) {
        return itemRef == other.itemRef && itemVersion == other.itemVersion && valueDigest.equals(other.valueDigest);
    }
}
