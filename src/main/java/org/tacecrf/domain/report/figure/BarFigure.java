package org.tacecrf.domain.report.figure;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A bar chart of categories along x (e.g. response assessment time points) and series within them
 * (e.g. CR, PR, SD, PD), as counts or as percentages (y axis 0-100). {@code valueDecimals} is the
 * number of decimals of the labels printed on the bars, negative for none.
 */
public record BarFigure(List<String> categories, List<Series> series, BarLayout layout, String title, String xTitle,
        String yTitle, boolean percent, int valueDecimals) {

    /** One series: a value per category, in the order of the categories (NaN for none). */
    public record Series(String name, List<Double> values) {
        public Series {
            Objects.requireNonNull(name);
            values = List.copyOf(values);
            if (values.stream().anyMatch(v -> v < 0)) {
                throw new IllegalArgumentException("Bar values must not be negative.");
            }
        }

        public static Series of(String name, double... values) {
            return new Series(name, Arrays.stream(values).boxed().toList());
        }
    }

    public BarFigure {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        Objects.requireNonNull(layout);
        title = title == null ? "" : title;
        xTitle = xTitle == null ? "" : xTitle;
        yTitle = yTitle == null ? "" : yTitle;
        if (categories.isEmpty() || series.isEmpty()) {
            throw new IllegalArgumentException("A bar chart needs categories and series.");
        }
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("Series " + s.name() + " has " + s.values().size()
                        + " values for " + categories.size() + " categories.");
            }
        }
    }

    /** Stacked percentages with one-decimal labels, the usual response-by-time-point figure. */
    public static BarFigure stackedPercent(List<String> categories, List<Series> series, String xTitle) {
        return new BarFigure(categories, series, BarLayout.STACKED, "", xTitle, "Patients (%)", true, 1);
    }

    /** The value a series has in a category, 0 for NaN. */
    double value(int series, int category) {
        double v = this.series.get(series).values().get(category);
        return Double.isNaN(v) ? 0 : v;
    }
}
