package org.tacecrf.domain.report;

import static org.tacecrf.domain.report.Xml.escape;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.tacecrf.domain.report.figure.ChartOutput;

/**
 * Writes a {@link Report} as one self-contained, printable HTML page: styles inline, figures as inline
 * SVG, no scripts, fonts or links to anything outside the file, so it opens the same offline and in a
 * hospital intranet. The markup is well-formed XHTML (HTML5 polyglot): every text is escaped and the
 * page parses with any XML parser.
 * <p>
 * Tables use real header cells with {@code colspan}/{@code rowspan}, row labels as row headers
 * indented by level, footnote markers as {@code <sup>}; in print each table and figure starts on a
 * new page, the title page stands alone.
 */
public final class HtmlReport implements TableRenderer {

    private static final String CSS = """
            body{font-family:"Helvetica Neue",Arial,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;\
            font-size:10.5pt;color:#000;margin:2em auto;max-width:60em;padding:0 1em}
            .title-page{margin-bottom:3em}
            .title-page h1{font-size:20pt;margin:3em 0 .3em}
            .title-page .report-title{font-size:14pt;margin:0 0 2em}
            .title-page dl{display:grid;grid-template-columns:max-content auto;gap:.3em 1.5em}
            .title-page dt{font-weight:bold}.title-page dd{margin:0}
            .item{margin:2.5em 0}
            table.study-table{border-collapse:collapse;width:auto;min-width:60%}
            table.study-table caption{text-align:left;margin-bottom:.5em}
            caption .title{display:block;font-weight:bold}
            caption .subtitle,caption .note{display:block;font-size:9.5pt}
            thead tr:first-child th{border-top:2px solid #000}
            thead tr:last-child th,thead th.last{border-bottom:1px solid #000}
            thead th.group{border-bottom:1px solid #000;padding-bottom:.15em}
            tbody tr:last-child th,tbody tr:last-child td{border-bottom:2px solid #000}
            th,td{padding:.25em .8em;vertical-align:top}
            thead th{text-align:center;font-weight:bold}
            thead th.label-head{text-align:left}
            tbody th{text-align:left;font-weight:normal;white-space:nowrap}
            tbody td{text-align:center;white-space:nowrap}
            tr.section th{font-weight:bold;font-style:italic;padding-top:.6em}
            .footnotes p,.source{font-size:9pt;margin:.2em 0}
            figure{margin:0}figure svg{max-width:100%;height:auto}
            figcaption{font-size:9.5pt;margin-top:.5em}
            @page{size:A4;margin:18mm}
            @media print{body{margin:0;max-width:none}.title-page{page-break-after:always}\
            .item{page-break-before:always;margin:0}.item:first-of-type{page-break-before:auto}\
            thead{display:table-header-group}tr{page-break-inside:avoid}}
            """;

    /** Writes the report as UTF-8 HTML. */
    public void render(Report report, OutputStream out) throws IOException {
        out.write(html(report).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The tables as a report without a title page. */
    @Override
    public void render(List<StudyTable> tables, OutputStream out) throws IOException {
        render(Report.ofTables(tables), out);
    }

    /**
     * One table as an HTML fragment ({@code <table class="study-table">} with its caption, footnotes
     * and source), for a page that brings its own styles.
     */
    public String tableHtml(StudyTable table) {
        StringBuilder h = new StringBuilder(4096);
        table(table, h);
        return h.toString();
    }

    /** The report as an HTML string. */
    public String html(Report report) {
        StringBuilder h = new StringBuilder(16_384);
        String pageTitle = report.hasTitlePage() ? report.studyName() + (report.title().isEmpty() ? ""
                : " - " + report.title()) : "Study tables";
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<title>").append(escape(pageTitle)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        if (report.hasTitlePage()) {
            titlePage(report, h);
        }
        for (ReportItem item : report.items()) {
            h.append("<section class=\"item\" id=\"").append(escape(anchor(item.id()))).append("\">\n");
            if (item instanceof ReportItem.Table t) {
                table(t.table(), h);
            } else if (item instanceof ReportItem.Figure f) {
                figure(f, h);
            }
            h.append("</section>\n");
        }
        return h.append("</body>\n</html>\n").toString();
    }

    private static void titlePage(Report report, StringBuilder h) {
        h.append("<section class=\"title-page\">\n<h1>").append(escape(report.studyName())).append("</h1>\n");
        if (!report.title().isEmpty()) {
            h.append("<p class=\"report-title\">").append(escape(report.title())).append("</p>\n");
        }
        h.append("<dl>\n");
        if (report.dataCutOff() != null) {
            h.append("<dt>Data cut-off</dt><dd>").append(report.dataCutOff()).append("</dd>\n");
        }
        if (!report.generated().isEmpty()) {
            h.append("<dt>Generated</dt><dd>").append(escape(report.generated())).append("</dd>\n");
        }
        h.append("</dl>\n");
        if (!report.methods().isEmpty()) {
            h.append("<h2>Methods</h2>\n");
            for (String p : report.methodsParagraphs()) {
                h.append("<p>").append(escape(p)).append("</p>\n");
            }
        }
        if (!report.items().isEmpty()) {
            h.append("<h2>Contents</h2>\n<ol class=\"contents\">\n");
            for (ReportItem item : report.items()) {
                String label = item instanceof ReportItem.Table t ? t.table().title()
                        : ((ReportItem.Figure) item).title();
                h.append("<li><a href=\"#").append(escape(anchor(item.id()))).append("\">")
                        .append(escape(label.isEmpty() ? item.id() : label)).append("</a></li>\n");
            }
            h.append("</ol>\n");
        }
        h.append("</section>\n");
    }

    private static void table(StudyTable table, StringBuilder h) {
        h.append("<table class=\"study-table\">\n<caption><span class=\"title\">").append(escape(table.title()))
                .append("</span>");
        if (!table.subtitle().isEmpty()) {
            h.append("<span class=\"subtitle\">").append(escape(table.subtitle())).append("</span>");
        }
        if (!table.note().isEmpty()) {
            h.append("<span class=\"note\">").append(escape(table.note().text())).append("</span>");
        }
        h.append("</caption>\n<thead>\n");
        int headerRow = -1;
        for (PlacedHeader p : table.headerLayout()) {
            if (p.row() != headerRow) {
                h.append(headerRow < 0 ? "<tr>" : "</tr>\n<tr>");
                headerRow = p.row();
            }
            HeaderCell cell = p.cell();
            h.append("<th scope=\"col\"");
            if (cell.colSpan() > 1) {
                h.append(" colspan=\"").append(cell.colSpan()).append('"');
            }
            if (cell.rowSpan() > 1) {
                h.append(" rowspan=\"").append(cell.rowSpan()).append('"');
            }
            String classes = (p.column() == 0 ? "label-head " : "") + (p.lastRow() == table.headerRowCount() - 1 ? "last"
                    : p.groupsColumns(table.headerRowCount()) ? "group" : "");
            if (!classes.isBlank()) {
                h.append(" class=\"").append(classes.strip()).append('"');
            }
            h.append('>').append(escape(cell.text())).append(sup(cell.markers())).append("</th>");
        }
        h.append("</tr>\n</thead>\n<tbody>\n");
        for (Row row : table.rows()) {
            if (row.isSection()) {
                h.append("<tr class=\"section\"><th scope=\"rowgroup\" colspan=\"").append(table.columnCount())
                        .append("\">").append(escape(row.label())).append(sup(row.labelMarkers()))
                        .append("</th></tr>\n");
                continue;
            }
            h.append("<tr><th scope=\"row\"");
            if (row.level() > 0) {
                h.append(" style=\"padding-left:").append(0.8 + 1.2 * row.level()).append("em\"");
            }
            h.append('>').append(escape(row.label())).append(sup(row.labelMarkers())).append("</th>");
            for (Cell cell : row.cells()) {
                h.append("<td>").append(escape(cell.text())).append(sup(cell.markers())).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        if (!table.footnotes().isEmpty()) {
            h.append("<div class=\"footnotes\">\n");
            for (Footnote f : table.footnotes()) {
                h.append("<p>").append(f.hasMarker() ? sup(List.of(f.marker())) + " " : "").append(escape(f.text()))
                        .append("</p>\n");
            }
            h.append("</div>\n");
        }
        if (!table.source().isEmpty()) {
            h.append("<p class=\"source\">").append(escape(table.source())).append("</p>\n");
        }
    }

    private static void figure(ReportItem.Figure f, StringBuilder h) {
        h.append("<figure>\n")
                .append(ChartOutput.svgElement(f.chart(), f.width(), f.height(), anchor(f.id()) + "-"))
                .append("\n<figcaption>");
        if (!f.title().isEmpty()) {
            h.append("<strong>").append(escape(f.title())).append("</strong>");
        }
        if (!f.caption().isEmpty()) {
            h.append(f.title().isEmpty() ? "" : " ").append(escape(f.caption()));
        }
        h.append("</figcaption>\n</figure>\n");
    }

    private static String sup(List<String> markers) {
        return markers.isEmpty() ? "" : "<sup>" + escape(String.join(",", markers)) + "</sup>";
    }

    /** An id usable as an XML id and URL fragment: letters, digits, '-' and '_', starting with a letter. */
    static String anchor(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9_-]", "_");
        return Character.isLetter(safe.isEmpty() ? '_' : safe.charAt(0)) ? safe : "x" + safe;
    }
}
