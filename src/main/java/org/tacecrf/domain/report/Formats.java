package org.tacecrf.domain.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Every rule that turns a number into the text a study table shows, in one place, so that CSV, XLSX,
 * HTML and PDF print the same characters.
 * <p>
 * Defaults follow what the seed papers print from SPSS: percentages to 1 decimal; p-values to 3
 * decimals with anything below 0.001 written {@code <0.001} (the floor is compared with the unrounded
 * value, so 0.0009996 is {@code <0.001}, not 0.001); hazard/odds ratios and their confidence limits to 2
 * decimals; means, SDs, medians to 1 decimal unless the value says otherwise. Rounding is half-up on
 * the shortest decimal representation of the double ({@link BigDecimal#valueOf(double)}), which is what
 * SPSS and Excel display; R's {@code sprintf} rounds exact binary ties to even, so 6.25 shows as 6.3 here
 * and 6.2 in R. Percentages of counts are rounded from the exact fraction.
 * <p>
 * A value that cannot be estimated (NaN or infinite) is written {@link #notEstimable()} ("NE"); a median
 * survival time that was not reached is written {@link #notReached()}. Instances are immutable; change
 * a rule with {@link #toBuilder()}.
 */
public final class Formats {

    private static final Formats STANDARD = new Builder().build();

    private final int percentDecimals;
    private final PStyle pStyle;
    private final int pDecimals;
    private final double pFloor;
    private final int estimateDecimals;
    private final int summaryDecimals;
    private final RoundingMode rounding;
    private final boolean grouping;
    private final boolean percentSignAlone;
    private final boolean percentSignWithCount;
    private final String notEstimable;
    private final String notReached;
    private final String reference;
    private final String plusMinus;
    private final String rangeSeparator;
    private final String negativeRangeSeparator;

    private Formats(Builder b) {
        if (b.percentDecimals < 0 || b.pDecimals < 1 || b.estimateDecimals < 0 || b.summaryDecimals < 0) {
            throw new IllegalArgumentException("Decimals must not be negative, and p-values need at least one.");
        }
        if (!(b.pFloor > 0 && b.pFloor < 1)) {
            throw new IllegalArgumentException("The p-value floor must lie between 0 and 1.");
        }
        percentDecimals = b.percentDecimals;
        pStyle = Objects.requireNonNull(b.pStyle);
        pDecimals = b.pDecimals;
        pFloor = b.pFloor;
        estimateDecimals = b.estimateDecimals;
        summaryDecimals = b.summaryDecimals;
        rounding = Objects.requireNonNull(b.rounding);
        grouping = b.grouping;
        percentSignAlone = b.percentSignAlone;
        percentSignWithCount = b.percentSignWithCount;
        notEstimable = Objects.requireNonNull(b.notEstimable);
        notReached = Objects.requireNonNull(b.notReached);
        reference = Objects.requireNonNull(b.reference);
        plusMinus = Objects.requireNonNull(b.plusMinus);
        rangeSeparator = Objects.requireNonNull(b.rangeSeparator);
        negativeRangeSeparator = Objects.requireNonNull(b.negativeRangeSeparator);
    }

    /** The journal defaults described in the class comment. */
    public static Formats standard() {
        return STANDARD;
    }

    /** A builder preset with this instance's rules. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.percentDecimals = percentDecimals;
        b.pStyle = pStyle;
        b.pDecimals = pDecimals;
        b.pFloor = pFloor;
        b.estimateDecimals = estimateDecimals;
        b.summaryDecimals = summaryDecimals;
        b.rounding = rounding;
        b.grouping = grouping;
        b.percentSignAlone = percentSignAlone;
        b.percentSignWithCount = percentSignWithCount;
        b.notEstimable = notEstimable;
        b.notReached = notReached;
        b.reference = reference;
        b.plusMinus = plusMinus;
        b.rangeSeparator = rangeSeparator;
        b.negativeRangeSeparator = negativeRangeSeparator;
        return b;
    }

    /** {@code x} rounded to {@code decimals}; NaN and infinities give {@link #notEstimable()}. */
    public String number(double x, int decimals) {
        if (!Double.isFinite(x)) {
            return notEstimable;
        }
        return plain(BigDecimal.valueOf(x).setScale(decimals, rounding));
    }

    /** A count, with grouping separators if configured. */
    public String count(long n) {
        return plain(BigDecimal.valueOf(n));
    }

    /** A percentage (0-100) to {@link Builder#percentDecimals} decimals; the sign only if configured. */
    public String percent(double percent) {
        String text = number(percent, percentDecimals);
        return percentSignAlone && Double.isFinite(percent) ? text + "%" : text;
    }

    /**
     * "58 (65.9%)": the count and its percentage of {@code denominator}, the percentage rounded from the
     * exact fraction 100 &times; count / denominator. A zero denominator gives "0 (NE)".
     */
    public String countPercent(long count, long denominator) {
        if (denominator <= 0) {
            return count(count) + " (" + notEstimable + ")";
        }
        BigDecimal pct = BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), percentDecimals, rounding);
        return count(count) + " (" + plain(pct) + (percentSignWithCount ? "%" : "") + ")";
    }

    /** "60.3 ± 14.0"; a negative {@code decimals} means {@link Builder#summaryDecimals}. */
    public String meanSd(double mean, double sd, int decimals) {
        int d = decimals(decimals);
        return number(mean, d) + plusMinus + number(sd, d);
    }

    /**
     * A centre with an interval, "12.0 (8.5-16.0)": median (IQR), median (range), or any estimate with
     * its confidence limits. A negative {@code decimals} means {@link Builder#summaryDecimals}. When a
     * limit is negative the separator becomes {@link Builder#negativeRangeSeparator} (" to "), so that
     * "-4.45 (-7.68 to -1.22)" does not read as a double minus.
     */
    public String withInterval(double centre, double lower, double upper, int decimals) {
        int d = decimals(decimals);
        if (!Double.isFinite(centre)) {
            return notEstimable;
        }
        return number(centre, d) + " (" + interval(lower, upper, d) + ")";
    }

    /** A hazard or odds ratio with its confidence limits: "0.45 (0.21-0.97)", 2 decimals by default. */
    public String estimate(double estimate, double lower, double upper) {
        return withInterval(estimate, lower, upper, estimateDecimals);
    }

    /**
     * Median survival time with its confidence limits. A median that was not reached (NaN) is written
     * {@link #notReached()}; a limit that could not be estimated is written {@link #notEstimable()}.
     */
    public String medianSurvival(double median, double lower, double upper, int decimals) {
        int d = decimals(decimals);
        String centre = Double.isFinite(median) ? number(median, d) : notReached;
        return centre + " (" + interval(lower, upper, d) + ")";
    }

    /** "8.5-16.0", or "NE" when both limits are missing. */
    public String interval(double lower, double upper, int decimals) {
        if (!Double.isFinite(lower) && !Double.isFinite(upper)) {
            return notEstimable;
        }
        String lo = number(lower, decimals);
        String hi = number(upper, decimals);
        String sep = lo.startsWith("-") || hi.startsWith("-") ? negativeRangeSeparator : rangeSeparator;
        return lo + sep + hi;
    }

    /**
     * A p-value as papers print it: below the floor (default 0.001) "&lt;0.001", otherwise 3 decimals
     * (0.0496 gives "0.050") or 2 significant digits, per {@link PStyle}. NaN gives "NE".
     *
     * @throws IllegalArgumentException if p lies outside [0, 1]
     */
    public String pValue(double p) {
        if (Double.isNaN(p)) {
            return notEstimable;
        }
        if (p < 0 || p > 1 + 1e-9) {
            throw new IllegalArgumentException("A p-value must lie between 0 and 1, not " + p + ".");
        }
        if (p < pFloor) {
            return "<" + plain(BigDecimal.valueOf(pFloor).stripTrailingZeros());
        }
        BigDecimal value = BigDecimal.valueOf(Math.min(p, 1.0));
        if (pStyle == PStyle.FIXED_DECIMALS) {
            return plain(value.setScale(pDecimals, rounding));
        }
        BigDecimal rounded = value.round(new MathContext(2, rounding));
        // keep two significant digits visible: 0.05 is shown as 0.050
        return plain(rounded.setScale(Math.max(0, rounded.scale() - rounded.precision() + 2), rounding));
    }

    /** The p-value as a statement for a figure or a sentence: "p = 0.012", "p < 0.001", "p = NE". */
    public String pStatement(double p) {
        String text = pValue(p);
        return text.startsWith("<") ? "p < " + text.substring(1) : "p = " + text;
    }

    /** Decimals to use for a summary statistic: the given ones, or the default when negative. */
    public int decimals(int requested) {
        return requested < 0 ? summaryDecimals : requested;
    }

    public int percentDecimals() {
        return percentDecimals;
    }

    public int estimateDecimals() {
        return estimateDecimals;
    }

    /** Whether a percentage alone in a cell is followed by "%". */
    public boolean percentSignAlone() {
        return percentSignAlone;
    }

    /** Whether the numbers are written with thousands separators (5,683.2). */
    public boolean grouping() {
        return grouping;
    }

    /** The floor below which p-values are written "&lt;floor". */
    public double pFloor() {
        return pFloor;
    }

    public PStyle pStyle() {
        return pStyle;
    }

    public String notEstimable() {
        return notEstimable;
    }

    public String notReached() {
        return notReached;
    }

    /** The text of a reference category in a regression table ("Ref"). */
    public String reference() {
        return reference;
    }

    private String plain(BigDecimal value) {
        if (value.signum() == 0) {
            value = value.abs(); // never print "-0.0"
        }
        String text = value.toPlainString();
        return grouping ? group(text) : text;
    }

    private static String group(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        int point = text.indexOf('.');
        int end = point < 0 ? text.length() : point;
        StringBuilder out = new StringBuilder(text.substring(0, start));
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) {
                out.append(',');
            }
            out.append(text.charAt(i));
        }
        return out.append(text.substring(end)).toString();
    }

    /** Mutable settings for {@link Formats}; every setter returns this builder. */
    public static final class Builder {
        private int percentDecimals = 1;
        private PStyle pStyle = PStyle.FIXED_DECIMALS;
        private int pDecimals = 3;
        private double pFloor = 0.001;
        private int estimateDecimals = 2;
        private int summaryDecimals = 1;
        private RoundingMode rounding = RoundingMode.HALF_UP;
        private boolean grouping;
        private boolean percentSignAlone;
        private boolean percentSignWithCount = true;
        private String notEstimable = "NE";
        private String notReached = "not reached";
        private String reference = "Ref";
        private String plusMinus = " \u00b1 ";
        private String rangeSeparator = "-";
        private String negativeRangeSeparator = " to ";

        private Builder() {
        }

        public Builder percentDecimals(int decimals) {
            this.percentDecimals = decimals;
            return this;
        }

        /** Fixed decimals or two significant digits for p-values at or above the floor. */
        public Builder pStyle(PStyle style) {
            this.pStyle = style;
            return this;
        }

        public Builder pDecimals(int decimals) {
            this.pDecimals = decimals;
            return this;
        }

        /** Below this p-values are written "&lt;floor" (default 0.001). */
        public Builder pFloor(double floor) {
            this.pFloor = floor;
            return this;
        }

        /** Decimals of hazard/odds ratios and their confidence limits (default 2). */
        public Builder estimateDecimals(int decimals) {
            this.estimateDecimals = decimals;
            return this;
        }

        /** Decimals of means, SDs and medians whose value does not name its own (default 1). */
        public Builder summaryDecimals(int decimals) {
            this.summaryDecimals = decimals;
            return this;
        }

        public Builder rounding(RoundingMode mode) {
            this.rounding = mode;
            return this;
        }

        /** Thousands separators: "5,683.2 ± 10,257.7". */
        public Builder grouping(boolean on) {
            this.grouping = on;
            return this;
        }

        /** Write "%" after a percentage alone in a cell (default off: the column header says %). */
        public Builder percentSignAlone(boolean on) {
            this.percentSignAlone = on;
            return this;
        }

        /** Write "58 (65.9%)" (default) rather than "58 (65.9)". */
        public Builder percentSignWithCount(boolean on) {
            this.percentSignWithCount = on;
            return this;
        }

        public Builder notEstimable(String text) {
            this.notEstimable = text;
            return this;
        }

        public Builder notReached(String text) {
            this.notReached = text;
            return this;
        }

        public Builder reference(String text) {
            this.reference = text;
            return this;
        }

        /** Between mean and SD (default " ± "). */
        public Builder plusMinus(String text) {
            this.plusMinus = text;
            return this;
        }

        /** Between the limits of an interval (default "-"). */
        public Builder rangeSeparator(String text) {
            this.rangeSeparator = text;
            return this;
        }

        /** Between the limits when one of them is negative (default " to "). */
        public Builder negativeRangeSeparator(String text) {
            this.negativeRangeSeparator = text;
            return this;
        }

        public Formats build() {
            return new Formats(this);
        }
    }
}
