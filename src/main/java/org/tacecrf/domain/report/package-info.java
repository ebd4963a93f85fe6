/**
 * The presentation layer for study results: publication tables and the documents that carry them.
 * <p>
 * Contents:
 * <ul>
 *   <li>Table model: {@link org.tacecrf.domain.report.StudyTable} (built with
 *       {@link org.tacecrf.domain.report.StudyTable#builder(String, String)}) with spanning
 *       {@link org.tacecrf.domain.report.HeaderCell}s, indented {@link org.tacecrf.domain.report.Row}s,
 *       typed {@link org.tacecrf.domain.report.Cell}s ({@link org.tacecrf.domain.report.CellValue}: counts,
 *       n (%), mean &plusmn; SD, median (IQR/range), estimate (95% CI), median survival, p-value, text,
 *       Ref), {@link org.tacecrf.domain.report.Footnote}s and a
 *       {@link org.tacecrf.domain.report.TableNote}.</li>
 *   <li>Formatting rules in one place: {@link org.tacecrf.domain.report.Formats}.</li>
 *   <li>Renderers ({@link org.tacecrf.domain.report.TableRenderer}):
 *       {@link org.tacecrf.domain.report.CsvRenderer}, {@link org.tacecrf.domain.report.XlsxRenderer},
 *       {@link org.tacecrf.domain.report.HtmlReport}, {@link org.tacecrf.domain.report.PdfReport}; the last
 *       two also write a {@link org.tacecrf.domain.report.Report} with a title page and figures.</li>
 * </ul>
 * Figures live in {@link org.tacecrf.domain.report.figure}. Nothing here computes statistics: the
 * statistics code hands over finished numbers, and this package only lays them out and prints them.
 */
package org.tacecrf.domain.report;
