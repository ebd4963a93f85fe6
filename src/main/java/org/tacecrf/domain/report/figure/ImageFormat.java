package org.tacecrf.domain.report.figure;

/** Output formats of a figure. */
public enum ImageFormat {
    /** Scalable vector graphics (text stays text, searchable and sharp in print). */
    SVG,
    /** A raster image of the requested size in pixels. */
    PNG
}
