package org.tacecrf.domain.report.figure;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Runs a {@link Chart}'s single drawing routine against an SVG canvas (JFreeSVG) or a raster image
 * (Java2D {@link BufferedImage}, written by ImageIO). Works headless; no display is needed.
 */
public final class ChartOutput {

    private ChartOutput() {
    }

    /** Writes the chart as a standalone SVG document or a PNG of {@code width} &times; {@code height} pixels. */
    public static void write(Chart chart, ImageFormat format, int width, int height, OutputStream out)
            throws IOException {
        checkSize(width, height);
        if (format == ImageFormat.SVG) {
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            chart.draw(g, width, height);
            // no DOCTYPE: SVG 2 drops it, and parsers would try to fetch the DTD
            String document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
            out.write(document.getBytes(StandardCharsets.UTF_8));
        } else {
            ImageIO.write(image(chart, width, height, 1.0), "png", out);
        }
        out.flush();
    }

    /**
     * The chart as an {@code <svg>} element for inlining in HTML, with a view box so that it scales to
     * the page. {@code idPrefix} keeps the ids of clip paths unique when a page holds several figures.
     */
    public static String svgElement(Chart chart, int width, int height, String idPrefix) {
        checkSize(width, height);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(idPrefix);
        chart.draw(g, width, height);
        return g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
    }

    /**
     * The chart drawn on a white raster of ({@code width} &times; {@code scale}) by ({@code height}
     * &times; {@code scale}) pixels; a scale of 2 or 3 gives print-quality images for PDF pages laid out
     * in points at {@code width} &times; {@code height}.
     */
    public static BufferedImage image(Chart chart, int width, int height, double scale) {
        checkSize(width, height);
        if (!(scale > 0)) {
            throw new IllegalArgumentException("The scale must be positive.");
        }
        BufferedImage image = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.scale(scale, scale);
            chart.draw(g, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** PNG bytes of {@link #image(Chart, int, int, double)}. */
    public static byte[] png(Chart chart, int width, int height, double scale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(chart, width, height, scale), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen for an in-memory stream
        }
        return out.toByteArray();
    }

    private static void checkSize(int width, int height) {
        if (width < 100 || height < 100 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("A figure must be 100 to 10000 pixels wide and high.");
        }
    }
}
