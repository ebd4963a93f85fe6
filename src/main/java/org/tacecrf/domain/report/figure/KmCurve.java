package org.tacecrf.domain.report.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One group's Kaplan-Meier curve as the statistics code computed it, ready to draw: the step points
 * (time, survival) where the estimate changes, the censoring times with the survival height at which
 * they are marked, an optional pointwise confidence band, the numbers at risk at the figure's
 * {@link KmFigure#riskTimes()}, and the median survival time (NaN when not reached or not to be shown).
 * Survival is a proportion 0-1; the figure shows it as a percentage.
 * <p>
 * The curve starts at (0, 1) unless its first step point is at time 0, and runs horizontally to its
 * last step or censoring time, whichever is later.
 */
public record KmCurve(String name, List<Point> steps, List<Point> censors, List<Band> band, List<Integer> atRisk,
        double median) {

    /** A point of the curve or a censor mark. */
    public record Point(double time, double survival) {
        public Point {
            if (!(time >= 0) || !(survival >= 0 && survival <= 1)) {
                throw new IllegalArgumentException("A survival point needs time >= 0 and survival in [0, 1].");
            }
        }
    }

    /** The confidence limits valid from {@code time} until the next band point. */
    public record Band(double time, double lower, double upper) {
        public Band {
            if (!(time >= 0) || !(lower >= 0 && lower <= upper && upper <= 1)) {
                throw new IllegalArgumentException("A confidence band needs 0 <= lower <= upper <= 1.");
            }
        }
    }

    public KmCurve {
        Objects.requireNonNull(name, "name");
        steps = List.copyOf(steps);
        censors = List.copyOf(censors);
        band = List.copyOf(band);
        atRisk = List.copyOf(atRisk);
        checkOrdered(steps.stream().map(Point::time).toList(), name);
        checkOrdered(band.stream().map(Band::time).toList(), name);
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).survival() > steps.get(i - 1).survival() + 1e-12) {
                throw new IllegalArgumentException("The curve of " + name + " rises; a survival estimate never does.");
            }
        }
        if (atRisk.stream().anyMatch(n -> n < 0)) {
            throw new IllegalArgumentException("Numbers at risk must not be negative.");
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The time where the drawn curve ends: its last step or censoring time. */
    public double endTime() {
        double end = steps.isEmpty() ? 0 : steps.get(steps.size() - 1).time();
        for (Point c : censors) {
            end = Math.max(end, c.time());
        }
        return end;
    }

    private static void checkOrdered(List<Double> times, String name) {
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i) < times.get(i - 1)) {
                throw new IllegalArgumentException("The times of " + name + " must not decrease.");
            }
        }
    }

    /** Collects a curve point by point. */
    public static final class Builder {
        private final String name;
        private final List<Point> steps = new ArrayList<>();
        private final List<Point> censors = new ArrayList<>();
        private final List<Band> band = new ArrayList<>();
        private final List<Integer> atRisk = new ArrayList<>();
        private double median = Double.NaN;

        private Builder(String name) {
            this.name = name;
        }

        public Builder step(double time, double survival) {
            steps.add(new Point(time, survival));
            return this;
        }

        public Builder censor(double time, double survival) {
            censors.add(new Point(time, survival));
            return this;
        }

        public Builder band(double time, double lower, double upper) {
            band.add(new Band(time, lower, upper));
            return this;
        }

        /** Numbers at risk at the figure's risk times, in order. */
        public Builder atRisk(int... counts) {
            for (int n : counts) {
                atRisk.add(n);
            }
            return this;
        }

        public Builder median(double time) {
            this.median = time;
            return this;
        }

        public KmCurve build() {
            return new KmCurve(name, steps, censors, band, atRisk, median);
        }
    }
}
