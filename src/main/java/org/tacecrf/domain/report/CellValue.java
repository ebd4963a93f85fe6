package org.tacecrf.domain.report;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The typed content of a table cell: the raw numbers a statistic produced, from which
 * {@link Formats} makes the printed text. Keeping the numbers lets spreadsheet exports write numbers as
 * numbers and lets {@link StudyTable#values()} list every number a table rests on.
 * <p>
 * Summary values take their decimals from the value (the measurement's precision); a negative number
 * of decimals means the table's default ({@link Formats.Builder#summaryDecimals}).
 */
public sealed interface CellValue {

    /** The text under the given rules. */
    String format(Formats formats);

    /** The named numbers behind the value, e.g. n, N and percent; empty for text. */
    List<Component> components();

    /**
     * The one number a spreadsheet cell should hold, when the value is a single finite number (a count,
     * a percentage, a p-value, a plain number); empty for composite values and text.
     */
    default OptionalDouble number() {
        return OptionalDouble.empty();
    }

    /** One named number of a value, e.g. ("mean", 60.3). */
    record Component(String name, double value) {
        public Component {
            Objects.requireNonNull(name);
        }
    }

    /** A count, e.g. number of patients. */
    record Count(long n) implements CellValue {
        @Override
        public String format(Formats f) {
            return f.count(n);
        }

        @Override
        public List<Component> components() {
            return List.of(new Component("n", n));
        }

        @Override
        public OptionalDouble number() {
            return OptionalDouble.of(n);
        }
    }

    /** A percentage on the 0-100 scale, e.g. an objective response rate in a "%" column. */
    record Percent(double percent) implements CellValue {
        @Override
        public String format(Formats f) {
            return f.percent(percent);
        }

        @Override
        public List<Component> components() {
            return List.of(new Component("percent", percent));
        }

        @Override
        public OptionalDouble number() {
            return finite(percent);
        }
    }

    /** A count with its percentage of a denominator, "58 (65.9%)". */
    record CountPercent(long count, long denominator) implements CellValue {
        public CountPercent {
            if (count < 0 || denominator < 0) {
                throw new IllegalArgumentException("Counts must not be negative.");
            }
        }

        /** 100 &times; count / denominator, NaN for a zero denominator. */
        public double percent() {
            return denominator == 0 ? Double.NaN : 100.0 * count / denominator;
        }

        @Override
        public String format(Formats f) {
            return f.countPercent(count, denominator);
        }

        @Override
        public List<Component> components() {
            return List.of(new Component("n", count), new Component("N", denominator),
                    new Component("percent", percent()));
        }
    }

    /** Mean &plusmn; standard deviation. */
    record MeanSd(double mean, double sd, int decimals) implements CellValue {
        @Override
        public String format(Formats f) {
            return f.meanSd(mean, sd, decimals);
        }

        @Override
        public List<Component> components() {
            return List.of(new Component("mean", mean), new Component("sd", sd));
        }
    }

    /** Median (interquartile range), the quartiles as the statistics code defines them. */
    record MedianIqr(double median, double q1, double q3, int decimals) implements CellValue {
        @Override
        public String format(Formats f) {
            return f.withInterval(median, q1, q3, decimals);
        }

        @Override
        public List<Component> components() {
            return List.of(new Component("median", median), new Component("q1", q1), new Component("q3", q3));
        }
    }

    /** Median (minimum-maximum). */
    record MedianRange(double median, double min, double max, int decimals) implements CellValue {
        @Override
        public String format(Formats f) {
            return f.withInterval(median, min, max, decimals);
        }

        @Override
        public List<Component> components() {
            return List.of(new Component("median", median), new Component("min", min), new Component("max", max));
        }
    }

    /** A ratio estimate (HR, OR) with confidence limits, "0.45 (0.21-0.97)". */
    record Estimate(double estimate, double lower, double upper) implements CellValue {
        @Override
        public String format(Formats f) {
            return f.estimate(estimate, lower, upper);
        }

        @Override
        public List<Component> components() {
            return List.of(new Component("estimate", estimate), new Component("lower", lower),
                    new Component("upper", upper));
        }
    }

    /** Median survival time with confidence limits; NaN median means not reached. */
    record MedianSurvival(double median, double lower, double upper, int decimals) implements CellValue {
        @Override
        public String format(Formats f) {
            return f.medianSurvival(median, lower, upper, decimals);
        }

        @Override
        public List<Component> components() {
            return List.of(new Component("median", median), new Component("lower", lower),
                    new Component("upper", upper));
        }
    }

    /** A p-value; which test produced it belongs in a footnote marked on the cell. */
    record PValue(double p) implements CellValue {
        @Override
        public String format(Formats f) {
            return f.pValue(p);
        }

        @Override
        public List<Component> components() {
            return List.of(new Component("p", p));
        }

        @Override
        public OptionalDouble number() {
            return finite(p);
        }
    }

    /** Any other number (a test statistic, a regression coefficient) with its decimals. */
    record Number(double value, int decimals) implements CellValue {
        @Override
        public String format(Formats f) {
            return f.number(value, f.decimals(decimals));
        }

        @Override
        public List<Component> components() {
            return List.of(new Component("value", value));
        }

        @Override
        public OptionalDouble number() {
            return finite(value);
        }
    }

    /** Text as given. */
    record Text(String text) implements CellValue {
        public Text {
            Objects.requireNonNull(text);
        }

        @Override
        public String format(Formats f) {
            return text;
        }

        @Override
        public List<Component> components() {
            return List.of();
        }
    }

    /** The reference category of a regression variable ("Ref"). */
    record Reference() implements CellValue {
        @Override
        public String format(Formats f) {
            return f.reference();
        }

        @Override
        public List<Component> components() {
            return List.of();
        }
    }

    /** An empty cell. */
    record Empty() implements CellValue {
        @Override
        public String format(Formats f) {
            return "";
        }

        @Override
        public List<Component> components() {
            return List.of();
        }
    }

    private static OptionalDouble finite(double x) {
        return Double.isFinite(x) ? OptionalDouble.of(x) : OptionalDouble.empty();
    }
}
