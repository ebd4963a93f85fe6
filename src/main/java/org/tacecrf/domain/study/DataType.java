package org.tacecrf.domain.study;

/** The storage type of an item value, named as in CDISC ODM 1.3.2 {@code ItemDef/@DataType}. */
public enum DataType {
    INTEGER("integer"),
    FLOAT("float"),
    TEXT("text"),
    DATE("date"),
    /** A local date and time to the minute, as read on the site's clock (ODM {@code datetime}). */
    DATETIME("datetime");

    private final String odmName;

    DataType(String odmName) {
        this.odmName = odmName;
    }

    /** The ODM {@code DataType} attribute value. */
    public String odmName() {
        return odmName;
    }

    /** Dates and date-times: values that fall on a calendar day. */
    public boolean temporal() {
        return this == DATE || this == DATETIME;
    }

    public boolean numeric() {
        return this == INTEGER || this == FLOAT;
    }
}
