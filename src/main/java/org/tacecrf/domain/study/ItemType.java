package org.tacecrf.domain.study;

/** How an item is entered and stored. */
public enum ItemType {
    /** Whole number; may carry a unit and ranges. */
    INTEGER,
    /** Number with a fixed count of decimal places ({@link ItemDef#precision()}). */
    DECIMAL,
    /** Free text with a maximum length. */
    TEXT,
    /** Calendar date (ISO 8601). */
    DATE,
    /**
     * Date and time to the minute (ISO 8601 {@code yyyy-MM-ddTHH:mm}), as read on the site's clock:
     * for deadlines counted in hours, such as the 24 hours to report a serious adverse event.
     */
    DATETIME,
    /** One code from a code list. */
    CHOICE,
    /** Any number of codes from a code list. */
    MULTI_CHOICE,
    /** Y or N, from the built-in {@code yes_no} code list. */
    YES_NO,
    /** Computed by the system, never typed: a built-in derivation or an expression. */
    CALCULATED;

    public boolean numericEntry() {
        return this == INTEGER || this == DECIMAL;
    }

    public boolean coded() {
        return this == CHOICE || this == MULTI_CHOICE || this == YES_NO;
    }
}
