package org.tacecrf.domain.clinical;

/** Sex as used to choose sex-specific laboratory reference ranges. */
public enum Sex {
    MALE,
    FEMALE
}
