package org.tacecrf.domain.report.figure;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

import org.tacecrf.domain.report.figure.Canvas.Align;
import org.tacecrf.domain.report.figure.Canvas.Baseline;

/**
 * Draws a {@link KmFigure} as journal figures show Kaplan-Meier estimates: survival in % (0-100) on the
 * y axis, time on the x axis, step curves that differ in colour and line pattern, "+" marks at censoring
 * times, optional shaded confidence bands, dashed guide lines from 50% to each median, a legend, the
 * annotation (e.g. the log-rank p-value) and the number-at-risk table under the x axis. Open axes, no
 * grid.
 */
public final class KaplanMeierChart implements Chart {

    private final KmFigure figure;
    private final ChartStyle style;

    /** A chart with the default style for its size. */
    public KaplanMeierChart(KmFigure figure) {
        this(figure, null);
    }

    /** A chart with the given style, or the default for its size when {@code style} is null. */
    public KaplanMeierChart(KmFigure figure, ChartStyle style) {
        this.figure = Objects.requireNonNull(figure);
        this.style = style;
    }

    /** Writes the figure as SVG or PNG of {@code width} &times; {@code height} pixels. */
    public static void render(KmFigure figure, ImageFormat format, int width, int height, OutputStream out)
            throws IOException {
        ChartOutput.write(new KaplanMeierChart(figure), format, width, height, out);
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        ChartStyle st = style != null ? style : ChartStyle.forSize(width, height);
        Canvas c = new Canvas(g, st);
        c.background(width, height);
        Font font = st.font();
        double lh = c.lineHeight(font);
        double pad = st.fontSize();
        double sample = st.fontSize() * 2.2;
        List<KmCurve> curves = figure.curves();
        boolean riskTable = curves.stream().anyMatch(k -> !k.atRisk().isEmpty());
        double xMax = figure.axisMax();
        List<String> names = curves.stream().map(KmCurve::name).toList();

        // the first count sits centred on the y axis, so the labels must end half a count before it
        double riskLabels = riskTable
                ? sample + pad * 0.4 + c.widest(names, font) + pad * 0.8 + c.textWidth("0000", font) / 2 : 0;
        double left = pad + Math.max(c.yAxisWidth("100"), riskLabels);
        double right = pad + c.textWidth(Ticks.label(xMax), font) / 2;
        double top = pad + lh * 0.5 + (figure.title().isEmpty() ? 0 : lh * 1.8);
        double riskHeight = riskTable ? lh * 0.8 + lh * 1.3 * (curves.size() + 1) : 0;
        double bottom = pad * 0.5 + c.xAxisHeight() + riskHeight;
        Rectangle2D plot = new Rectangle2D.Double(left, top, width - left - right, height - top - bottom);
        if (plot.getWidth() < 40 || plot.getHeight() < 40) {
            throw new IllegalArgumentException("The figure is too small for its curves and number-at-risk table.");
        }
        DoubleUnaryOperator toX = t -> plot.getMinX() + t / xMax * plot.getWidth();
        DoubleUnaryOperator toY = s -> plot.getMaxY() - s * plot.getHeight();

        c.text(figure.title(), width / 2, pad, st.bold(1.2f), Color.BLACK, Align.CENTER, Baseline.TOP);

        Shape savedClip = g.getClip();
        double slack = st.fontSize() * 0.5;
        g.clip(new Rectangle2D.Double(plot.getMinX() - slack, plot.getMinY() - slack,
                plot.getWidth() + 2 * slack, plot.getHeight() + 2 * slack));
        if (figure.showBands()) {
            for (int i = 0; i < curves.size(); i++) {
                drawBand(c, curves.get(i), i, toX, toY);
            }
        }
        if (figure.showMedians()) {
            drawMedians(c, curves, xMax, toX, toY);
        }
        for (int i = 0; i < curves.size(); i++) {
            KmCurve curve = curves.get(i);
            g.setColor(st.lineColour(i));
            g.setStroke(st.groupStroke(i));
            g.draw(stepPath(curve, toX, toY));
            if (figure.showCensors()) {
                drawCensors(c, curve, i, xMax, toX, toY);
            }
        }
        g.setClip(savedClip);

        c.yAxis(plot, List.of(0.0, 20.0, 40.0, 60.0, 80.0, 100.0), p -> toY.applyAsDouble(p / 100), figure.yTitle());
        c.xAxis(plot, figure.xTicks(), toX);
        double xTitleY = plot.getMaxY() + st.fontSize() * 0.4 * 1.5 + lh * 1.3;
        c.text(figure.xTitle(), plot.getCenterX(), xTitleY, font, Color.BLACK, Align.CENTER, Baseline.TOP);

        drawLegend(c, names, plot, sample);
        drawAnnotation(c, plot);
        if (riskTable) {
            drawRiskTable(c, plot.getMaxY() + c.xAxisHeight() + lh * 0.8, pad, sample, xMax, toX);
        }
    }

    /** The survival step function from (0, 1) to the curve's last time. */
    private static Path2D stepPath(KmCurve curve, DoubleUnaryOperator toX, DoubleUnaryOperator toY) {
        List<KmCurve.Point> points = new ArrayList<>(curve.steps());
        if (points.isEmpty() || points.get(0).time() > 0) {
            points.add(0, new KmCurve.Point(0, 1));
        }
        Path2D path = new Path2D.Double();
        KmCurve.Point previous = points.get(0);
        path.moveTo(toX.applyAsDouble(previous.time()), toY.applyAsDouble(previous.survival()));
        for (KmCurve.Point p : points.subList(1, points.size())) {
            path.lineTo(toX.applyAsDouble(p.time()), toY.applyAsDouble(previous.survival()));
            path.lineTo(toX.applyAsDouble(p.time()), toY.applyAsDouble(p.survival()));
            previous = p;
        }
        double end = curve.endTime();
        if (end > previous.time()) {
            path.lineTo(toX.applyAsDouble(end), toY.applyAsDouble(previous.survival()));
        }
        return path;
    }

    private void drawBand(Canvas c, KmCurve curve, int index, DoubleUnaryOperator toX, DoubleUnaryOperator toY) {
        List<KmCurve.Band> band = curve.band();
        if (band.isEmpty()) {
            return;
        }
        double end = Math.max(curve.endTime(), band.get(band.size() - 1).time());
        Path2D path = new Path2D.Double();
        path.moveTo(toX.applyAsDouble(band.get(0).time()), toY.applyAsDouble(band.get(0).upper()));
        for (int i = 1; i < band.size(); i++) {
            path.lineTo(toX.applyAsDouble(band.get(i).time()), toY.applyAsDouble(band.get(i - 1).upper()));
            path.lineTo(toX.applyAsDouble(band.get(i).time()), toY.applyAsDouble(band.get(i).upper()));
        }
        path.lineTo(toX.applyAsDouble(end), toY.applyAsDouble(band.get(band.size() - 1).upper()));
        path.lineTo(toX.applyAsDouble(end), toY.applyAsDouble(band.get(band.size() - 1).lower()));
        for (int i = band.size() - 1; i >= 1; i--) {
            path.lineTo(toX.applyAsDouble(band.get(i).time()), toY.applyAsDouble(band.get(i).lower()));
            path.lineTo(toX.applyAsDouble(band.get(i).time()), toY.applyAsDouble(band.get(i - 1).lower()));
        }
        path.lineTo(toX.applyAsDouble(band.get(0).time()), toY.applyAsDouble(band.get(0).lower()));
        path.closePath();
        Color colour = c.style.lineColour(index);
        c.g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 38));
        c.g.fill(path);
    }

    private static void drawMedians(Canvas c, List<KmCurve> curves, double xMax, DoubleUnaryOperator toX,
            DoubleUnaryOperator toY) {
        c.g.setColor(new Color(0x6E6E6E));
        c.g.setStroke(c.style.guideStroke());
        double y = toY.applyAsDouble(0.5);
        double longest = Double.NaN;
        for (KmCurve curve : curves) {
            double m = curve.median();
            if (Double.isFinite(m) && m <= xMax) {
                c.line(toX.applyAsDouble(m), y, toX.applyAsDouble(m), toY.applyAsDouble(0));
                longest = Double.isNaN(longest) ? m : Math.max(longest, m);
            }
        }
        if (!Double.isNaN(longest)) {
            c.line(toX.applyAsDouble(0), y, toX.applyAsDouble(longest), y);
        }
    }

    private static void drawCensors(Canvas c, KmCurve curve, int index, double xMax, DoubleUnaryOperator toX,
            DoubleUnaryOperator toY) {
        double half = c.style.fontSize() * 0.35;
        c.g.setColor(c.style.lineColour(index));
        c.g.setStroke(c.style.markStroke());
        for (KmCurve.Point p : curve.censors()) {
            if (p.time() <= xMax) {
                double x = toX.applyAsDouble(p.time());
                double y = toY.applyAsDouble(p.survival());
                c.line(x, y - half, x, y + half);
                c.line(x - half, y, x + half, y);
            }
        }
    }

    private void drawLegend(Canvas c, List<String> names, Rectangle2D plot, double sample) {
        Font font = c.style.font();
        double lh = c.lineHeight(font);
        double gap = c.style.fontSize() * 0.5;
        double boxWidth = sample + gap + c.widest(names, font) + gap * 2;
        double x = plot.getMaxX() - boxWidth;
        double y = plot.getMinY() + gap;
        c.g.setColor(new Color(255, 255, 255, 220));
        c.g.fill(new Rectangle2D.Double(x, y, boxWidth, lh * 1.3 * names.size() + gap));
        for (int i = 0; i < names.size(); i++) {
            double rowY = y + gap / 2 + lh * 1.3 * i + lh * 0.65;
            sampleLine(c, i, x + gap, rowY, sample);
            c.text(names.get(i), x + gap + sample + gap, rowY, font, Color.BLACK, Align.LEFT, Baseline.MIDDLE);
        }
    }

    private void drawAnnotation(Canvas c, Rectangle2D plot) {
        if (figure.annotation().isEmpty()) {
            return;
        }
        Font font = c.style.font();
        double gap = c.style.fontSize() * 0.6;
        double w = c.textWidth(figure.annotation(), font);
        double lh = c.lineHeight(font);
        c.g.setColor(new Color(255, 255, 255, 220));
        c.g.fill(new Rectangle2D.Double(plot.getMinX() + gap * 0.5, plot.getMaxY() - gap - lh * 1.1,
                w + gap, lh * 1.2));
        c.text(figure.annotation(), plot.getMinX() + gap, plot.getMaxY() - gap, font, Color.BLACK, Align.LEFT,
                Baseline.BOTTOM);
    }

    private void drawRiskTable(Canvas c, double top, double left, double sample, double xMax,
            DoubleUnaryOperator toX) {
        Font font = c.style.font();
        double lh = c.lineHeight(font);
        c.text(figure.riskTitle(), left, top, c.style.bold(1f), Color.BLACK, Align.LEFT, Baseline.TOP);
        List<Double> times = figure.effectiveRiskTimes();
        List<KmCurve> curves = figure.curves();
        for (int i = 0; i < curves.size(); i++) {
            KmCurve curve = curves.get(i);
            double y = top + lh * 1.3 * (i + 1) + lh / 2;
            sampleLine(c, i, left, y, sample);
            Color colour = c.style.lineColour(i);
            c.text(curve.name(), left + sample + c.style.fontSize() * 0.4, y, font, colour, Align.LEFT,
                    Baseline.MIDDLE);
            for (int j = 0; j < curve.atRisk().size(); j++) {
                double t = times.get(j);
                if (t >= 0 && t <= xMax + 1e-9) {
                    c.text(Integer.toString(curve.atRisk().get(j)), toX.applyAsDouble(t), y, font, colour,
                            Align.CENTER, Baseline.MIDDLE);
                }
            }
        }
    }

    private static void sampleLine(Canvas c, int group, double x, double y, double length) {
        c.g.setColor(c.style.lineColour(group));
        c.g.setStroke(c.style.groupStroke(group));
        c.line(x, y, x + length, y);
    }
}
