package org.tacecrf.application.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.NoSuchElementException;

import org.tacecrf.domain.report.CsvRenderer;
import org.tacecrf.domain.report.HtmlReport;
import org.tacecrf.domain.report.PdfReport;
import org.tacecrf.domain.report.Report;
import org.tacecrf.domain.report.ReportItem;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.report.TableRenderer;
import org.tacecrf.domain.report.XlsxRenderer;
import org.tacecrf.domain.report.figure.ChartOutput;
import org.tacecrf.domain.report.figure.ImageFormat;
import org.tacecrf.domain.tables.AnalysisReport;

/**
 * Renders computed tables, figures and the whole report to files. File names carry the study, the
 * item and the cut-off, e.g. {@code icc-deb-tace_baseline_2024-06-30.csv}.
 */
public final class AnalysisDownloads {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private AnalysisDownloads() {
    }

    /** One table as CSV (with a byte-order mark for Excel), XLSX, HTML or PDF. */
    public static Download table(Analysis a, String tableId, DownloadFormat format) {
        StudyTable table = a.result().table(tableId).orElseThrow(() -> new NoSuchElementException("no table " + tableId));
        if (!format.forTables()) {
            throw new IllegalArgumentException("A table downloads as CSV, XLSX, HTML or PDF, not " + format + ".");
        }
        TableRenderer renderer = switch (format) {
            case CSV -> CsvRenderer.forExcel();
            case XLSX -> new XlsxRenderer();
            case HTML -> new HtmlReport();
            default -> new PdfReport();
        };
        return new Download(name(a, tableId, format), format.contentType(), bytes(out -> renderer.render(List.of(table), out)));
    }

    /** One figure as SVG or PNG (at twice its size, for print). */
    public static Download figure(Analysis a, String figureId, DownloadFormat format) {
        ReportItem.Figure f = a.result().figure(figureId).orElseThrow(() -> new NoSuchElementException("no figure "
                + figureId));
        byte[] content = switch (format) {
            case SVG -> bytes(out -> ChartOutput.write(f.chart(), ImageFormat.SVG, f.width(), f.height(), out));
            case PNG -> ChartOutput.png(f.chart(), f.width(), f.height(), 2);
            default -> throw new IllegalArgumentException("A figure downloads as SVG or PNG, not " + format + ".");
        };
        return new Download(name(a, figureId, format), format.contentType(), content);
    }

    /** Every table and figure as one HTML or PDF report with a title page. */
    public static Download report(Analysis a, DownloadFormat format, Instant generatedAt) {
        Report report = AnalysisReport.of(a.studyTitle(), a.cutOff(), a.methods(), a.result(),
                GENERATED.format(generatedAt) + ", TACE eCRF");
        byte[] content = switch (format) {
            case HTML -> bytes(out -> new HtmlReport().render(report, out));
            case PDF -> bytes(out -> new PdfReport().render(report, out));
            default -> throw new IllegalArgumentException("The report downloads as HTML or PDF, not " + format + ".");
        };
        return new Download(name(a, "tables", format), format.contentType(), content);
    }

    /** The figure as an inline SVG element for a page. */
    public static String figureSvg(ReportItem.Figure figure) {
        return ChartOutput.svgElement(figure.chart(), figure.width(), figure.height(), figure.id() + "-");
    }

    private static String name(Analysis a, String item, DownloadFormat format) {
        return a.studyId() + "_" + item + (a.cutOff() == null ? "" : "_" + a.cutOff()) + (a.lockedOnly() ? "_locked" : "")
                + "." + format.extension();
    }

    private interface Writer {
        void write(java.io.OutputStream out) throws IOException;
    }

    private static byte[] bytes(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
