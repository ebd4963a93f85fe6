package org.tacecrf.domain.check;

/** Binary arithmetic operators. */
enum ArithmeticOperator {
    PLUS("+"), MINUS("-"), TIMES("*"), DIVIDE("/"), POWER("^");

    final String symbol;

    ArithmeticOperator(String symbol) {
        this.symbol = symbol;
    }
}
