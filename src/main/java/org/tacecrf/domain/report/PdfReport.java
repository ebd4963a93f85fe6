package org.tacecrf.domain.report;

import java.awt.Color;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

import org.tacecrf.domain.report.figure.ChartOutput;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Writes a {@link Report} as PDF with OpenPDF: A4, a title page, then each table and figure on a new
 * page. Tables keep the journal three-line look (rules above and below the header and under the body),
 * header cells span as in the model and repeat on continuation pages, row labels are indented by level,
 * footnote markers are superscripts. A table too wide for portrait gets a landscape page. Figures are
 * embedded as PNG drawn at {@value #FIGURE_SCALE}&times; resolution. Every page carries the study name
 * and "Page n of N".
 * <p>
 * Characters are printed with {@link PdfFonts}, which embeds a CJK font when one is installed or
 * configured, so Chinese text prints.
 */
public final class PdfReport implements TableRenderer {

    /** Raster scale of embedded figures: a 720-point-wide figure becomes a 2160-pixel PNG (about 216 dpi). */
    static final double FIGURE_SCALE = 3.0;
    private static final float MARGIN = 50;
    private static final float BODY = 9f;
    private static final float SMALL = 7.5f;
    private static final float CELL_PADDING = 4f;
    private static final float INDENT = 10f;

    private final PdfFonts fonts;

    /** A renderer with {@link PdfFonts#system()}. */
    public PdfReport() {
        this(PdfFonts.system());
    }

    public PdfReport(PdfFonts fonts) {
        this.fonts = Objects.requireNonNull(fonts);
    }

    /** The tables as a report without a title page. */
    @Override
    public void render(List<StudyTable> tables, OutputStream out) throws IOException {
        render(Report.ofTables(tables), out);
    }

    /** Writes the report; the stream is flushed, not closed. */
    public void render(Report report, OutputStream out) throws IOException {
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + 10);
        PdfWriter writer = PdfWriter.getInstance(document, new NonClosing(out));
        writer.setPageEvent(new Footer(report));
        document.addTitle(report.hasTitlePage() ? report.studyName() + " " + report.title() : "Study tables");
        document.addCreator("TACE eCRF");
        boolean first = true;
        if (report.hasTitlePage()) {
            document.open();
            titlePage(report, document);
            first = false;
        }
        for (ReportItem item : report.items()) {
            boolean landscape = item instanceof ReportItem.Table t && needsLandscape(t.table());
            document.setPageSize(landscape ? PageSize.A4.rotate() : PageSize.A4);
            if (first) {
                document.open();
                first = false;
            } else {
                document.newPage();
            }
            if (item instanceof ReportItem.Table t) {
                table(t.table(), document);
            } else {
                figure((ReportItem.Figure) item, document);
            }
        }
        if (first) {
            document.open();
            document.add(new Paragraph(fonts.phrase("This report has no tables or figures.", BODY, false, Color.BLACK)));
        }
        document.close();
        out.flush();
    }

    private void titlePage(Report report, Document document) {
        Paragraph study = new Paragraph(fonts.phrase(report.studyName(), 20, true, Color.BLACK));
        study.setSpacingBefore(120);
        study.setSpacingAfter(8);
        document.add(study);
        if (!report.title().isEmpty()) {
            Paragraph title = new Paragraph(fonts.phrase(report.title(), 14, false, Color.BLACK));
            title.setSpacingAfter(24);
            document.add(title);
        }
        if (report.dataCutOff() != null) {
            document.add(new Paragraph(fonts.phrase("Data cut-off: " + report.dataCutOff(), 11, false, Color.BLACK)));
        }
        if (!report.generated().isEmpty()) {
            document.add(new Paragraph(fonts.phrase("Generated: " + report.generated(), 11, false, Color.BLACK)));
        }
        if (!report.methods().isEmpty()) {
            Paragraph heading = new Paragraph(fonts.phrase("Methods", 12, true, Color.BLACK));
            heading.setSpacingBefore(24);
            document.add(heading);
            for (String p : report.methodsParagraphs()) {
                Paragraph para = new Paragraph(fonts.phrase(p, 10, false, Color.BLACK));
                para.setSpacingBefore(4);
                document.add(para);
            }
        }
        if (!report.items().isEmpty()) {
            Paragraph heading = new Paragraph(fonts.phrase("Contents", 12, true, Color.BLACK));
            heading.setSpacingBefore(24);
            document.add(heading);
            for (ReportItem item : report.items()) {
                String label = item instanceof ReportItem.Table t ? t.table().title()
                        : ((ReportItem.Figure) item).title();
                document.add(new Paragraph(fonts.phrase(label.isEmpty() ? item.id() : label, 10, false, Color.BLACK)));
            }
        }
    }

    private void table(StudyTable table, Document document) {
        Paragraph title = new Paragraph(fonts.phrase(table.title(), 11, true, Color.BLACK));
        title.setSpacingAfter(2);
        document.add(title);
        if (!table.subtitle().isEmpty()) {
            document.add(new Paragraph(fonts.phrase(table.subtitle(), BODY, false, Color.BLACK)));
        }
        if (!table.note().isEmpty()) {
            document.add(new Paragraph(fonts.phrase(table.note().text(), SMALL, false, Color.DARK_GRAY)));
        }
        PdfPTable pdf = new PdfPTable(table.columnCount());
        pdf.setWidthPercentage(100);
        pdf.setSpacingBefore(6);
        pdf.setHeaderRows(table.headerRowCount());
        pdf.setWidths(naturalWidths(table));
        int lastHeaderRow = table.headerRowCount() - 1;
        for (PlacedHeader h : table.headerLayout()) {
            PdfPCell cell = cell(fonts.phrase(h.cell().text(), h.cell().markers(), BODY, true),
                    h.column() == 0 ? Element.ALIGN_LEFT : Element.ALIGN_CENTER);
            cell.setColspan(h.cell().colSpan());
            cell.setRowspan(h.cell().rowSpan());
            cell.setVerticalAlignment(Element.ALIGN_BOTTOM);
            boolean ruleBelow = h.lastRow() == lastHeaderRow || h.groupsColumns(table.headerRowCount());
            rules(cell, h.row() == 0 ? 1f : 0, ruleBelow ? 0.5f : 0);
            pdf.addCell(cell);
        }
        List<Row> rows = table.rows();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            float below = i == rows.size() - 1 ? 1f : 0;
            if (row.isSection()) {
                Phrase label = fonts.phrase(row.label(), row.labelMarkers(), BODY, true);
                PdfPCell cell = cell(label, Element.ALIGN_LEFT);
                cell.setColspan(table.columnCount());
                cell.setPaddingTop(CELL_PADDING + 2);
                rules(cell, 0, below);
                pdf.addCell(cell);
                continue;
            }
            PdfPCell labelCell = cell(fonts.phrase(row.label(), row.labelMarkers(), BODY, false), Element.ALIGN_LEFT);
            labelCell.setPaddingLeft(CELL_PADDING + INDENT * row.level());
            rules(labelCell, 0, below);
            pdf.addCell(labelCell);
            for (Cell c : row.cells()) {
                PdfPCell cell = cell(fonts.phrase(c.text(), c.markers(), BODY, false), Element.ALIGN_CENTER);
                rules(cell, 0, below);
                pdf.addCell(cell);
            }
        }
        document.add(pdf);
        Paragraph notes = new Paragraph();
        notes.setSpacingBefore(4);
        for (Footnote f : table.footnotes()) {
            Phrase line = f.hasMarker() ? fonts.phrase("", List.of(f.marker()), SMALL, false) : new Phrase();
            line.add(fonts.phrase((f.hasMarker() ? " " : "") + f.text(), SMALL, false, Color.BLACK));
            Paragraph p = new Paragraph(line);
            p.setLeading(SMALL * 1.3f);
            document.add(p);
        }
        if (!table.source().isEmpty()) {
            Paragraph p = new Paragraph(fonts.phrase(table.source(), SMALL, false, Color.DARK_GRAY));
            p.setSpacingBefore(4);
            document.add(p);
        }
    }

    private void figure(ReportItem.Figure figure, Document document) throws IOException {
        if (!figure.title().isEmpty()) {
            Paragraph title = new Paragraph(fonts.phrase(figure.title(), 11, true, Color.BLACK));
            title.setSpacingAfter(6);
            document.add(title);
        }
        Image image = Image.getInstance(ChartOutput.png(figure.chart(), figure.width(), figure.height(), FIGURE_SCALE));
        Rectangle page = document.getPageSize();
        float maxWidth = page.getWidth() - 2 * MARGIN;
        float maxHeight = page.getHeight() - 2 * MARGIN - 120; // room for title and caption
        image.scaleToFit(Math.min(maxWidth, figure.width()), Math.min(maxHeight, figure.height()));
        image.setAlignment(Image.MIDDLE);
        document.add(image);
        if (!figure.caption().isEmpty()) {
            Paragraph caption = new Paragraph(fonts.phrase(figure.caption(), BODY, false, Color.BLACK));
            caption.setSpacingBefore(6);
            document.add(caption);
        }
    }

    /** Column widths from the widest text in each column; spanning header cells do not count. */
    private float[] naturalWidths(StudyTable table) {
        float[] widths = new float[table.columnCount()];
        for (PlacedHeader h : table.headerLayout()) {
            if (h.cell().colSpan() == 1) {
                widths[h.column()] = Math.max(widths[h.column()], fonts.width(h.cell().textWithMarkers(), BODY, true));
            }
        }
        for (Row row : table.rows()) {
            if (row.isSection()) {
                continue;
            }
            widths[0] = Math.max(widths[0], fonts.width(row.labelWithMarkers(), BODY, false) + INDENT * row.level());
            for (int j = 0; j < row.cells().size(); j++) {
                widths[j + 1] = Math.max(widths[j + 1], fonts.width(row.cells().get(j).textWithMarkers(), BODY, false));
            }
        }
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(widths[c], BODY * 2) + 2 * CELL_PADDING + 2;
        }
        return widths;
    }

    private boolean needsLandscape(StudyTable table) {
        float total = 0;
        for (float w : naturalWidths(table)) {
            total += w;
        }
        return total > PageSize.A4.getWidth() - 2 * MARGIN;
    }

    private static PdfPCell cell(Phrase phrase, int alignment) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(CELL_PADDING);
        cell.setPaddingTop(CELL_PADDING - 1);
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }

    private static void rules(PdfPCell cell, float above, float below) {
        int border = (above > 0 ? Rectangle.TOP : 0) | (below > 0 ? Rectangle.BOTTOM : 0);
        cell.setBorder(border);
        if (above > 0) {
            cell.setBorderWidthTop(above);
        }
        if (below > 0) {
            cell.setBorderWidthBottom(below);
        }
    }

    /** Study name and cut-off at the foot of every page, "Page n of N" with N filled in at the end. */
    private final class Footer extends PdfPageEventHelper {
        private final Report report;
        private PdfTemplate total;

        Footer(Report report) {
            this.report = report;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            Rectangle page = document.getPageSize();
            float y = MARGIN / 2;
            String left = report.studyName() + (report.dataCutOff() == null ? ""
                    : (report.studyName().isEmpty() ? "" : " · ") + "data cut-off " + report.dataCutOff());
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, fonts.phrase(left, SMALL, false, Color.DARK_GRAY),
                    MARGIN, y, 0);
            String text = "Page " + writer.getPageNumber() + " of ";
            float width = fonts.plain().getWidthPoint(text, SMALL);
            float x = page.getWidth() - MARGIN - width - fonts.plain().getWidthPoint("000", SMALL);
            cb.beginText();
            cb.setFontAndSize(fonts.plain(), SMALL);
            cb.setColorFill(Color.DARK_GRAY);
            cb.setTextMatrix(x, y);
            cb.showText(text);
            cb.endText();
            cb.addTemplate(total, x + width, y);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(fonts.plain(), SMALL);
            total.setColorFill(Color.DARK_GRAY);
            total.setTextMatrix(0, 0);
            total.showText(Integer.toString(writer.getPageNumber() - 1));
            total.endText();
        }
    }

    /** OpenPDF closes the stream it writes to; the caller owns it. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
