/**
 * Journal figures drawn with Java2D once and written as SVG (JFreeSVG) or PNG (ImageIO), headless.
 * <p>
 * {@link org.tacecrf.domain.report.figure.KaplanMeierChart} draws a
 * {@link org.tacecrf.domain.report.figure.KmFigure} of {@link org.tacecrf.domain.report.figure.KmCurve}s
 * with censor marks, confidence bands, medians and the number-at-risk table;
 * {@link org.tacecrf.domain.report.figure.BarChart} draws response categories by time point
 * ({@link org.tacecrf.domain.report.figure.BarFigure}). Both implement
 * {@link org.tacecrf.domain.report.figure.Chart} and share axes, fonts and line styles
 * ({@link org.tacecrf.domain.report.figure.ChartStyle}); {@link org.tacecrf.domain.report.figure.ChartOutput}
 * picks the output.
 */
package org.tacecrf.domain.report.figure;
