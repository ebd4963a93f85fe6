package org.tacecrf.domain.check;

/**
 * What kind of mistake a {@link ParseException} reports; a stable key for translated messages.
 * The exception's reason gives the English sentence with the specifics.
 */
public enum ParseErrorCode {
    /** Nothing but blanks. */
    EMPTY_EXPRESSION,
    /** A character the language does not use (with a hint for look-alikes such as &amp;&amp; or ≤). */
    UNEXPECTED_CHARACTER,
    /** A token in a place where it makes no sense, such as a second operator. */
    UNEXPECTED_TOKEN,
    /** The text ends where more is needed, such as a missing ')'. */
    UNEXPECTED_END,
    /** A quoted text without its closing quote. */
    UNTERMINATED_TEXT,
    /** A malformed number, such as "3." or "3mg". */
    INVALID_NUMBER,
    /** A decimal comma, such as "3,5". */
    DECIMAL_COMMA,
    /** A date written without date('...'), which would silently be read as a subtraction. */
    UNQUOTED_DATE,
    /** date('...') with a text that is not a real calendar date in YYYY-MM-DD form. */
    INVALID_DATE,
    /** A call of a function the language does not have. */
    UNKNOWN_FUNCTION,
    /** A function called with too few or too many arguments. */
    WRONG_ARGUMENT_COUNT,
    /** A path with more than three parts. */
    INVALID_PATH,
    /** Comparisons chained in a way that has no clear meaning, such as a = b = c or a &lt; b &gt; c. */
    CHAINED_COMPARISON,
    /** A comparison with null, which is never true: isEmpty() is meant. */
    COMPARISON_WITH_NULL,
    /** every(...) or some(...) not written as every(x in LIST : condition). */
    INVALID_QUANTIFIER,
    /** A message placeholder that is not a path or parameter. */
    INVALID_PLACEHOLDER
}
