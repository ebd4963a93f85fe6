package org.tacecrf.domain.report.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.util.List;
import java.util.Objects;

/**
 * Fonts, colours and line patterns shared by the figures. Groups differ in colour <em>and</em> in line
 * pattern (solid, dashed, dotted, dash-dot), and the colours (Okabe-Ito, safe for colour-blind readers)
 * differ in lightness, so curves stay distinguishable when the journal prints in grey. Bar fills are
 * a dark-to-light ramp for ordered categories (CR, PR, SD, PD).
 *
 * @param fontFamily Java font family; the logical "SansSerif" maps to the system's sans-serif font in
 *                   PNG (which falls back to installed CJK fonts) and to CSS sans-serif in SVG
 * @param fontSize   base font size in pixels; axis labels and at-risk numbers use it, titles are larger
 */
public record ChartStyle(String fontFamily, float fontSize, List<Color> lineColours, List<Color> fillColours) {

    private static final List<Color> OKABE_ITO = List.of(new Color(0x000000), new Color(0xD55E00),
            new Color(0x0072B2), new Color(0x009E73), new Color(0xCC79A7), new Color(0xE69F00));
    private static final List<Color> RAMP = List.of(new Color(0x08306B), new Color(0x2171B5),
            new Color(0x6BAED6), new Color(0xC6DBEF), new Color(0xF0F0F0), new Color(0x737373));
    private static final float[][] DASHES = {null, {6f, 4f}, {1.5f, 3f}, {8f, 3f, 1.5f, 3f}, {12f, 4f}};

    public ChartStyle {
        Objects.requireNonNull(fontFamily);
        if (!(fontSize >= 4)) {
            throw new IllegalArgumentException("The font size must be at least 4.");
        }
        lineColours = List.copyOf(lineColours);
        fillColours = List.copyOf(fillColours);
        if (lineColours.isEmpty() || fillColours.isEmpty()) {
            throw new IllegalArgumentException("A chart style needs line and fill colours.");
        }
    }

    /** The default style with a font size suited to a figure of the given size. */
    public static ChartStyle forSize(double width, double height) {
        float size = (float) Math.max(9, Math.min(16, Math.min(width, height) / 42));
        return new ChartStyle("SansSerif", size, OKABE_ITO, RAMP);
    }

    public Font font() {
        return new Font(fontFamily, Font.PLAIN, Math.round(fontSize));
    }

    public Font bold(float scale) {
        return new Font(fontFamily, Font.BOLD, Math.round(fontSize * scale));
    }

    public Color lineColour(int group) {
        return lineColours.get(group % lineColours.size());
    }

    public Color fillColour(int series) {
        return fillColours.get(series % fillColours.size());
    }

    /** Width of data lines. */
    public float lineWidth() {
        return fontSize / 6f;
    }

    /** The data line of group {@code i}: solid, dashed, dotted, dash-dot, long dash, then repeating. */
    public Stroke groupStroke(int group) {
        float w = lineWidth();
        float[] dash = DASHES[group % DASHES.length];
        if (dash == null) {
            return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
        }
        float[] scaled = new float[dash.length];
        for (int i = 0; i < dash.length; i++) {
            scaled[i] = dash[i] * w;
        }
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, scaled, 0f);
    }

    /** Axis lines and ticks. */
    public Stroke axisStroke() {
        return new BasicStroke(Math.max(1f, fontSize / 12f));
    }

    /** Thin dashed guide lines (medians). */
    public Stroke guideStroke() {
        float w = Math.max(0.75f, fontSize / 16f);
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4 * w, 3 * w}, 0f);
    }

    /** Solid stroke for censor marks and bar outlines. */
    public Stroke markStroke() {
        return new BasicStroke(Math.max(1f, lineWidth() * 0.8f));
    }
}
