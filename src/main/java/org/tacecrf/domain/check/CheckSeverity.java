package org.tacecrf.domain.check;

/**
 * What a failed check does, as ODM {@code RangeCheck/@SoftHard}: a hard check rejects the data,
 * a soft check accepts them and raises a query the site answers or corrects.
 */
public enum CheckSeverity {
    /** The value cannot be saved while the check fails. */
    HARD,
    /** The value is saved; a query is opened. */
    SOFT
}
