package org.tacecrf.domain.check;

/** Lexical token kinds of the edit-check language. */
enum TokenType {
    NUMBER, TEXT, IDENTIFIER, PARAMETER,
    AND, OR, NOT, IN, TRUE, FALSE, NULL,
    PLUS, MINUS, STAR, SLASH, CARET,
    LT, LE, GT, GE, EQ, NE,
    LPAREN, RPAREN, COMMA, DOT, COLON,
    END;

    boolean isComparison() {
        return this == LT || this == LE || this == GT || this == GE || this == EQ || this == NE;
    }
}
