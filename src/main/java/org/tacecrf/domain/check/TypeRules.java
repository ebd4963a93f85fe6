package org.tacecrf.domain.check;

/**
 * Which operations the language allows on which kinds of value. Shared by static validation (on the
 * types the schema declares) and by the evaluator (on the values actually read), so both agree.
 * All methods take scalar kinds (not {@code LIST} or {@code EMPTY}).
 */
final class TypeRules {

    private TypeRules() {
    }

    /** Numbers, and choice codes that may be numeric (ECOG 0-4, QLQ-C30 answers 1-4). */
    static boolean numeric(ValueType t) {
        return t == ValueType.NUMBER || t == ValueType.CODE;
    }

    /** The result kind of {@code left op right}, or null when the operation is not allowed. */
    static ValueType arithmetic(ArithmeticOperator op, ValueType left, ValueType right) {
        boolean ln = numeric(left);
        boolean rn = numeric(right);
        if (ln && rn) {
            return ValueType.NUMBER;
        }
        if (op == ArithmeticOperator.PLUS && ((left == ValueType.DATE && rn) || (ln && right == ValueType.DATE))) {
            return ValueType.DATE;
        }
        if (op == ArithmeticOperator.MINUS && left == ValueType.DATE) {
            if (rn) {
                return ValueType.DATE;
            }
            if (right == ValueType.DATE) {
                return ValueType.NUMBER;
            }
        }
        return null;
    }

    static String arithmeticError(ArithmeticOperator op, ValueType left, ValueType right) {
        String hint;
        if (left == ValueType.TEXT || right == ValueType.TEXT) {
            hint = ": arithmetic needs numbers";
        } else if (left == ValueType.DATE && right == ValueType.DATE) {
            hint = ": use days(from, to) for the days between two dates";
        } else if (left == ValueType.DATE || right == ValueType.DATE) {
            hint = ": a date takes only + or - a number of days";
        } else {
            hint = "";
        }
        return "'" + op.symbol + "' cannot combine " + left.description() + " with " + right.description() + hint;
    }

    /** Whether {@code left op right} is allowed. */
    static boolean comparable(ComparisonOperator op, ValueType left, ValueType right) {
        if (numeric(left) && numeric(right)) {
            return true;
        }
        if (left == ValueType.DATE && right == ValueType.DATE) {
            return true;
        }
        if (!op.isEquality()) {
            return false;
        }
        boolean lt = left == ValueType.TEXT || left == ValueType.CODE;
        boolean rt = right == ValueType.TEXT || right == ValueType.CODE;
        return (lt && rt) || (left == ValueType.BOOLEAN && right == ValueType.BOOLEAN);
    }

    static String comparisonError(ComparisonOperator op, ValueType left, ValueType right) {
        if (comparable(ComparisonOperator.EQ, left, right)) {
            ValueType unordered = numeric(left) ? right : left;
            return "'" + op.symbol + "' cannot order " + unordered.description() + ": only numbers and dates are ordered";
        }
        return "cannot compare " + left.description() + " with " + right.description();
    }
}
