package org.tacecrf.model.integrity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.tacecrf.domain.integrity.SignedItem;

/** One stored value as a signature covers it (see {@link SignedItem}). */
@Embeddable
public class SignedLine {

    @Column(name = "form_ref", nullable = false)
    private long formRef;
    @Column(nullable = false, length = 200)
    private String location;
    @Column(name = "item_key", nullable = false, length = 200)
    private String itemKey;
    @Column(name = "item_ref", nullable = false)
    private long itemRef;
    @Column(name = "item_version", nullable = false)
    private long itemVersion;
    @Column(name = "value_digest", nullable = false, length = 64)
    private String valueDigest;

    protected SignedLine() {
    }

    public SignedLine(SignedItem item) {
        this.formRef = item.formRef();
        this.location = item.location();
        this.itemKey = item.itemKey();
        this.itemRef = item.itemRef();
        this.itemVersion = item.itemVersion();
        this.valueDigest = item.valueDigest();
    }

    public SignedItem item() {
        return new SignedItem(formRef, location, itemKey, itemRef, itemVersion, valueDigest);
    }
}
