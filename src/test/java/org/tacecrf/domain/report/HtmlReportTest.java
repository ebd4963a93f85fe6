package org.tacecrf.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.report.figure.BarChart;
import org.tacecrf.domain.report.figure.Figures;
import org.tacecrf.domain.report.figure.KaplanMeierChart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class HtmlReportTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String SVG = "http://www.w3.org/2000/svg";

    /** A title page, three tables (one with markup-like text) and two figures. */
    static Report report() {
        StudyTable hostile = StudyTable.builder("T4", "Adverse events <grade ≥3> & \"serious\"")
                .columns("Event", "n (%)")
                .row("Pain </td><script>alert(1)</script>", Cell.countPercent(2, 33))
                .build();
        return Report.builder("TACE-2 <DEB vs cTACE>", "Interim statistical report")
                .dataCutOff(LocalDate.of(2024, 3, 31))
                .generated("2024-04-02 10:15 UTC")
                .methods("Survival by Kaplan-Meier; log-rank test.\n\nCategorical data: Pearson chi-square & Fisher.")
                .table(Tables.baseline())
                .table(Tables.cox())
                .table(hostile)
                .figure("F1", "Figure 1. Overall survival", "Kaplan-Meier estimates by arm.",
                        new KaplanMeierChart(Figures.overallSurvival()), 720, 540)
                .figure("F2", "Figure 2. Response by time point", "mRECIST.", new BarChart(Figures.response()), 600,
                        420)
                .build();
    }

    @Test
    void wellFormedSelfContainedReport() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReport().render(report(), out);
        String html = out.toString(StandardCharsets.UTF_8);
        Document doc = parse(html);

        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(XHTML);
        assertThat(text(doc, "h1")).containsExactly("TACE-2 <DEB vs cTACE>");
        assertThat(text(doc, "dd")).containsExactly("2024-03-31", "2024-04-02 10:15 UTC");
        assertThat(text(doc, "p")).contains("Survival by Kaplan-Meier; log-rank test.",
                "Categorical data: Pearson chi-square & Fisher.");
        assertThat(elements(doc, XHTML, "section")).extracting(e -> e.getAttribute("id"))
                .containsExactly("", "T1", "T3", "T4", "F1", "F2");
        assertThat(elements(doc, XHTML, "a")).extracting(e -> e.getAttribute("href"))
                .containsExactly("#T1", "#T3", "#T4", "#F1", "#F2");

        // nothing outside the file: no scripts, stylesheets, images or remote links
        assertThat(elements(doc, XHTML, "script")).isEmpty();
        assertThat(elements(doc, XHTML, "link")).isEmpty();
        assertThat(elements(doc, XHTML, "img")).isEmpty();
        assertThat(html).doesNotContain("src=", "@import").doesNotContainPattern("url\\((?!#)");

        // the markup-like text came through escaped, as text
        assertThat(text(doc, "span")).contains("Adverse events <grade ≥3> & \"serious\"");
        assertThat(text(doc, "th")).contains("Pain </td><script>alert(1)</script>");
        assertThat(html).contains("Pain &lt;/td&gt;&lt;script&gt;");

        // two inline SVG figures with captions, ids prefixed per figure
        List<Element> svgs = elements(doc, SVG, "svg");
        assertThat(svgs).hasSize(2);
        assertThat(svgs.get(0).getAttribute("viewBox")).isEqualTo("0.0 0.0 720.0 540.0");
        assertThat(text(doc, SVG, "text")).contains("DEB-TACE <alone> & 对照组", "42", "Log-rank p = 0.004", "PR");
        assertThat(text(doc, "figcaption")).containsExactly("Figure 1. Overall survival Kaplan-Meier estimates by arm.",
                "Figure 2. Response by time point mRECIST.");
    }

    @Test
    void tableStructure() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReport().render(List.of(Tables.baseline()), out);
        Document doc = parse(out.toString(StandardCharsets.UTF_8));
        assertThat(elements(doc, XHTML, "h1")).isEmpty(); // tables alone: no title page
        Element thead = elements(doc, XHTML, "thead").get(0);
        List<Element> rows = children(thead, "tr");
        assertThat(rows).hasSize(2);
        assertThat(children(rows.get(0), "th")).extracting(e -> e.getTextContent(), e -> e.getAttribute("colspan"),
                e -> e.getAttribute("rowspan")).containsExactly(
                        tuple("Characteristic", "", "2"),
                        tuple("DEB-TACE (n=45)", "2", ""),
                        tuple("cTACE (n=45)", "2", ""),
                        tuple("P value", "", "2"));
        assertThat(children(rows.get(1), "th")).extracting(Node::getTextContent).containsExactly("n", "%", "n", "%");

        List<Element> body = children(elements(doc, XHTML, "tbody").get(0), "tr");
        assertThat(body).hasSize(4);
        Element ecog = body.get(1);
        assertThat(children(ecog, "td")).extracting(Node::getTextContent).containsExactly("", "", "", "", "<0.001a");
        assertThat(elements(ecog, "sup")).extracting(Node::getTextContent).containsExactly("a");
        Element level1 = children(body.get(2), "th").get(0);
        assertThat(level1.getTextContent()).isEqualTo("0");
        assertThat(level1.getAttribute("style")).isEqualTo("padding-left:2.0em");
        assertThat(text(doc, "p")).contains("a Pearson chi-square without continuity correction",
                "ECOG PS, Eastern Cooperative Oncology Group performance status.", "TACE-2 eCRF, locked database");
    }

    @Test
    void controlCharactersAreDroppedSoTheOutputStaysXml() {
        assertThat(Xml.escape("a\u0001b\u0000c\td\uD83D\uDE00e\uD800f")).isEqualTo("abc\td\uD83D\uDE00ef");
        assertThat(HtmlReport.anchor("1 Table/2")).isEqualTo("x1_Table_2");
    }

    static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document doc, String ns, String name) {
        return list(doc.getElementsByTagNameNS(ns, name));
    }

    private static List<Element> elements(Element parent, String name) {
        return list(parent.getElementsByTagNameNS(XHTML, name));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<String> text(Document doc, String name) {
        return text(doc, XHTML, name);
    }

    private static List<String> text(Document doc, String ns, String name) {
        return elements(doc, ns, name).stream().map(Node::getTextContent).toList();
    }

    private static List<Element> list(NodeList nodes) {
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }
}
