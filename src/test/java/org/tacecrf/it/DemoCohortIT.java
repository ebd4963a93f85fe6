package org.tacecrf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tacecrf.domain.report.figure.ChartStyle;
import org.tacecrf.it.support.Deployments;
import org.tacecrf.it.support.JsonBody;
import org.tacecrf.it.support.WebClient;
import org.tacecrf.it.support.WebClient.Page;

/**
 * The demo cohorts on a server started with them on (two small studies and the 88-patient ICC study):
 * the login page answers at
 * once while the cohorts are entered in the background; the data manager follows the progress on
 * the home page until every cohort is complete; the system account that enters them cannot sign in.
 * Then the study tables as the running application computes them from what the cohorts entered
 * through the form services print the publications' counts (the same cells the cohort unit tests
 * check on the generator's plan), and the Kaplan-Meier figure downloads as SVG and PNG, through the
 * REST API and from the analysis page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoCohortIT {

    private static final String LAYERED = "layered-embolization";
    private static final String CRLM = "crlm-deb-vs-ctace";
    private static final String ICC = "icc-deb-tace";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-demo-icc")
    static WebArchive deployment() {
        return Deployments.war();
    }

    @Test
    @Order(1)
    void cohortsAreEnteredInTheBackgroundAndTheDataManagerSeesTheProgress() throws InterruptedException {
        assertThat(new WebClient(base).getRaw("/login.xhtml").statusCode()).isEqualTo(200);
        WebClient dataManager = new WebClient(base);
        Page home = dataManager.login("datamanager", "datamanager-demo-2024");
        assertThat(home.text()).contains("Demo cohorts");
        Instant start = Instant.now();
        Instant deadline = start.plus(Duration.ofMinutes(10));
        String last = "";
        Map<String, Long> completedAfter = new java.util.LinkedHashMap<>();
        while (Instant.now().isBefore(deadline)) {
            Page page = dataManager.get("/app/home.xhtml");
            Element table = page.element("[id='demo:cohorts']");
            last = table == null ? page.text() : table.text();
            assertThat(last).doesNotContain("Stopped");
            for (String done : List.of("33 / 33", "22 / 22", "88 / 88")) {
                if (last.contains(done)) {
                    completedAfter.putIfAbsent(done, Duration.between(start, Instant.now()).toSeconds());
                }
            }
            if (last.contains(LAYERED) && last.contains(CRLM) && last.contains(ICC)
                    && !last.contains("Waiting") && !last.contains("Entering")) {
                break;
            }
            Thread.sleep(3000);
        }
        System.out.println("Demo cohorts entered in " + Duration.between(start, Instant.now()).toSeconds()
                + " s (complete after, s: " + completedAfter + "): " + last);
        assertThat(last).contains("33 / 33").contains("22 / 22").contains("88 / 88").doesNotContain("Entering");
        Page refused = new WebClient(base).login("demo-generator", "any-password-at-all");
        assertThat(refused.uri().getPath()).endsWith("/login.xhtml");
    }

    /** Seed 004 (docs/tour.md): Tables 1, 3 and 4 and the response at two months, exactly. */
    @Test
    @Order(2)
    void theLayeredStudyTablesPrintThePublishedCounts() {
        WebClient dataManager = signedIn();
        Table b = table(dataManager, LAYERED, "baseline");
        assertThat(b.n()).isEqualTo(33);
        assertThat(b.cell("Sex / Male", 1)).isEqualTo("27 (81.8%)");                       // Table 1: male 27 (81.8 %)
        assertThat(b.cell("Sex / Female", 1)).isEqualTo("6 (18.2%)");
        assertThat(b.cell("Tumour type / Hepatocellular carcinoma", 1)).isEqualTo("27 (81.8%)");
        assertThat(b.cell("Tumour type / Liver metastasis", 1)).isEqualTo("6 (18.2%)");
        assertThat(b.cell("Child-Pugh class / A (5-6 points)", 1)).isEqualTo("32 (97.0%)"); // derived from the labs
        assertThat(b.cell("Child-Pugh class / B (7-9 points)", 1)).isEqualTo("1 (3.0%)");
        assertThat(b.cell("BCLC stage / C - advanced", 1)).isEqualTo("27 (100.0%)");
        assertThat(b.cell("BCLC stage / Not recorded", 1)).isEqualTo("6");

        Table r = table(dataManager, LAYERED, "response-mrecist");                          // 3.4: 27 evaluable
        String tp = "Two months after the procedure (primary safety endpoint) / ";
        assertThat(r.cell(tp + "Partial response (PR)", 1)).isEqualTo("7 (25.9%)");          // computed by mRECIST
        assertThat(r.cell(tp + "Stable disease (SD)", 1)).isEqualTo("18 (66.7%)");
        assertThat(r.cell(tp + "Progressive disease (PD)", 1)).isEqualTo("2 (7.4%)");
        assertThat(r.cell(tp + "DCR (CR + PR + SD)", 1)).isEqualTo("25 (92.6%)");
        assertThat(r.cell(tp + "Not assessed", 1)).isEqualTo("6");                          // lost to follow-up

        Table ae = table(dataManager, LAYERED, "ae-patients");                              // Table 3: any / 1 / 2 / 3
        assertThat(ae.cell("Any adverse event", 1)).isEqualTo("28 (84.8%)");
        assertThat(ae.cell("Any adverse event", 2)).isEqualTo("18 (54.5%)");
        assertThat(ae.cell("Any adverse event", 3)).isEqualTo("9 (27.3%)");
        assertThat(ae.cell("Any adverse event", 4)).isEqualTo("1 (3.0%)");
        assertThat(ae.cell("Any adverse event / Aspartate aminotransferase increased", 1)).isEqualTo("23 (69.7%)");
        assertThat(ae.cell("Any adverse event / Abdominal pain", 1)).isEqualTo("13 (39.4%)");
        assertThat(ae.cell("Any adverse event / Nausea", 1)).isEqualTo("12 (36.4%)");
        assertThat(ae.cell("Any adverse event / Fever", 1)).isEqualTo("2 (6.1%)");

        Table m = table(dataManager, LAYERED, "biomarkers");                                // Table 4
        assertThat(m.cell("Alpha-fetoprotein (AFP) / Partial response (PR)", 1)).isEqualTo("4 (57.1%)");
        assertThat(m.cell("Alpha-fetoprotein (AFP) / Stable disease (SD)", 1)).isEqualTo("3 (21.4%)");
        assertThat(m.cell("Alpha-fetoprotein (AFP) / Progressive disease (PD)", 1)).isEqualTo("0 (0.0%)");
        assertThat(m.cell("PIVKA-II (des-gamma-carboxy prothrombin) / Partial response (PR)", 1)).isEqualTo("3 (75.0%)");
        assertThat(m.cell("PIVKA-II (des-gamma-carboxy prothrombin) / Stable disease (SD)", 1)).isEqualTo("3 (37.5%)");
    }

    /** The CRLM study: Table 1 by arm with the published P values, the response after TACE 1, the flow. */
    @Test
    @Order(3)
    void theCrlmStudyTablesPrintThePublishedCountsAndPValues() {
        WebClient dataManager = signedIn();
        Table b = table(dataManager, CRLM, "baseline");
        assertThat(b.n()).isEqualTo(22);
        assertThat(b.cell("Gender / Female", 2)).isEqualTo("5 (45.5%)");
        assertThat(b.cell("Gender", 4)).isEqualTo("0.375");
        assertThat(b.cell("Child-Pugh stage", 4)).isEqualTo("0.127");
        assertThat(b.cell("Lesion distribution", 4)).isEqualTo("0.392");
        assertThat(b.cell("Number of lesions", 4)).isEqualTo("0.647");
        Table r = table(dataManager, CRLM, "response-mrecist");
        String first = "Response assessment after each TACE (after TACE 1) / ";
        assertThat(r.cell(first + "Partial response (PR)", 1)).isEqualTo("3 (27.3%)");
        assertThat(r.cell(first + "Progressive disease (PD)", 2)).isEqualTo("5 (45.5%)");
        assertThat(r.cell(first + "ORR (CR + PR)", 4)).isEqualTo("0.338");
        assertThat(r.cell(first + "DCR (CR + PR + SD)", 4)).isEqualTo("0.170");
        Table flow = table(dataManager, CRLM, "consort");                                   // 29 retrieved, 7 excluded
        assertThat(flow.cell("Patients screened", 3)).isEqualTo("29");
        assertThat(flow.cell("Enrolled and allocated", 3)).isEqualTo("22");
    }

    /** Seed 000: Table 1 (N = 88), the response at one month (Table 2) and the events per session (Table 4). */
    @Test
    @Order(4)
    void theIccStudyTablesPrintThePublishedCounts() {
        WebClient dataManager = signedIn();
        Table b = table(dataManager, ICC, "baseline");
        assertThat(b.n()).isEqualTo(88);                                                  // Methods: 88 patients
        String[][] table1 = {                                                             // Table 1: No. (%)
            {"Age (years) / ≤ 60", "28 (31.8%)"}, {"Age (years) / > 60", "60 (68.2%)"},
            {"Gender / Male", "65 (73.9%)"}, {"Gender / Female", "23 (26.1%)"},
            {"ECOG performance status / 0 - fully active, no restriction", "37 (42.0%)"},
            {"ECOG performance status / 1 - restricted in strenuous activity, ambulatory", "51 (58.0%)"},
            {"Child-Pugh classification / A (5-6 points)", "83 (94.3%)"},                 // derived from the labs
            {"Child-Pugh classification / B (7-9 points)", "5 (5.7%)"},
            {"Postoperative recurrence / Yes", "18 (20.5%)"}, {"Previous treatment / Yes", "28 (31.8%)"},
            {"Subsequent treatment / Yes", "29 (33.0%)"}, {"Combined treatment / Yes", "42 (47.7%)"},
            {"TAI / Yes", "31 (35.2%)"}, {"Strengthened embolization / Yes", "19 (21.6%)"},
            {"No. of tumours / Solitary", "26 (29.5%)"}, {"No. of tumours / Multiple", "62 (70.5%)"},
            {"Tumour location / One lobe", "59 (67.0%)"}, {"Tumour location / Both lobes", "29 (33.0%)"},
            {"Liver tumour burden / ≤ 25 % of the liver", "41 (46.6%)"}, {"Liver tumour burden / > 25 % to ≤ 50 %", "31 (35.2%)"},
            {"Liver tumour burden / > 50 %", "16 (18.2%)"},
            {"Largest diameter / ≤ 5 cm", "32 (36.4%)"}, {"Largest diameter / > 5 cm", "56 (63.6%)"},
            {"Cholangiectasis / Yes", "27 (30.7%)"},
            {"Serum CA-125 (U/mL) / ≤ 35", "57 (64.8%)"}, {"Serum CA-125 (U/mL) / > 35", "31 (35.2%)"},
            {"Serum CA19-9 (U/mL) / ≤ 37", "42 (47.7%)"}, {"Serum CA19-9 (U/mL) / > 37", "46 (52.3%)"},
            {"Extrahepatic disease / Yes", "50 (56.8%)"}, {"Vascular invasion / Yes", "34 (38.6%)"}};
        for (String[] row : table1) {
            assertThat(b.cell(row[0], 1)).as(row[0]).isEqualTo(row[1]);
        }

        Table r = table(dataManager, ICC, "response-mrecist");                              // Table 2, computed by mRECIST
        String month = "Response assessment at one month / ";
        assertThat(r.cell(month + "Complete response (CR)", 1)).isEqualTo("0 (0.0%)");
        assertThat(r.cell(month + "Partial response (PR)", 1)).isEqualTo("58 (65.9%)");
        assertThat(r.cell(month + "Stable disease (SD)", 1)).isEqualTo("19 (21.6%)");
        assertThat(r.cell(month + "Progressive disease (PD)", 1)).isEqualTo("11 (12.5%)");
        assertThat(r.cell(month + "ORR (CR + PR)", 1)).isEqualTo("58 (65.9%)");
        assertThat(r.cell(month + "DCR (CR + PR + SD)", 1)).isEqualTo("77 (87.5%)");

        Table ae = table(dataManager, ICC, "ae-sessions");                                   // Table 4: per DEB-TACE record
        assertThat(columns(ae).get(1)).contains("126 sessions");                            // Results: 126 procedures
        assertThat(ae.cell("Any adverse event / Nausea", 1)).isEqualTo("97 (77.0%)");       // vomiting/nausea 97/126
        assertThat(ae.cell("Any adverse event / Abdominal pain", 1)).isEqualTo("77 (61.1%)"); // 77/126
        assertThat(ae.cell("Any adverse event / Alanine aminotransferase increased", 1)).isEqualTo("68 (54.0%)"); // 68/126
        assertThat(ae.cell("Any adverse event / Fever", 1)).isEqualTo("58 (46.0%)");        // low-grade fever 58/126
        assertThat(ae.cell("Any adverse event / Fever", 2)).isEqualTo("58 (46.0%)");        // all grade 1
        assertThat(ae.cell("Any adverse event / Stroke", 1)).isEqualTo("2 (1.6%)");         // 2/126, grade 2
        assertThat(ae.cell("Any adverse event / Stroke", 3)).isEqualTo("2 (1.6%)");
    }

    @Test
    @Order(5)
    void theKaplanMeierFigureDownloadsAsSvgAndPngThroughTheApiAndThePage() throws Exception {
        WebClient dataManager = signedIn();
        ChartStyle style = ChartStyle.forSize(800, 600);
        HttpResponse<byte[]> svg = dataManager.download("/api/studies/" + CRLM + "/figures/km-os?format=svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(svg.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains(CRLM + "_km-os.svg"));
        assertKaplanMeier(new String(svg.body(), StandardCharsets.UTF_8), style);

        HttpResponse<byte[]> png = dataManager.download("/api/studies/" + CRLM + "/figures/km-os?format=png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(1600);                                   // 800 x 600 at twice the size
        assertThat(image.getHeight()).isEqualTo(1200);
        assertThat(pixels(image, style.lineColour(0))).as("pixels of the first curve").isGreaterThan(500);
        assertThat(pixels(image, style.lineColour(1))).as("pixels of the second curve").isGreaterThan(500);

        // the data manager's first study is the CRLM study: compute its survival table and use the links
        Page page = dataManager.get("/app/analysis.xhtml");
        Page computed = dataManager.ajax(page, "options", Map.of("options:tables", "survival"), "options:compute");
        String svgLink = computed.document().select("figure[data-figure=km-os] a[id$=:svg]").attr("id");
        String pngLink = computed.document().select("figure[data-figure=km-os] a[id$=:png]").attr("id");
        assertThat(svgLink).as(computed.text()).startsWith("downloads:");
        HttpResponse<byte[]> pageSvg = dataManager.submitForFile(computed, "downloads", svgLink);
        assertThat(pageSvg.statusCode()).isEqualTo(200);
        assertThat(pageSvg.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertKaplanMeier(new String(pageSvg.body(), StandardCharsets.UTF_8), style);
        HttpResponse<byte[]> pagePng = dataManager.submitForFile(computed, "downloads", pngLink);
        assertThat(pagePng.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(pagePng.body())).getWidth()).isEqualTo(1600);
    }

    /** Parseable SVG with a curve per arm in its colour, the legend, numbers at risk and the log-rank p. */
    private static void assertKaplanMeier(String svg, ChartStyle style) {
        org.jsoup.nodes.Document doc = Jsoup.parse(svg, "", Parser.xmlParser());
        assertThat(doc.selectFirst("svg")).as(svg).isNotNull();
        List<String> texts = doc.select("text").eachText();
        assertThat(texts).contains("CalliSpheres DEB-TACE", "Conventional TACE", "Number at risk");
        assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("Log-rank p"));
        for (int i = 0; i < 2; i++) {
            Color c = style.lineColour(i);
            String stroke = "stroke:rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
            // a step curve is an unfilled path stroked in its group's colour (the style sits on its group)
            assertThat(doc.select("path")).as("a curve drawn in " + stroke).anySatisfy(path -> assertThat(
                    path.attr("style") + ";" + path.parent().attr("style")).contains(stroke).contains("fill:none"));
        }
    }

    private static int pixels(BufferedImage image, Color colour) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    private WebClient signedIn() {
        WebClient dataManager = new WebClient(base);
        dataManager.login("datamanager", "datamanager-demo-2024");
        return dataManager;
    }

    /** A study table as the REST API answers it, read by row path and data column (1 = first). */
    private record Table(String id, Map<String, Object> json) {
        int n() {
            return ((Number) json.get("n")).intValue();
        }

        @SuppressWarnings("unchecked")
        String cell(String rowPath, int column) {
            List<String> columns = (List<String>) json.get("columns");
            List<Map<String, Object>> values = (List<Map<String, Object>>) json.get("values");
            return values.stream().filter(v -> v.get("row").equals(rowPath) && v.get("column").equals(columns.get(column)))
                    .map(v -> (String) v.get("text")).findFirst()
                    .orElseThrow(() -> new AssertionError("no cell " + rowPath + " / " + columns.get(column) + " in "
                            + id + ": " + values.stream().map(v -> v.get("row")).distinct().toList()));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> columns(Table table) {
        return (List<String>) table.json().get("columns");
    }

    private static Table table(WebClient client, String study, String tableId) {
        HttpResponse<String> response = client.api("GET", "/api/studies/" + study + "/tables/" + tableId, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new Table(tableId, JsonBody.map(response.body()));
    }
}
