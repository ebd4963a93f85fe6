package org.tacecrf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tacecrf.it.support.Api;
import org.tacecrf.it.support.Deployments;
import org.tacecrf.it.support.WebClient;

/**
 * The casebook over HTTP: the states of the visit-by-form matrix as forms are saved, completed and
 * queried by an edit check, and site scoping of subjects on the pages (a nurse never receives another
 * site's subject).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CasebookIT {

    private static final String HCC = "hcc-deb-sorafenib";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    private static long id(Map<String, Object> created) {
        return ((Number) created.get("id")).longValue();
    }

    @Test
    void matrixShowsEachFormsState() {
        Api nurse = Api.as(base, "nurse", "nurse-demo-2024");
        Map<String, Object> subject = nurse.call("POST", "/api/studies/" + HCC + "/subjects",
                "{\"site\":\"BTCH\",\"consentDate\":\"2024-03-01\",\"enrolmentDate\":\"2024-03-02\",\"arm\":\"deb_tace\"}", 201);
        String number = (String) subject.get("subjectNumber");
        String baseline = "/api/studies/" + HCC + "/subjects/" + number + "/forms/baseline/1/baseline/1";

        WebClient.Page casebook = nurse.web().get("/app/casebook.xhtml?subject=" + id(subject));
        assertThat(cellClass(casebook, "baseline", "Baseline")).contains("cell-NOT_STARTED");

        Map<String, Object> draft = nurse.call("PUT", baseline,
                "{\"values\":{\"demographics[1].assessment_date\":\"2024-02-20\",\"vital_signs[1].weight\":\"65\"},\"complete\":false}", 200);
        assertThat(cellClass(nurse.web().get("/app/casebook.xhtml?subject=" + id(subject)), "baseline", "Baseline"))
                .contains("cell-IN_PROGRESS");

        // Direct bilirubin above total bilirubin: a soft check raises an automatic query on the form.
        Object version = ((Map<?, ?>) draft.get("form")).get("version");
        nurse.call("PUT", baseline, "{\"values\":{\"demographics[1].assessment_date\":\"2024-02-20\",\"vital_signs[1].weight\":\"65\","
                + "\"lab_panel[1].total_bilirubin\":\"20\",\"lab_panel[1].direct_bilirubin\":\"30\"},\"complete\":false,\"version\":" + version + "}", 200);
        WebClient.Page queried = nurse.web().get("/app/casebook.xhtml?subject=" + id(subject));
        assertThat(cellClass(queried, "baseline", "Baseline")).contains("cell-OPEN_QUERIES");
        assertThat(queried.document().select("tr[data-visit=baseline] .cell-badge").text()).isEqualTo("1");
    }

    @Test
    void aNurseNeverReceivesAnotherSitesSubject() {
        Api manager = Api.as(base, "datamanager", "datamanager-demo-2024");
        Map<String, Object> other = manager.call("POST", "/api/studies/" + HCC + "/subjects",
                "{\"site\":\"LYCH\",\"consentDate\":\"2024-03-01\",\"enrolmentDate\":\"2024-03-02\",\"arm\":\"deb_tace\"}", 201);

        Api nurse = Api.as(base, "nurse", "nurse-demo-2024");
        WebClient.Page refused = nurse.web().get("/app/casebook.xhtml?subject=" + id(other));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).doesNotContain((String) other.get("subjectNumber"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> visible = (List<Map<String, Object>>) nurse.call("GET",
                "/api/studies/" + HCC + "/subjects?max=500", null, 200).get("subjects");
        assertThat(visible).extracting(s -> s.get("site")).doesNotContain("LYCH");

        WebClient.Page managerView = manager.web().get("/app/casebook.xhtml?subject=" + id(other));
        assertThat(managerView.status()).isEqualTo(200);
        assertThat(managerView.text()).contains((String) other.get("subjectNumber"));
    }

    private static String cellClass(WebClient.Page casebook, String visitId, String formLabel) {
        return casebook.document().select("tr[data-visit=" + visitId + "] a.cell").stream()
                .filter(a -> a.text().contains(formLabel)).findFirst()
                .map(a -> a.attr("class")).orElseThrow(() -> new AssertionError("no " + formLabel + " cell in " + casebook.text()));
    }
}
