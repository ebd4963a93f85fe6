package org.tacecrf.domain.report.figure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a Kaplan-Meier figure shows: the curves, the axis titles (time with its unit, survival in %),
 * the x range and tick step (NaN means chosen from the data), the times at which the number-at-risk
 * table is printed (empty means at the x ticks, then the curves' at-risk lists must match those
 * ticks), an annotation such as "Log-rank p = 0.012", whether median guide lines and censor marks are
 * drawn, and an optional title (journal figures usually leave it to the caption).
 */
public record KmFigure(List<KmCurve> curves, String title, String xTitle, String yTitle, double xMax, double xStep,
        List<Double> riskTimes, String riskTitle, String annotation, boolean showMedians, boolean showCensors,
        boolean showBands) {

    public KmFigure {
        curves = List.copyOf(curves);
        riskTimes = List.copyOf(riskTimes);
        Objects.requireNonNull(xTitle);
        Objects.requireNonNull(yTitle);
        Objects.requireNonNull(riskTitle);
        title = title == null ? "" : title;
        annotation = annotation == null ? "" : annotation;
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("A Kaplan-Meier figure needs at least one curve.");
        }
        if (!Double.isNaN(xMax) && !(xMax > 0) || !Double.isNaN(xStep) && !(xStep > 0)) {
            throw new IllegalArgumentException("The time axis needs a positive maximum and step.");
        }
        int times = riskTimes.isEmpty() ? ticks(curves, xTitle, xMax, xStep).size() : riskTimes.size();
        for (KmCurve c : curves) {
            if (!c.atRisk().isEmpty() && c.atRisk().size() != times) {
                throw new IllegalArgumentException("The curve " + c.name() + " has " + c.atRisk().size()
                        + " numbers at risk for " + times + " risk times.");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The right end of the time axis: as given, or the first tick at or after the longest curve. */
    public double axisMax() {
        return axisMax(curves, xTitle, xMax, xStep);
    }

    /** The time tick step: as given, or a nice step for about six intervals (3, 6, 12 ... for months). */
    public double axisStep() {
        return axisStep(curves, xTitle, xMax, xStep);
    }

    /** The x ticks from 0 to {@link #axisMax()}. */
    public List<Double> xTicks() {
        return ticks(curves, xTitle, xMax, xStep);
    }

    /** The times of the number-at-risk table: as given, or the x ticks. */
    public List<Double> effectiveRiskTimes() {
        return riskTimes.isEmpty() ? xTicks() : riskTimes;
    }

    private static double axisMax(List<KmCurve> curves, String xTitle, double xMax, double xStep) {
        if (!Double.isNaN(xMax)) {
            return xMax;
        }
        List<Double> ticks = Ticks.upTo(longest(curves), axisStep(curves, xTitle, xMax, xStep));
        return ticks.get(ticks.size() - 1);
    }

    private static double axisStep(List<KmCurve> curves, String xTitle, double xMax, double xStep) {
        if (!Double.isNaN(xStep)) {
            return xStep;
        }
        return Ticks.step(Double.isNaN(xMax) ? longest(curves) : xMax, 6, xTitle.toLowerCase().contains("month"));
    }

    private static List<Double> ticks(List<KmCurve> curves, String xTitle, double xMax, double xStep) {
        double max = axisMax(curves, xTitle, xMax, xStep);
        return Ticks.upTo(max, axisStep(curves, xTitle, xMax, xStep)).stream().filter(t -> t <= max + 1e-9).toList();
    }

    private static double longest(List<KmCurve> curves) {
        double end = curves.stream().mapToDouble(KmCurve::endTime).max().orElse(0);
        return end > 0 ? end : 1;
    }

    /** Sets the figure up with journal defaults; see the setters. */
    public static final class Builder {
        private final List<KmCurve> curves = new ArrayList<>();
        private String title = "";
        private String xTitle = "Time (months)";
        private String yTitle = "Survival probability (%)";
        private double xMax = Double.NaN;
        private double xStep = Double.NaN;
        private List<Double> riskTimes = List.of();
        private String riskTitle = "Number at risk";
        private String annotation = "";
        private boolean showMedians = true;
        private boolean showCensors = true;
        private boolean showBands = true;

        private Builder() {
        }

        public Builder curve(KmCurve curve) {
            curves.add(curve);
            return this;
        }

        public Builder title(String text) {
            this.title = text;
            return this;
        }

        /** The time axis title with its unit, e.g. "Time since first TACE (months)". */
        public Builder xTitle(String text) {
            this.xTitle = text;
            return this;
        }

        /** The survival axis title, e.g. "Overall survival (%)". */
        public Builder yTitle(String text) {
            this.yTitle = text;
            return this;
        }

        public Builder xAxis(double max, double step) {
            this.xMax = max;
            this.xStep = step;
            return this;
        }

        /** Times of the number-at-risk table (each curve's at-risk list follows them). */
        public Builder riskTimes(double... times) {
            this.riskTimes = Arrays.stream(times).boxed().toList();
            return this;
        }

        public Builder riskTitle(String text) {
            this.riskTitle = text;
            return this;
        }

        /** Text printed in the plot, e.g. "Log-rank p = 0.012". */
        public Builder annotation(String text) {
            this.annotation = text;
            return this;
        }

        public Builder showMedians(boolean on) {
            this.showMedians = on;
            return this;
        }

        public Builder showCensors(boolean on) {
            this.showCensors = on;
            return this;
        }

        public Builder showBands(boolean on) {
            this.showBands = on;
            return this;
        }

        public KmFigure build() {
            return new KmFigure(curves, title, xTitle, yTitle, xMax, xStep, riskTimes, riskTitle, annotation,
                    showMedians, showCensors, showBands);
        }
    }
}
