package org.tacecrf.domain.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One value of a cohort specification, resolved per patient into the text a nurse would type:
 * <ul>
 *   <li>a code or number as written ({@code M}, {@code 0}, {@code HBV|ALCOHOL}); {@code -} for no value;
 *       {@code $name} for the value of a fact;</li>
 *   <li>a uniform range {@code a..b}: integers, or decimals with the bounds' number of decimals;</li>
 *   <li>a choice {@code [a, b, c]}: one of the options, each equally likely;</li>
 *   <li>a date {@code @a..b}: the anchor date (the first TACE) plus a uniform number of days;</li>
 *   <li>a condition {@code {"fact=value": ..., else: ...}} on a fact already assigned.</li>
 * </ul>
 */
public sealed interface SpecValue {

    /** No value: the item stays empty. */
    String NONE = "-";

    /**
     * @param facts  the patient's facts so far (for conditions)
     * @param anchor the date day offsets count from
     * @return the text to enter, or null for no value
     */
    String resolve(Random random, Map<String, String> facts, LocalDate anchor);

    /** A code or number as written. */
    record Literal(String text) implements SpecValue {
        @Override
        public String resolve(Random random, Map<String, String> facts, LocalDate anchor) {
            if (text.startsWith("$")) {
                return facts.get(text.substring(1));
            }
            return NONE.equals(text) ? null : text;
        }
    }

    /** A number drawn uniformly between two bounds, with {@code scale} decimals. */
    record Range(BigDecimal min, BigDecimal max, int scale) implements SpecValue {
        @Override
        public String resolve(Random random, Map<String, String> facts, LocalDate anchor) {
            return draw(random).toPlainString();
        }

        BigDecimal draw(Random random) {
            BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
            long steps = max.subtract(min).divide(step, 0, RoundingMode.DOWN).longValueExact();
            return min.add(step.multiply(BigDecimal.valueOf(steps == 0 ? 0 : random.nextLong(steps + 1))));
        }

        /** Whether a number lies in the range (bounds included). */
        public boolean contains(BigDecimal value) {
            return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
        }
    }

    /** One of several values, equally likely. */
    record OneOf(List<SpecValue> options) implements SpecValue {
        @Override
        public String resolve(Random random, Map<String, String> facts, LocalDate anchor) {
            return options.get(random.nextInt(options.size())).resolve(random, facts, anchor);
        }
    }

    /** A date a uniform number of days from the anchor. */
    record DayOffset(int minDays, int maxDays) implements SpecValue {
        @Override
        public String resolve(Random random, Map<String, String> facts, LocalDate anchor) {
            return anchor.plusDays(minDays + random.nextInt(maxDays - minDays + 1)).toString();
        }
    }

    /** The value of the first case whose fact has the value given, else the default. */
    record Conditional(Map<Condition, SpecValue> cases, SpecValue otherwise) implements SpecValue {
        @Override
        public String resolve(Random random, Map<String, String> facts, LocalDate anchor) {
            for (Map.Entry<Condition, SpecValue> c : cases.entrySet()) {
                if (c.getKey().holds(facts)) {
                    return c.getValue().resolve(random, facts, anchor);
                }
            }
            return otherwise == null ? null : otherwise.resolve(random, facts, anchor);
        }
    }

    /** {@code fact=value}, or {@code fact=a..b} for a number in a range. */
    record Condition(String fact, SpecValue value) {

        static Condition parse(String text, String where) {
            int eq = text.indexOf('=');
            if (eq < 1) {
                throw new CohortSpecException(where + ": a condition is written fact=value, not '" + text + "'");
            }
            return new Condition(text.substring(0, eq).trim(), SpecValue.parse(text.substring(eq + 1).trim(), where));
        }

        public boolean holds(Map<String, String> facts) {
            String actual = facts.get(fact);
            if (value instanceof Range range) {
                return actual != null && isNumber(actual) && range.contains(new BigDecimal(actual));
            }
            if (value instanceof Literal literal) {
                return NONE.equals(literal.text()) ? actual == null : literal.text().equals(actual);
            }
            throw new IllegalStateException("conditions compare with a code or a range");
        }

        @Override
        public String toString() {
            return fact + "=" + value;
        }
    }

    Pattern RANGE = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\.\\.(-?\\d+(?:\\.\\d+)?)");
    Pattern OFFSET = Pattern.compile("@(-?\\d+)(?:\\.\\.(-?\\d+))?");

    /** Reads a value from its YAML form (a scalar, a list or a map), naming {@code where} in errors. */
    static SpecValue parse(Object raw, String where) {
        if (raw instanceof List<?> list) {
            if (list.isEmpty()) {
                throw new CohortSpecException(where + ": a choice needs at least one option");
            }
            List<SpecValue> options = new ArrayList<>();
            for (Object o : list) {
                options.add(parse(o, where));
            }
            return new OneOf(List.copyOf(options));
        }
        if (raw instanceof Map<?, ?> map) {
            Map<Condition, SpecValue> cases = new LinkedHashMap<>();
            SpecValue otherwise = null;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (key.equals("else")) {
                    otherwise = parse(e.getValue(), where);
                } else {
                    cases.put(Condition.parse(key, where), parse(e.getValue(), where));
                }
            }
            return new Conditional(cases, otherwise);
        }
        if (raw == null) {
            throw new CohortSpecException(where + ": a value is missing (write - for none)");
        }
        String text = String.valueOf(raw).trim();
        Matcher offset = OFFSET.matcher(text);
        if (offset.matches()) {
            int min = Integer.parseInt(offset.group(1));
            int max = offset.group(2) == null ? min : Integer.parseInt(offset.group(2));
            if (max < min) {
                throw new CohortSpecException(where + ": the day range " + text + " ends before it starts");
            }
            return new DayOffset(min, max);
        }
        Matcher range = RANGE.matcher(text);
        if (range.matches()) {
            BigDecimal min = new BigDecimal(range.group(1));
            BigDecimal max = new BigDecimal(range.group(2));
            if (max.compareTo(min) < 0) {
                throw new CohortSpecException(where + ": the range " + text + " ends before it starts");
            }
            return new Range(min, max, Math.max(Math.max(min.scale(), max.scale()), 0));
        }
        return new Literal(text);
    }

    static boolean isNumber(String text) {
        return text.matches("-?\\d+(\\.\\d+)?");
    }
}
