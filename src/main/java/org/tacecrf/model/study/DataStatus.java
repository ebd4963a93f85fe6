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

    /**
     * Whether review work goes on: closing queries, source-data verification, signing and locking
     * forms and casebooks. A freeze stops data changes only; a lock stops everything.
     */
    public boolean allowsReview() {
        return this != LOCKED;
    }

    /** The stricter of two statuses, e.g. of a study and one of its sites. */
    public DataStatus stricter(DataStatus other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
