package org.tacecrf.domain.check;

/** Comparison operators; {@link #negate()} gives the operator that holds when this one fails. */
enum ComparisonOperator {
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("="), NE("!=");

    final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    boolean isEquality() {
        return this == EQ || this == NE;
    }

    /** Same direction for chaining: both ascending (&lt;, &lt;=) or both descending (&gt;, &gt;=). */
    boolean chainsWith(ComparisonOperator other) {
        return ascending() ? other.ascending() : (descending() && other.descending());
    }

    private boolean ascending() {
        return this == LT || this == LE;
    }

    private boolean descending() {
        return this == GT || this == GE;
    }

    ComparisonOperator negate() {
        return switch (this) {
            case LT -> GE;
            case LE -> GT;
            case GT -> LE;
            case GE -> LT;
            case EQ -> NE;
            case NE -> EQ;
        };
    }

    /** Applies the operator to the sign of a comparison result. */
    boolean test(int comparison) {
        return switch (this) {
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
        };
    }

    static ComparisonOperator of(TokenType type) {
        return switch (type) {
            case LT -> LT;
            case LE -> LE;
            case GT -> GT;
            case GE -> GE;
            case EQ -> EQ;
            case NE -> NE;
            default -> throw new IllegalArgumentException(type.name());
        };
    }
}
