package org.tacecrf.domain.study;

/** The storage type of an item value, named as in CDISC ODM 1.3.2 {@code ItemDef/@DataType}. */
public enum DataType {
    INTEGER("integer"),
    FLOAT("float"),
    TEXT("text"),
    DATE("date");

    private final String odmName;

    DataType(String odmName) {
        this.odmName = odmName;
    }

    /** The ODM {@code DataType} attribute value. */
    public String odmName() {
        return odmName;
    }

    public boolean numeric() {
        return this == INTEGER || this == FLOAT;
    }
}
