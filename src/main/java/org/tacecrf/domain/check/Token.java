package org.tacecrf.domain.check;

import java.math.BigDecimal;

/**
 * One token.
 *
 * @param value  the identifier or parameter name, or the text of a quoted text with quotes removed
 * @param number the value of a number token
 * @param start  offset of the first character
 * @param end    offset after the last character
 */
record Token(TokenType type, String lexeme, String value, BigDecimal number, int start, int end) {

    /** The token as quoted in messages; "end of expression" for the end. */
    String describe() {
        return type == TokenType.END ? "end of expression" : "'" + lexeme + "'";
    }
}
