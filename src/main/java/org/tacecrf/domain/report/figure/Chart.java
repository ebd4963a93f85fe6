package org.tacecrf.domain.report.figure;

import java.awt.Graphics2D;

/**
 * A figure that draws itself with Java2D into any {@link Graphics2D}: an SVG canvas or a raster image.
 * Drawing is written once and {@link ChartOutput} chooses the target.
 */
@FunctionalInterface
public interface Chart {

    /** Draws the whole figure into the area (0, 0)-(width, height) of {@code g}. */
    void draw(Graphics2D g, double width, double height);
}
