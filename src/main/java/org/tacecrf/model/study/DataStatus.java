package org.tacecrf.model.study;

/**
 * How far a study or site has come towards database lock. Frozen: no data changes, queries can
 * still be closed. Locked: read-only, for analysis and export only.
 */
public enum DataStatus {
    ACTIVE, FROZEN, LOCKED;

    public boolean allowsDataChanges() {
        return this == ACTIVE;
    }
}
