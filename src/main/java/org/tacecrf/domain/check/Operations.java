package org.tacecrf.domain.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Run-time arithmetic and comparison on scalar values. Empty operands give an empty result; which
 * kinds may be combined is decided by {@link TypeRules}.
 * <p>
 * Numbers are exact decimals: + and - are exact, *, / and ^ keep 16 significant digits
 * (IEEE 754 decimal64, {@link MathContext#DECIMAL64}). Division by zero, a negative base with a
 * fractional exponent and other results that are not real numbers are empty.
 */
final class Operations {

    static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final int MAX_INTEGER_EXPONENT = 9999;

    private Operations() {
    }

    /** {@code left op right}; both scalar. Throws via the evaluation for kinds that do not combine. */
    static Value arithmetic(ArithmeticOperator op, Value left, Value right, Evaluation ev, int at) {
        if (left.isNull() || right.isNull()) {
            return Value.empty();
        }
        ValueType result = TypeRules.arithmetic(op, left.type(), right.type());
        if (result == null) {
            throw ev.error(at, TypeRules.arithmeticError(op, left.type(), right.type()));
        }
        if (left instanceof DateValue date) {
            if (right instanceof DateValue other) {
                return Value.number(ChronoUnit.DAYS.between(other.date(), date.date()));
            }
            return Value.date(date.date().plusDays(wholeDays(number(right, ev, at), op, ev, at)));
        }
        if (right instanceof DateValue date) {
            return Value.date(date.date().plusDays(wholeDays(number(left, ev, at), op, ev, at)));
        }
        BigDecimal a = number(left, ev, at);
        BigDecimal b = number(right, ev, at);
        return switch (op) {
            case PLUS -> Value.number(a.add(b));
            case MINUS -> Value.number(a.subtract(b));
            case TIMES -> Value.number(a.multiply(b, PRECISION));
            case DIVIDE -> b.signum() == 0 ? Value.empty() : Value.number(a.divide(b, PRECISION));
            case POWER -> Value.number(power(a, b));
        };
    }

    /** base ^ exponent, exact to 16 digits for whole exponents; null when not a real number. */
    static BigDecimal power(BigDecimal base, BigDecimal exponent) {
        if (isWhole(exponent) && exponent.abs().compareTo(BigDecimal.valueOf(MAX_INTEGER_EXPONENT)) <= 0) {
            int n = exponent.intValueExact();
            if (n >= 0) {
                return base.pow(n, PRECISION);
            }
            if (base.signum() == 0) {
                return null;
            }
            return BigDecimal.ONE.divide(base.pow(-n, PRECISION), PRECISION);
        }
        double result = Math.pow(base.doubleValue(), exponent.doubleValue());
        return finite(result);
    }

    /** A double result as a decimal of 16 significant digits, or null when not finite. */
    static BigDecimal finite(double result) {
        if (Double.isNaN(result) || Double.isInfinite(result)) {
            return null;
        }
        return new BigDecimal(result).round(PRECISION);
    }

    static Value negate(Value operand, Evaluation ev, int at) {
        if (operand.isNull()) {
            return operand;
        }
        if (!TypeRules.numeric(operand.type())) {
            throw ev.error(at, "'-' cannot be put before " + operand.type().description());
        }
        return Value.number(number(operand, ev, at).negate());
    }

    /**
     * {@code left op right} as true, false or empty. Codes compare with text as text, and with
     * numbers as numbers when the code is numeric.
     */
    static Value compare(ComparisonOperator op, Value left, Value right, Evaluation ev, int at) {
        if (left.isNull() || right.isNull()) {
            return Value.empty();
        }
        ValueType lt = left.type();
        ValueType rt = right.type();
        if (!TypeRules.comparable(op, lt, rt)) {
            throw ev.error(at, TypeRules.comparisonError(op, lt, rt));
        }
        if (lt == ValueType.DATE) {
            return Value.bool(op.test(((DateValue) left).date().compareTo(((DateValue) right).date())));
        }
        if (lt == ValueType.BOOLEAN) {
            return Value.bool(op.test(left.equals(right) ? 0 : 1));
        }
        if (lt == ValueType.NUMBER || rt == ValueType.NUMBER || !op.isEquality()) {
            // numeric comparison: number with number or numeric code; ordering of codes
            BigDecimal a = numericOrNull(left);
            BigDecimal b = numericOrNull(right);
            if (a == null || b == null) {
                if (op.isEquality()) {
                    return Value.bool(op == ComparisonOperator.NE);
                }
                Value notNumeric = a == null ? left : right;
                throw ev.error(at, "choice code '" + notNumeric.display() + "' is not a number and cannot be ordered");
            }
            return Value.bool(op.test(a.compareTo(b)));
        }
        // text or code with text or code: same characters
        return Value.bool(op.test(left.display().equals(right.display()) ? 0 : 1));
    }

    /** True when two scalar values are equal in the sense of '='; false for kinds that never match. */
    static boolean matches(Value left, Value right) {
        if (!TypeRules.comparable(ComparisonOperator.EQ, left.type(), right.type())) {
            return false;
        }
        if (left instanceof DateValue a && right instanceof DateValue b) {
            return a.date().equals(b.date());
        }
        if (left.type() == ValueType.NUMBER || right.type() == ValueType.NUMBER) {
            BigDecimal a = numericOrNull(left);
            BigDecimal b = numericOrNull(right);
            return a != null && b != null && a.compareTo(b) == 0;
        }
        if (left instanceof BooleanValue) {
            return left.equals(right);
        }
        return left.display().equals(right.display());
    }

    /** A number or numeric code as a decimal; throws for anything else. */
    static BigDecimal number(Value value, Evaluation ev, int at) {
        BigDecimal n = numericOrNull(value);
        if (n == null) {
            String what = value instanceof CodeValue ? "choice code '" + value.display() + "'" : value.type().description();
            throw ev.error(at, "a number is needed here, not " + what);
        }
        return n;
    }

    static BigDecimal numericOrNull(Value value) {
        if (value instanceof NumberValue n) {
            return n.value();
        }
        if (value instanceof CodeValue c) {
            return c.numeric();
        }
        return null;
    }

    static LocalDate date(Value value, Evaluation ev, int at) {
        if (value instanceof DateValue d) {
            return d.date();
        }
        throw ev.error(at, "a date is needed here, not " + value.type().description());
    }

    static boolean isWhole(BigDecimal n) {
        return n.signum() == 0 || n.stripTrailingZeros().scale() <= 0;
    }

    static BigDecimal roundHalfUp(BigDecimal n, int places) {
        return n.setScale(places, RoundingMode.HALF_UP);
    }

    private static long wholeDays(BigDecimal days, ArithmeticOperator op, Evaluation ev, int at) {
        if (!isWhole(days)) {
            throw ev.error(at, "only whole days can be added to or taken from a date, not " + days.toPlainString());
        }
        long n = days.longValueExact();
        return op == ArithmeticOperator.MINUS ? -n : n;
    }
}
