package org.tacecrf.domain.check;

/** What kind of mistake a {@link Problem} reports; a stable key for translated messages. */
public enum ProblemCode {
    /** A path that names no item of the study definition. */
    UNKNOWN_ITEM,
    /** A $parameter the study does not define. */
    UNKNOWN_PARAMETER,
    /** An operation on values of kinds that do not combine, such as a date compared with a number. */
    TYPE_MISMATCH,
    /** A path with several values (one per instance) where one value is needed. */
    SEVERAL_VALUES,
    /** Something that is not true/false where a condition is needed (and, or, not, if, an edit check). */
    NOT_A_CONDITION
}
