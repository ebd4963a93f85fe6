package org.tacecrf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.tacecrf.it.support.Deployments;
import org.tacecrf.it.support.WebClient;
import org.tacecrf.it.support.WebClient.Page;

/**
 * The study tables through HTTP: a research nurse screens and enrols two patients and enters their
 * baseline values on the pages; an investigator reads the baseline table through the REST API (JSON,
 * CSV, XLSX, at a cut-off, locked casebooks only), the report, and computes the table on the analysis
 * page; a nurse is refused the page and the API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalysisIT {

    private static final String TODAY = LocalDate.now().toString();
    private static String studyId;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @Test
    @Order(1)
    void aNurseEnrolsTwoPatientsAndEntersTheirBaseline() {
        WebClient nurse = new WebClient(base);
        nurse.login("nurse", "nurse-demo-2024");
        Matcher first = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(nurse.api("GET", "/api/studies", null, null).body());
        assertThat(first.find()).isTrue();
        studyId = first.group(1);

        enrolWithBaseline(nurse, "M", "64");
        enrolWithBaseline(nurse, "F", "52");
    }

    private static void enrolWithBaseline(WebClient nurse, String sex, String age) {
        Page screening = nurse.get("/app/screening.xhtml");
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("screen:site_input", screening.document().select("select[name=screen:site_input] option[value]")
                .stream().map(o -> o.attr("value")).filter(v -> !v.isEmpty()).findFirst().orElseThrow());
        answers.put("screen:screenedOn_input", TODAY);
        for (Element row : screening.document().select("tr[data-criterion]")) {
            boolean inclusion = row.selectFirst(".criterion-kind").text().startsWith("Inclusion");
            answers.put(row.selectFirst("input[type=radio]").attr("name"), inclusion ? "YES" : "NO");
        }
        nurse.ajax(screening, "screen", answers, "screen:save");

        Page log = nurse.get("/app/screening.xhtml");
        String enrol = log.document().select("#log [id$=':enrol']").first().id();
        nurse.ajax(log, "log", Map.of(), enrol);
        Page enrolled = nurse.ajax(log, "enrolForm", Map.of("enrolForm:consentDate_input", TODAY,
                "enrolForm:enrolmentDate_input", TODAY, "enrolForm:arm_input", firstArm(log)), "enrolForm:confirm");
        Matcher subject = Pattern.compile("casebook\\.xhtml\\?subject=(\\d+)").matcher(enrolled.body());
        assertThat(subject.find()).as(enrolled.body()).isTrue();

        Page casebook = nurse.get("/app/casebook.xhtml?subject=" + subject.group(1));
        String href = casebook.document().select("a.cell[href*=form=baseline]").first().attr("href");
        Page form = nurse.get(casebook.uri().resolve(href).toString());
        Map<String, String> values = new LinkedHashMap<>();
        values.put(form.document().selectFirst("[data-item='demographics[1].age'] input[type=text]").attr("name"), age);
        values.put(form.document().selectFirst("[data-item='demographics[1].sex'] input[type=radio][value=" + sex + "]")
                .attr("name"), sex);
        Page saved = nurse.ajax(form, "entry", values, "entry:save");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain("error");
    }

    private static String firstArm(Page page) {
        return page.document().select("select[name=enrolForm:arm_input] option[value]").stream()
                .map(o -> o.attr("value")).filter(v -> !v.isEmpty()).findFirst().orElseThrow();
    }

    @Test
    @Order(2)
    void anInvestigatorReadsAndDownloadsTheBaselineTableThroughTheApi() {
        WebClient investigator = new WebClient(base);
        investigator.login("investigator", "investigator-demo-2024");
        String tables = "/api/studies/" + studyId + "/tables";

        HttpResponse<String> catalogue = investigator.api("GET", tables, null, null);
        assertThat(catalogue.statusCode()).isEqualTo(200);
        assertThat(catalogue.body()).contains("\"id\":\"baseline\"").contains("Baseline characteristics");

        HttpResponse<String> json = investigator.api("GET", tables + "/baseline", null, null);
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(json.body()).contains("\"n\":2").contains("\"label\":\"Male\"").contains("1 (50.0%)")
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
                .contains(studyId + "_baseline.csv"));
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("Baseline characteristics").contains("1 (50.0%)");
        HttpResponse<byte[]> xlsx = investigator.download(tables + "/baseline?format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

        HttpResponse<byte[]> report = investigator.download("/api/studies/" + studyId + "/report?format=html");
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
        assertThat(computed.document().select("table.study-table")).hasSize(1);
    }

    @Test
    @Order(4)
    void aNurseIsRefusedThePageAndTheApi() {
        WebClient nurse = new WebClient(base);
        nurse.login("nurse", "nurse-demo-2024");
        Page page = nurse.get("/app/analysis.xhtml");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).doesNotContain("Baseline characteristics");
        HttpResponse<String> api = nurse.api("GET", "/api/studies/" + studyId + "/tables", null, null);
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(nurse.api("GET", "/api/studies/" + studyId + "/tables/baseline", null, null).statusCode())
                .isEqualTo(403);
    }
}
