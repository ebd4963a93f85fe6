package org.tacecrf.domain.report.figure;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

import org.tacecrf.domain.report.figure.Canvas.Align;
import org.tacecrf.domain.report.figure.Canvas.Baseline;

/**
 * Draws a {@link BarFigure}: stacked or grouped bars with a legend above the plot, value labels on the
 * bars and the same axes, fonts and output path as {@link KaplanMeierChart}. Fills run dark to light
 * in series order, so ordered categories stay readable in grey print.
 */
public final class BarChart implements Chart {

    private final BarFigure figure;
    private final ChartStyle style;

    public BarChart(BarFigure figure) {
        this(figure, null);
    }

    /** A chart with the given style, or the default for its size when {@code style} is null. */
    public BarChart(BarFigure figure, ChartStyle style) {
        this.figure = Objects.requireNonNull(figure);
        this.style = style;
    }

    /** Writes the figure as SVG or PNG of {@code width} &times; {@code height} pixels. */
    public static void render(BarFigure figure, ImageFormat format, int width, int height, OutputStream out)
            throws IOException {
        ChartOutput.write(new BarChart(figure), format, width, height, out);
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        ChartStyle st = style != null ? style : ChartStyle.forSize(width, height);
        Canvas c = new Canvas(g, st);
        c.background(width, height);
        Font font = st.font();
        double lh = c.lineHeight(font);
        double pad = st.fontSize();

        double yMax = yMax();
        double step = figure.percent() ? 20 : Ticks.step(yMax, 5, false);
        List<Double> yTicks = Ticks.upTo(yMax, step);
        double top = yTicks.get(yTicks.size() - 1);

        double left = pad + c.yAxisWidth(Ticks.label(top));
        double right = pad;
        double titleHeight = figure.title().isEmpty() ? 0 : lh * 1.8;
        List<List<Integer>> legendRows = legendRows(c, width - left - right);
        double legendHeight = legendRows.size() * lh * 1.4 + lh * 0.4;
        double plotTop = pad + titleHeight + legendHeight;
        double bottom = pad * 0.5 + c.xAxisHeight();
        Rectangle2D plot = new Rectangle2D.Double(left, plotTop, width - left - right, height - plotTop - bottom);
        if (plot.getWidth() < 40 || plot.getHeight() < 40) {
            throw new IllegalArgumentException("The figure is too small for its bars and legend.");
        }
        DoubleUnaryOperator toY = v -> plot.getMaxY() - v / top * plot.getHeight();

        c.text(figure.title(), width / 2, pad, st.bold(1.2f), Color.BLACK, Align.CENTER, Baseline.TOP);
        drawLegend(c, legendRows, left, pad + titleHeight);
        drawBars(c, plot, toY);
        c.yAxis(plot, yTicks, toY, figure.yTitle());
        g.setColor(Color.BLACK);
        g.setStroke(st.axisStroke());
        c.line(plot.getMinX(), plot.getMaxY(), plot.getMaxX(), plot.getMaxY());
        int n = figure.categories().size();
        double band = plot.getWidth() / n;
        double labelY = plot.getMaxY() + st.fontSize() * 0.6;
        for (int k = 0; k < n; k++) {
            c.text(figure.categories().get(k), plot.getMinX() + band * (k + 0.5), labelY, font, Color.BLACK,
                    Align.CENTER, Baseline.TOP);
        }
        c.text(figure.xTitle(), plot.getCenterX(), labelY + lh * 1.3, font, Color.BLACK, Align.CENTER, Baseline.TOP);
    }

    private double yMax() {
        if (figure.percent()) {
            return 100;
        }
        double max = 0;
        for (int k = 0; k < figure.categories().size(); k++) {
            double stack = 0;
            for (int s = 0; s < figure.series().size(); s++) {
                double v = figure.value(s, k);
                stack += v;
                max = Math.max(max, v);
            }
            if (figure.layout() == BarLayout.STACKED) {
                max = Math.max(max, stack);
            }
        }
        return max > 0 ? max : 1;
    }

    private void drawBars(Canvas c, Rectangle2D plot, DoubleUnaryOperator toY) {
        int n = figure.categories().size();
        int m = figure.series().size();
        double band = plot.getWidth() / n;
        Font font = c.style.font();
        double lh = c.lineHeight(font);
        for (int k = 0; k < n; k++) {
            double centre = plot.getMinX() + band * (k + 0.5);
            double base = 0;
            for (int s = 0; s < m; s++) {
                double v = figure.value(s, k);
                Rectangle2D bar;
                if (figure.layout() == BarLayout.STACKED) {
                    double w = band * 0.55;
                    bar = new Rectangle2D.Double(centre - w / 2, toY.applyAsDouble(base + v), w,
                            toY.applyAsDouble(base) - toY.applyAsDouble(base + v));
                    base += v;
                } else {
                    double w = band * 0.8 / m;
                    double x = centre - band * 0.4 + s * w;
                    bar = new Rectangle2D.Double(x, toY.applyAsDouble(v), w, plot.getMaxY() - toY.applyAsDouble(v));
                }
                if (v <= 0) {
                    continue;
                }
                Color fill = c.style.fillColour(s);
                c.g.setColor(fill);
                c.g.fill(bar);
                c.g.setColor(Color.BLACK);
                c.g.setStroke(c.style.markStroke());
                c.g.draw(bar);
                String label = label(v);
                if (label.isEmpty()) {
                    continue;
                }
                if (figure.layout() == BarLayout.STACKED) {
                    if (bar.getHeight() >= lh && c.textWidth(label, font) <= bar.getWidth()) {
                        c.text(label, bar.getCenterX(), bar.getCenterY(), font, textOn(fill), Align.CENTER,
                                Baseline.MIDDLE);
                    }
                } else {
                    c.text(label, bar.getCenterX(), bar.getMinY() - lh * 0.15, font, Color.BLACK, Align.CENTER,
                            Baseline.BOTTOM);
                }
            }
        }
    }

    private String label(double v) {
        if (figure.valueDecimals() < 0) {
            return "";
        }
        return BigDecimal.valueOf(v).setScale(figure.valueDecimals(), RoundingMode.HALF_UP).toPlainString();
    }

    /** White text on dark fills, black on light ones (relative luminance threshold 0.4). */
    private static Color textOn(Color fill) {
        double lum = (0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue()) / 255;
        return lum < 0.4 ? Color.WHITE : Color.BLACK;
    }

    /** Series indices per legend line, wrapped to the available width. */
    private List<List<Integer>> legendRows(Canvas c, double available) {
        Font font = c.style.font();
        double swatch = c.style.fontSize();
        List<List<Integer>> rows = new ArrayList<>();
        List<Integer> row = new ArrayList<>();
        double used = 0;
        for (int s = 0; s < figure.series().size(); s++) {
            double w = swatch * 1.5 + c.textWidth(figure.series().get(s).name(), font) + swatch * 1.5;
            if (!row.isEmpty() && used + w > available) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(s);
            used += w;
        }
        rows.add(row);
        return rows;
    }

    private void drawLegend(Canvas c, List<List<Integer>> rows, double left, double top) {
        Font font = c.style.font();
        double lh = c.lineHeight(font);
        double swatch = c.style.fontSize();
        for (int r = 0; r < rows.size(); r++) {
            double x = left;
            double y = top + lh * 1.4 * r + lh * 0.7;
            for (int s : rows.get(r)) {
                Rectangle2D box = new Rectangle2D.Double(x, y - swatch / 2, swatch, swatch);
                c.g.setColor(c.style.fillColour(s));
                c.g.fill(box);
                c.g.setColor(Color.BLACK);
                c.g.setStroke(c.style.markStroke());
                c.g.draw(box);
                String name = figure.series().get(s).name();
                c.text(name, x + swatch * 1.5, y, font, Color.BLACK, Align.LEFT, Baseline.MIDDLE);
                x += swatch * 3 + c.textWidth(name, font);
            }
        }
    }
}
