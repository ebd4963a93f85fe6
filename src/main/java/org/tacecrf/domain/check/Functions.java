package org.tacecrf.domain.check;

import static org.tacecrf.domain.check.FunctionDef.Parameter.ANY_OR_LIST;
import static org.tacecrf.domain.check.FunctionDef.Parameter.DATE;
import static org.tacecrf.domain.check.FunctionDef.Parameter.NUMBER;
import static org.tacecrf.domain.check.FunctionDef.Parameter.NUMBERS;
import static org.tacecrf.domain.check.FunctionDef.Parameter.ORDERED;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * The built-in functions. Names are matched without regard to case ({@code isempty} is
 * {@code isEmpty}); item ids, in contrast, are case-sensitive.
 * <p>
 * Aggregates ({@code min, max, sum, mean, count}) take single values, several-valued paths or both,
 * and skip empty values, as SQL aggregates and spreadsheet functions do: "death after every other
 * event" must not fail because one kind of event never happened. With nothing left they are empty
 * ({@code count} gives 0).
 */
final class Functions {

    /** if, every, some and date have their own syntax; listed so that misspellings find them. */
    static final Map<String, String> SPECIAL_FORMS = Map.of(
            "if", "if(condition, value if true, value if false)",
            "every", "every(x in LIST : condition)",
            "some", "some(x in LIST : condition)",
            "date", "date('YYYY-MM-DD')");

    /** Names from REDCap and spreadsheets that mean one of ours, for "did you mean". */
    private static final Map<String, String> FOREIGN_NAMES = Map.of(
            "datediff", "days", "iif", "if", "now", "today", "average", "mean", "avg", "mean",
            "isblank", "isEmpty", "isnull", "isEmpty", "ifnull", "coalesce", "nvl", "coalesce", "power", "pow");

    private static final Map<String, FunctionDef> BY_NAME = new LinkedHashMap<>();

    static {
        define("isEmpty", 1, 1, names("x"), params(ANY_OR_LIST), ValueType.BOOLEAN,
                "true when nothing was entered (for several values: when none was)",
                (a, ev, c) -> Value.bool(a[0].isEmpty()));
        define("notEmpty", 1, 1, names("x"), params(ANY_OR_LIST), ValueType.BOOLEAN,
                "true when a value was entered (for several values: when at least one was)",
                (a, ev, c) -> Value.bool(!a[0].isEmpty()));
        define("coalesce", 1, Integer.MAX_VALUE, names("a", "b"), params(ANY_OR_LIST), null,
                "the first argument that is not empty",
                (a, ev, c) -> {
                    for (Value v : a) {
                        if (!v.isEmpty()) {
                            return v;
                        }
                    }
                    return Value.empty();
                });
        define("days", 2, 2, names("from", "to"), params(DATE, DATE), ValueType.NUMBER,
                "days from the first date to the second (negative when the second is earlier)",
                (a, ev, c) -> between(ChronoUnit.DAYS, a));
        define("months", 2, 2, names("from", "to"), params(DATE, DATE), ValueType.NUMBER,
                "whole calendar months completed from the first date to the second",
                (a, ev, c) -> between(ChronoUnit.MONTHS, a));
        define("age", 2, 2, names("birthDate", "atDate"), params(DATE, DATE), ValueType.NUMBER,
                "age in completed years on a date",
                (a, ev, c) -> between(ChronoUnit.YEARS, a));
        define("year", 1, 1, names("date"), params(DATE), ValueType.NUMBER,
                "the calendar year of a date",
                (a, ev, c) -> a[0] instanceof DateValue d ? Value.number(d.date().getYear()) : Value.empty());
        define("today", 0, 0, names(), params(), ValueType.DATE,
                "the current date at the site",
                (a, ev, c) -> Value.date(ev.today()));
        define("abs", 1, 1, names("x"), params(NUMBER), ValueType.NUMBER,
                "the value without its sign",
                (a, ev, c) -> a[0].isNull() ? a[0] : Value.number(Operations.number(a[0], ev, c.start).abs()));
        define("round", 1, 2, names("x", "places"), params(NUMBER, NUMBER), ValueType.NUMBER,
                "rounds half away from zero to the given decimal places (default 0)",
                Functions::round);
        define("pow", 2, 2, names("base", "exponent"), params(NUMBER, NUMBER), ValueType.NUMBER,
                "base raised to the exponent, the same as base ^ exponent",
                (a, ev, c) -> a[0].isNull() || a[1].isNull() ? Value.empty()
                        : Value.number(Operations.power(Operations.number(a[0], ev, c.start), Operations.number(a[1], ev, c.start))));
        define("sqrt", 1, 1, names("x"), params(NUMBER), ValueType.NUMBER,
                "square root; empty for a negative number",
                (a, ev, c) -> {
                    if (a[0].isNull()) {
                        return a[0];
                    }
                    BigDecimal x = Operations.number(a[0], ev, c.start);
                    return x.signum() < 0 ? Value.empty() : Value.number(x.sqrt(Operations.PRECISION));
                });
        define("log10", 1, 1, names("x"), params(NUMBER), ValueType.NUMBER,
                "base-10 logarithm; empty for zero or a negative number",
                (a, ev, c) -> unary(a[0], ev, c, Math::log10));
        define("ln", 1, 1, names("x"), params(NUMBER), ValueType.NUMBER,
                "natural logarithm; empty for zero or a negative number",
                (a, ev, c) -> unary(a[0], ev, c, Math::log));
        define("min", 1, Integer.MAX_VALUE, names("a", "b"), params(ORDERED), null,
                "the smallest number or earliest date, over all arguments and all their values",
                (a, ev, c) -> extreme(a, -1, ev, c));
        define("max", 1, Integer.MAX_VALUE, names("a", "b"), params(ORDERED), null,
                "the largest number or latest date, over all arguments and all their values",
                (a, ev, c) -> extreme(a, 1, ev, c));
        define("sum", 1, Integer.MAX_VALUE, names("a", "b"), params(NUMBERS), ValueType.NUMBER,
                "the sum of all values that are not empty",
                (a, ev, c) -> {
                    List<BigDecimal> values = numbers(a, ev, c);
                    return values.isEmpty() ? Value.empty() : Value.number(total(values));
                });
        define("mean", 1, Integer.MAX_VALUE, names("a", "b"), params(NUMBERS), ValueType.NUMBER,
                "the arithmetic mean of all values that are not empty",
                (a, ev, c) -> {
                    List<BigDecimal> values = numbers(a, ev, c);
                    return values.isEmpty() ? Value.empty()
                            : Value.number(total(values).divide(BigDecimal.valueOf(values.size()), Operations.PRECISION));
                });
        define("count", 1, Integer.MAX_VALUE, names("a", "b"), params(ANY_OR_LIST), ValueType.NUMBER,
                "how many values are not empty, over all arguments and all their values",
                (a, ev, c) -> {
                    long n = 0;
                    for (Value v : a) {
                        for (Value element : Node.Quantifier.instances(v)) {
                            if (!element.isEmpty()) {
                                n++;
                            }
                        }
                    }
                    return Value.number(n);
                });
    }

    private Functions() {
    }

    static Optional<FunctionDef> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * One Markdown table row per function ("| `days(from, to)` | a number | days from ... |"), as
     * the language documentation lists them; a test keeps the two in step.
     */
    static List<String> referenceRows() {
        List<String> rows = new ArrayList<>();
        for (FunctionDef f : BY_NAME.values()) {
            String result = f.result == null ? "same kind as its arguments" : f.result.description();
            rows.add("| `" + f.signature() + "` | " + result + " | " + f.description + " |");
        }
        return rows;
    }

    /** The name a misspelt or foreign function name most likely means, if any. */
    static Optional<String> suggest(String name) {
        String foreign = FOREIGN_NAMES.get(name.toLowerCase(Locale.ROOT));
        if (foreign != null) {
            return Optional.of(foreign);
        }
        List<String> candidates = new ArrayList<>();
        BY_NAME.values().forEach(f -> candidates.add(f.name));
        candidates.addAll(SPECIAL_FORMS.keySet());
        return Suggestions.closest(name, candidates, true);
    }

    private static void define(String name, int min, int max, String[] names, FunctionDef.Parameter[] params,
                               ValueType result, String description, FunctionDef.Implementation implementation) {
        BY_NAME.put(name.toLowerCase(Locale.ROOT),
                new FunctionDef(name, min, max, names, params, result, description, implementation));
    }

    private static String[] names(String... names) {
        return names;
    }

    private static FunctionDef.Parameter[] params(FunctionDef.Parameter... params) {
        return params;
    }

    private static Value between(ChronoUnit unit, Value[] a) {
        if (a[0].isNull() || a[1].isNull()) {
            return Value.empty();
        }
        LocalDate from = ((DateValue) a[0]).date();
        LocalDate to = ((DateValue) a[1]).date();
        return Value.number(unit.between(from, to));
    }

    private static Value round(Value[] a, Evaluation ev, Node.Call c) {
        if (a[0].isNull() || (a.length > 1 && a[1].isNull())) {
            return Value.empty();
        }
        int places = 0;
        if (a.length > 1) {
            BigDecimal p = Operations.number(a[1], ev, c.start);
            if (!Operations.isWhole(p) || p.abs().compareTo(BigDecimal.valueOf(20)) > 0) {
                throw ev.error(c.arguments.get(1), "round() needs a whole number of places between -20 and 20, not " + p.toPlainString());
            }
            places = p.intValueExact();
        }
        return Value.number(Operations.roundHalfUp(Operations.number(a[0], ev, c.start), places));
    }

    private static Value unary(Value x, Evaluation ev, Node.Call c, DoubleUnaryOperator f) {
        if (x.isNull()) {
            return x;
        }
        BigDecimal n = Operations.number(x, ev, c.start);
        return n.signum() <= 0 ? Value.empty() : Value.number(Operations.finite(f.applyAsDouble(n.doubleValue())));
    }

    /** Smallest (sign -1) or largest (sign 1) value; numbers and dates do not mix. */
    private static Value extreme(Value[] a, int sign, Evaluation ev, Node.Call c) {
        Value best = null;
        for (int i = 0; i < a.length; i++) {
            for (Value v : Node.Quantifier.instances(a[i])) {
                if (v.isNull()) {
                    continue;
                }
                if (best == null) {
                    best = v;
                    continue;
                }
                boolean dates = v.type() == ValueType.DATE;
                if (dates != (best.type() == ValueType.DATE)) {
                    throw ev.error(c.arguments.get(i), c.function.name + "() cannot mix dates and numbers");
                }
                int cmp = dates ? ((DateValue) v).date().compareTo(((DateValue) best).date())
                        : Operations.number(v, ev, c.start).compareTo(Operations.number(best, ev, c.start));
                if (Integer.signum(cmp) == sign) {
                    best = v;
                }
            }
        }
        return best == null ? Value.empty() : best;
    }

    private static List<BigDecimal> numbers(Value[] a, Evaluation ev, Node.Call c) {
        List<BigDecimal> out = new ArrayList<>();
        for (Value v : a) {
            for (Value element : Node.Quantifier.instances(v)) {
                if (!element.isNull()) {
                    out.add(Operations.number(element, ev, c.start));
                }
            }
        }
        return out;
    }

    private static BigDecimal total(List<BigDecimal> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            sum = sum.add(v);
        }
        return sum;
    }
}
