package org.tacecrf.domain.report.figure;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Drawing helpers shared by the charts: aligned text, rotated titles and axes with ticks. Wraps the
 * target {@link Graphics2D}, so the same calls produce SVG or pixels.
 */
final class Canvas {

    enum Align { LEFT, CENTER, RIGHT }

    enum Baseline { TOP, MIDDLE, BOTTOM }

    final Graphics2D g;
    final ChartStyle style;

    Canvas(Graphics2D g, ChartStyle style) {
        this.g = g;
        this.style = style;
    }

    void background(double width, double height) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
    }

    double textWidth(String text, Font font) {
        return g.getFontMetrics(font).getStringBounds(text, g).getWidth();
    }

    double lineHeight(Font font) {
        FontMetrics m = g.getFontMetrics(font);
        return m.getAscent() + m.getDescent();
    }

    double widest(List<String> texts, Font font) {
        double w = 0;
        for (String t : texts) {
            w = Math.max(w, textWidth(t, font));
        }
        return w;
    }

    /** Draws text aligned horizontally and vertically on (x, y). */
    void text(String text, double x, double y, Font font, Color colour, Align align, Baseline baseline) {
        if (text == null || text.isEmpty()) {
            return;
        }
        FontMetrics m = g.getFontMetrics(font);
        double w = m.getStringBounds(text, g).getWidth();
        double dx = switch (align) {
            case LEFT -> 0;
            case CENTER -> -w / 2;
            case RIGHT -> -w;
        };
        double dy = switch (baseline) {
            case TOP -> m.getAscent();
            case MIDDLE -> (m.getAscent() - m.getDescent()) / 2.0;
            case BOTTOM -> -m.getDescent();
        };
        g.setFont(font);
        g.setColor(colour);
        g.drawString(text, (float) (x + dx), (float) (y + dy));
    }

    /** Text turned 90° anticlockwise, centred on (x, y): a y-axis title. */
    void verticalText(String text, double x, double y, Font font, Color colour) {
        if (text == null || text.isEmpty()) {
            return;
        }
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        text(text, 0, 0, font, colour, Align.CENTER, Baseline.MIDDLE);
        g.setTransform(saved);
    }

    void line(double x1, double y1, double x2, double y2) {
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    /**
     * Left axis of {@code plot} with outward ticks at {@code values} mapped to pixels by {@code toY},
     * labels to the left, and the title rotated beside them.
     */
    void yAxis(Rectangle2D plot, List<Double> values, DoubleUnaryOperator toY, String title) {
        Font font = style.font();
        double tick = style.fontSize() * 0.4;
        g.setColor(Color.BLACK);
        g.setStroke(style.axisStroke());
        line(plot.getMinX(), plot.getMinY(), plot.getMinX(), plot.getMaxY());
        double labelWidth = 0;
        for (double v : values) {
            double y = toY.applyAsDouble(v);
            g.setColor(Color.BLACK);
            line(plot.getMinX() - tick, y, plot.getMinX(), y);
            String label = Ticks.label(v);
            labelWidth = Math.max(labelWidth, textWidth(label, font));
            text(label, plot.getMinX() - tick * 1.8, y, font, Color.BLACK, Align.RIGHT, Baseline.MIDDLE);
        }
        double titleX = plot.getMinX() - tick * 1.8 - labelWidth - lineHeight(font) * 0.8;
        verticalText(title, titleX, plot.getCenterY(), font, Color.BLACK);
    }

    /** Bottom axis line with outward ticks and labels at {@code values} mapped by {@code toX}. */
    void xAxis(Rectangle2D plot, List<Double> values, DoubleUnaryOperator toX) {
        double tick = style.fontSize() * 0.4;
        g.setColor(Color.BLACK);
        g.setStroke(style.axisStroke());
        line(plot.getMinX(), plot.getMaxY(), plot.getMaxX(), plot.getMaxY());
        for (double v : values) {
            double x = toX.applyAsDouble(v);
            g.setColor(Color.BLACK);
            line(x, plot.getMaxY(), x, plot.getMaxY() + tick);
            text(Ticks.label(v), x, plot.getMaxY() + tick * 1.5, style.font(), Color.BLACK, Align.CENTER,
                    Baseline.TOP);
        }
    }

    /** Space the y axis needs left of the plot for labels up to {@code widestLabel} and a title. */
    double yAxisWidth(String widestLabel) {
        Font font = style.font();
        return style.fontSize() * 0.4 * 1.8 + textWidth(widestLabel, font) + lineHeight(font) * 1.6;
    }

    /** Space the x axis needs below the plot for tick labels and a title line. */
    double xAxisHeight() {
        return style.fontSize() * 0.4 * 1.5 + lineHeight(style.font()) * 2.6;
    }
}
