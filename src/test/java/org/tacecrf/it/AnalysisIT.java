package org.tacecrf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.tacecrf.it.support.Api;
import org.tacecrf.it.support.Deployments;
import org.tacecrf.it.support.WebClient;
import org.tacecrf.it.support.WebClient.Page;

/**
 * The study tables through HTTP: a research nurse enrols two patients and enters their baseline values
 * through the REST API; an investigator reads the baseline table through the REST API (JSON,
 * CSV, XLSX, at a cut-off, locked casebooks only), the report, and computes the table on the analysis
 * page and downloads its files from the page's links (tables as CSV and XLSX, the report as HTML and
 * PDF); the PDF report and a figure that has no data yet through the REST API; a nurse is refused the
 * page and the API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalysisIT {

    /** The first study of the demo accounts, so that the analysis page shows it without switching. */
    private static final String STUDY = "crlm-deb-vs-ctace";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @Test
    @Order(1)
    void aNurseEnrolsTwoPatientsAndEntersTheirBaseline() {
        Api nurse = Api.as(base, "nurse", "nurse-demo-2024");
        enrolWithBaseline(nurse, "deb_tace", "M", "64");
        enrolWithBaseline(nurse, "ctace", "F", "52");
    }

    private static void enrolWithBaseline(Api nurse, String arm, String sex, String age) {
        Map<String, Object> subject = nurse.call("POST", "/api/studies/" + STUDY + "/subjects",
                "{\"site\":\"YCCH\",\"consentDate\":\"2024-03-01\",\"enrolmentDate\":\"2024-03-02\",\"arm\":\""
                        + arm + "\"}", 201);
        String baseline = "/api/studies/" + STUDY + "/subjects/" + subject.get("subjectNumber")
                + "/forms/baseline/1/baseline/1";
        nurse.call("PUT", baseline, "{\"values\":{\"demographics[1].assessment_date\":\"2024-02-28\","
                + "\"demographics[1].age\":\"" + age + "\",\"demographics[1].sex\":\"" + sex + "\"},\"complete\":false}",
                200);
    }

    @Test
    @Order(2)
    void anInvestigatorReadsAndDownloadsTheBaselineTableThroughTheApi() {
        WebClient investigator = new WebClient(base);
        investigator.login("investigator", "investigator-demo-2024");
        String tables = "/api/studies/" + STUDY + "/tables";

        HttpResponse<String> catalogue = investigator.api("GET", tables, null, null);
        assertThat(catalogue.statusCode()).isEqualTo(200);
        assertThat(catalogue.body()).contains("\"id\":\"baseline\"").contains("Baseline characteristics");

        HttpResponse<String> json = investigator.api("GET", tables + "/baseline", null, null);
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(json.body()).contains("\"n\":2").contains("\"label\":\"Male\"").contains("1 (100.0%)")
                .contains("\"statistic\":\"mean\"").contains("58.0 ± 8.5");

        HttpResponse<String> atCutOff = investigator.api("GET", tables + "/baseline?cutoff=2000-01-01", null, null);
        assertThat(atCutOff.body()).contains("\"n\":0").contains("\"dataCutOff\":\"2000-01-01\"");
        assertThat(investigator.api("GET", tables + "/baseline?lockedOnly=true", null, null).body()).contains("\"n\":0");
        assertThat(investigator.api("GET", tables + "/baseline?cutoff=yesterday", null, null).statusCode()).isEqualTo(400);
        assertThat(investigator.api("GET", tables + "/no-such-table", null, null).statusCode()).isEqualTo(404);

        HttpResponse<byte[]> csv = investigator.download(tables + "/baseline?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains(STUDY + "_baseline.csv"));
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("Baseline characteristics").contains("1 (100.0%)");
        HttpResponse<byte[]> xlsx = investigator.download(tables + "/baseline?format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

        HttpResponse<byte[]> report = investigator.download("/api/studies/" + STUDY + "/report?format=html");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(new String(report.body(), StandardCharsets.UTF_8)).contains("Study tables")
                .contains("Patient flow (CONSORT)");
    }

    @Test
    @Order(3)
    void anInvestigatorComputesTheTableOnTheAnalysisPage() {
        WebClient investigator = new WebClient(base);
        investigator.login("investigator", "investigator-demo-2024");
        Page page = investigator.get("/app/analysis.xhtml");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Study tables").contains("Table 2. Baseline characteristics");

        Page computed = investigator.ajax(page, "options", Map.of("options:tables", "baseline"), "options:compute");
        assertThat(computed.text()).contains("Tables computed for 2 patients").contains("Table 2. Baseline characteristics")
                .contains("Male").contains("CSV").contains("XLSX");
        assertThat(computed.document().select("table.study-table")).isEmpty();   // no pre-rendered report HTML
        var table = computed.document().select("section[data-table=baseline] .ui-datatable.study-table");
        assertThat(table).hasSize(1);
        assertThat(table.select("thead th").eachText()).contains("Characteristic").anySatisfy(h -> assertThat(h)
                .endsWith("(n=2)"));
        assertThat(table.select("tbody tr.study-table-level-1 td.study-table-label").eachText()).contains("Male", "Female");
        assertThat(table.select("tbody td.study-table-cell").eachText()).contains("1 (100.0%)", "58.0 ± 8.5");
        assertThat(table.select(".study-table-note").text()).contains("(N = 2)").contains("mean ± SD");

        // tables of different widths on one page each get their own columns
        Page two = investigator.ajax(page, "options", "options:tables", List.of("consort", "baseline"), "options:compute");
        var tables = two.document().select("section[data-table] .ui-datatable.study-table");
        assertThat(tables).hasSize(2);
        for (var t : tables) {
            int headerColumns = t.select("thead tr").first().select("th").stream()
                    .mapToInt(th -> th.hasAttr("colspan") ? Integer.parseInt(th.attr("colspan")) : 1).sum();
            assertThat(t.select("tbody tr").first().select("td")).as(t.text()).hasSize(headerColumns);
        }
        assertThat(tables.get(0).select("tbody tr").first().select("td").size())
                .isNotEqualTo(tables.get(1).select("tbody tr").first().select("td").size());
    }

    @Test
    @Order(4)
    void aNurseIsRefusedThePageAndTheApi() {
        WebClient nurse = new WebClient(base);
        nurse.login("nurse", "nurse-demo-2024");
        Page page = nurse.get("/app/analysis.xhtml");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).doesNotContain("Baseline characteristics");
        HttpResponse<String> api = nurse.api("GET", "/api/studies/" + STUDY + "/tables", null, null);
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(nurse.api("GET", "/api/studies/" + STUDY + "/tables/baseline", null, null).statusCode())
                .isEqualTo(403);
    }

    @Test
    @Order(5)
    void anInvestigatorDownloadsTheTablesAndTheReportFromThePageLinks() throws Exception {
        WebClient investigator = new WebClient(base);
        investigator.login("investigator", "investigator-demo-2024");
        Page page = investigator.get("/app/analysis.xhtml");
        Page computed = investigator.ajax(page, "options", Map.of("options:tables", "baseline"), "options:compute");
        String csvLink = computed.document().select("section[data-table=baseline] a[id$=:csv]").attr("id");
        String xlsxLink = computed.document().select("section[data-table=baseline] a[id$=:xlsx]").attr("id");
        assertThat(csvLink).as(computed.body()).startsWith("downloads:");

        HttpResponse<byte[]> csv = investigator.submitForFile(computed, "downloads", csvLink);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains(STUDY + "_baseline.csv"));
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("Baseline characteristics").contains("Male")
                .contains("1 (100.0%)");

        HttpResponse<byte[]> xlsx = investigator.submitForFile(computed, "downloads", xlsxLink);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.body()))) {
            assertThat(new org.apache.poi.xssf.extractor.XSSFExcelExtractor(book).getText())
                    .contains("Baseline characteristics").contains("Male");
        }

        HttpResponse<byte[]> html = investigator.submitForFile(computed, "downloads", "downloads:reportHtml");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(new String(html.body(), StandardCharsets.UTF_8)).contains("Study tables")
                .contains("Baseline characteristics");

        HttpResponse<byte[]> pdf = investigator.submitForFile(computed, "downloads", "downloads:reportPdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains(STUDY + "_tables.pdf"));
        assertThat(pdfText(pdf.body())).contains("Baseline characteristics");
    }

    @Test
    @Order(6)
    void theReportDownloadsAsPdfAndAFigureWithoutDataIsNotFound() throws Exception {
        WebClient investigator = new WebClient(base);
        investigator.login("investigator", "investigator-demo-2024");
        HttpResponse<byte[]> pdf = investigator.download("/api/studies/" + STUDY + "/report?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf.body());
        try {
            assertThat(reader.getNumberOfPages()).isGreaterThan(1);   // a title page and the tables
        } finally {
            reader.close();
        }
        assertThat(pdfText(pdf.body())).contains("Study tables").contains("Baseline characteristics")
                .contains("Patient flow (CONSORT)");
        HttpResponse<byte[]> table = investigator.download("/api/studies/" + STUDY + "/tables/baseline?format=pdf");
        assertThat(table.statusCode()).isEqualTo(200);
        assertThat(pdfText(table.body())).contains("Baseline characteristics").contains("Male");
        assertThat(investigator.download("/api/studies/" + STUDY + "/report?format=docx").statusCode()).isEqualTo(400);

        // the patients have no TACE session yet, so overall survival cannot be drawn
        String figures = "/api/studies/" + STUDY + "/figures/";
        assertThat(investigator.api("GET", "/api/studies/" + STUDY + "/tables", null, null).body())
                .contains("\"id\":\"km-os\"").contains(figures + "km-os");
        assertThat(investigator.download(figures + "km-os?format=svg").statusCode()).isEqualTo(404);
        assertThat(investigator.download(figures + "km-os?format=gif").statusCode()).isEqualTo(400);
        assertThat(investigator.download(figures + "no-such-figure").statusCode()).isEqualTo(404);
    }

    /** The text of every page of a PDF. */
    static String pdfText(byte[] pdf) throws java.io.IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }
}
