package org.tacecrf.domain.study;

/** The kinds of error a study definition or library file can have. */
public enum ErrorKind {
    /** The file is not well-formed YAML. */
    YAML_SYNTAX,
    /** A key that is not part of the format at this place (with a "did you mean" when close). */
    UNKNOWN_KEY,
    /** A key that exists in the format but not for this kind of element (e.g. precision on a date). */
    KEY_NOT_ALLOWED,
    /** A required key is absent or has no value. */
    MISSING_KEY,
    /** The same key twice in one mapping. */
    DUPLICATE_KEY,
    /** A value of the wrong kind: text where a number is expected, a list where a mapping is expected. */
    WRONG_TYPE,
    /** A value outside the allowed set or an id with invalid characters. */
    INVALID_VALUE,
    /** Two elements with the same id where ids must be unique. */
    DUPLICATE_ID,
    /** An id that names nothing: unknown form, code list, item, visit or built-in form. */
    UNKNOWN_REFERENCE,
    /** A study-specific id that collides with a built-in one. */
    ID_CLASH,
    /** min greater than max, a soft range outside the hard range, or a loosened built-in range. */
    INVALID_RANGE,
    /** A decimal item without precision, or a precision out of bounds. */
    INVALID_PRECISION,
    /** A unit factor that is not positive, or an alternative unit without a canonical unit. */
    INVALID_UNIT,
    /** An empty code list or one mixing ranked and unranked items. */
    INVALID_CODE_LIST,
    /** A {@code derive:} name that is not in the derivation catalogue, or a wrong argument. */
    UNKNOWN_DERIVATION,
    /** A study parameter with an invalid value (unknown parameter names are UNKNOWN_KEY). */
    INVALID_PARAMETER,
    /** A visit window or interval that is negative or opens before the anchor. */
    INVALID_WINDOW,
    /** A definition that is never used, such as a study form no visit collects. */
    UNUSED_DEFINITION,
    /** The same study id in two files. */
    DUPLICATE_STUDY,
    /** The file or directory cannot be read. */
    IO,
    /**
     * An expression or message of the edit-check language that does not parse: an unexpected
     * character or token, a decimal comma, an unknown function, a placeholder that is not a path.
     */
    EXPRESSION_SYNTAX,
    /** A path in an expression or message that names no item from where it runs, or an unknown $parameter. */
    EXPRESSION_REFERENCE,
    /**
     * Values of kinds that do not combine, several values where one is needed, an edit check that is
     * not a condition, or a calculated expression whose value does not fit the item's type.
     */
    EXPRESSION_TYPE
}
