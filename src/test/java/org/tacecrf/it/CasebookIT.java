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
 * queried by an edit check, site scoping of subjects on the pages (a nurse never receives another
 * site's subject), and blinded double reading (a reader never receives the other reader's reading).
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

    @Test
    void aCompleteFormIsVerifiedThenSignedThenLockedEachStateOutrankingTheLast() {
        Api nurse = Api.as(base, "nurse", "nurse-demo-2024");
        Map<String, Object> subject = nurse.call("POST", "/api/studies/" + HCC + "/subjects",
                "{\"site\":\"BTCH\",\"consentDate\":\"2024-03-01\",\"enrolmentDate\":\"2024-03-02\",\"arm\":\"deb_tace\"}", 201);
        String enrolment = "/api/studies/" + HCC + "/subjects/" + subject.get("subjectNumber") + "/forms/screening/1/enrolment/1";
        Map<String, Object> form = nurse.call("GET", enrolment, null, 200);
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        ((Map<?, ?>) form.get("values")).forEach((k, v) -> {
            if (!((Map<?, ?>) form.get("calculatedBy")).containsKey(k)) {
                values.put((String) k, v);
            }
        });
        nurse.call("PUT", enrolment, "{\"values\":" + json(values) + ",\"complete\":true,\"version\":" + form.get("version") + "}", 200);
        String casebook = "/app/casebook.xhtml?subject=" + id(subject);
        WebClient.Page page = nurse.web().get(casebook);
        assertThat(cellClass(page, "screening", "Enrolment")).contains("cell-COMPLETE");
        String href = page.document().select("tr[data-visit=screening] a.cell[href*=form=enrolment]").first().attr("href");
        String formPage = href.substring(href.indexOf("/app/"));

        // Source data verified by the monitor: VERIFIED rather than COMPLETE.
        WebClient monitor = new WebClient(base);
        monitor.login("monitor", "monitor-demo-2024");
        WebClient.Page monitorView = monitor.get(formPage);
        monitor.ajax(monitorView, "reviewActions", Map.of(), "reviewActions:verifyForm");
        assertThat(cellClass(nurse.web().get(casebook), "screening", "Enrolment")).contains("cell-VERIFIED");

        // Signed by the investigator as well: SIGNED outranks VERIFIED.
        WebClient investigator = new WebClient(base);
        investigator.login("investigator", "investigator-demo-2024");
        WebClient.Page investigatorView = investigator.get(formPage);
        investigator.ajax(investigatorView, "reviewActions", Map.of(), "reviewActions:sign");
        WebClient.Page signed = investigator.ajax(investigatorView, "signForm", Map.of("signForm:username", "investigator",
                "signForm:password", "investigator-demo-2024"), "signForm:confirm");
        assertThat(signed.status()).isEqualTo(200);
        assertThat(cellClass(nurse.web().get(casebook), "screening", "Enrolment")).contains("cell-SIGNED");

        // Locked: LOCKED outranks every other state.
        investigator.ajax(investigator.get(formPage), "reviewActions", Map.of(), "reviewActions:lock");
        WebClient.Page locked = nurse.web().get(casebook);
        assertThat(cellClass(locked, "screening", "Enrolment")).contains("cell-LOCKED");
        assertThat(nurse.call("GET", enrolment, null, 200).get("locked")).isEqualTo(true);
    }

    @Test
    void anIneligiblePatientIsEnrolledOnlyWithAWaiverRecordedAsADeviation() {
        // The nurse's first study (one site, YCCH); one inclusion criterion not met.
        WebClient nurse = new WebClient(base);
        nurse.login("nurse", "nurse-demo-2024");
        WebClient.Page screening = nurse.get("/app/screening.xhtml");
        Map<String, String> answers = new java.util.LinkedHashMap<>(Map.of("screen:site_input", "YCCH",
                "screen:screenedOn_input", "2024-03-01"));
        boolean first = true;
        for (var row : screening.document().select("tr[data-criterion]")) {
            boolean inclusion = row.selectFirst(".criterion-kind").text().startsWith("Inclusion");
            String name = row.selectFirst("input[type=radio]").attr("name");
            answers.put(name, inclusion ? (first ? "NO" : "YES") : "NO");
            first &= !inclusion;
        }
        nurse.ajax(screening, "screen", answers, "screen:save");
        WebClient.Page log = nurse.get("/app/screening.xhtml");
        assertThat(log.document().select("[id$=logTable]").text()).contains("Not eligible");
        String enrol = log.document().select("button[id$=:enrol]").first().id();
        nurse.ajax(log, "log", Map.of(), enrol);
        Map<String, String> dates = Map.of("enrolForm:consentDate_input", "2024-03-01", "enrolForm:enrolmentDate_input", "2024-03-02",
                "enrolForm:arm_input", "deb_tace");
        WebClient.Page refused = nurse.ajax(log, "enrolForm", dates, "enrolForm:confirm");
        assertThat(refused.body()).contains("Give the waiver: who approved enrolling this ineligible patient and why.");

        Map<String, String> withWaiver = new java.util.LinkedHashMap<>(dates);
        withWaiver.put("enrolForm:waiver", "Approved by the principal investigator: criterion in01 documented after screening");
        WebClient.Page enrolled = nurse.ajax(log, "enrolForm", withWaiver, "enrolForm:confirm");
        assertThat(enrolled.body()).contains("casebook.xhtml").doesNotContain("Give the waiver");

        WebClient.Page deviations = nurse.get("/app/deviations.xhtml");
        assertThat(deviations.document().select("[id$=table]").text()).contains("Eligibility waiver")
                .contains("Enrolled although not eligible").contains("Approved by the principal investigator");
    }

    @Test
    void markingCompleteWithARequiredItemEmptyIsRefusedAtTheField() {
        Api nurse = Api.as(base, "nurse", "nurse-demo-2024");
        Map<String, Object> subject = nurse.call("POST", "/api/studies/" + HCC + "/subjects",
                "{\"site\":\"BTCH\",\"consentDate\":\"2024-03-01\",\"enrolmentDate\":\"2024-03-02\",\"arm\":\"deb_tace\"}", 201);
        String baseline = "/api/studies/" + HCC + "/subjects/" + subject.get("subjectNumber") + "/forms/baseline/1/baseline/1";
        Map<String, Object> refused = nurse.call("PUT", baseline,
                "{\"values\":{\"demographics[1].assessment_date\":\"2024-02-20\",\"vital_signs[1].weight\":\"65\"},\"complete\":true}", 400);
        assertThat(String.valueOf(refused)).contains("performance_status[1].ecog").contains("validation.required");
        // Nothing was saved: the form is still not started; as a draft the same values are kept.
        assertThat(nurse.call("GET", baseline, null, 200).get("state")).isEqualTo("NOT_STARTED");
        Map<String, Object> draft = nurse.call("PUT", baseline,
                "{\"values\":{\"demographics[1].assessment_date\":\"2024-02-20\",\"vital_signs[1].weight\":\"65\"},\"complete\":false}", 200);
        assertThat(((Map<?, ?>) draft.get("form")).get("state")).isEqualTo("IN_PROGRESS");
    }

    @Test
    void theSubjectListSearchesFiltersBySiteArmAndStatusAndPages() {
        Api manager = Api.as(base, "datamanager", "datamanager-demo-2024");
        List<String> created = new java.util.ArrayList<>();
        for (String arm : List.of("deb_tace", "deb_tace", "deb_tace_sorafenib")) {
            created.add((String) manager.call("POST", "/api/studies/" + HCC + "/subjects",
                    "{\"site\":\"DLZS\",\"consentDate\":\"2024-03-01\",\"enrolmentDate\":\"2024-03-02\",\"arm\":\"" + arm + "\"}", 201)
                    .get("subjectNumber"));
        }
        String list = "/api/studies/" + HCC + "/subjects";
        Map<String, Object> one = manager.call("GET", list + "?search=" + created.get(1).toLowerCase(), null, 200);
        assertThat(((Number) one.get("total")).longValue()).isEqualTo(1);
        assertThat(numbers(one)).containsExactly(created.get(1));

        Map<String, Object> site = manager.call("GET", list + "?site=DLZS&max=500", null, 200);
        assertThat(numbers(site)).containsAll(created).allMatch(n -> site(site, n).equals("DLZS"));
        long total = ((Number) site.get("total")).longValue();
        assertThat(total).isEqualTo(numbers(site).size());
        assertThat(numbers(manager.call("GET", list + "?site=BTCH&max=500", null, 200))).doesNotContainAnyElementsOf(created);

        // By arm and by status.
        List<String> combined = numbers(manager.call("GET", list + "?site=DLZS&arm=deb_tace_sorafenib&max=500", null, 200));
        assertThat(combined).contains(created.get(2)).doesNotContain(created.get(0), created.get(1));
        assertThat(numbers(manager.call("GET", list + "?site=DLZS&status=on_study&max=500", null, 200))).containsAll(created);
        assertThat(numbers(manager.call("GET", list + "?site=DLZS&status=WITHDRAWN&max=500", null, 200)))
                .doesNotContainAnyElementsOf(created);
        assertThat(String.valueOf(manager.call("GET", list + "?status=asleep", null, 400))).contains("api.error.subjectStatus");

        // Pages of two, in subject-number order, together the whole list once.
        List<String> paged = new java.util.ArrayList<>();
        for (int first = 0; first < total; first += 2) {
            Map<String, Object> page = manager.call("GET", list + "?site=DLZS&first=" + first + "&max=2", null, 200);
            assertThat(((Number) page.get("total")).longValue()).isEqualTo(total);
            assertThat(numbers(page)).hasSizeLessThanOrEqualTo(2);
            paged.addAll(numbers(page));
        }
        assertThat(paged).isEqualTo(numbers(site)).isSorted().doesNotHaveDuplicates();
    }

    @SuppressWarnings("unchecked")
    private static List<String> numbers(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("subjects")).stream().map(s -> (String) s.get("subjectNumber")).toList();
    }

    @SuppressWarnings("unchecked")
    private static String site(Map<String, Object> page, String number) {
        return ((List<Map<String, Object>>) page.get("subjects")).stream().filter(s -> number.equals(s.get("subjectNumber")))
                .map(s -> (String) s.get("site")).findFirst().orElseThrow();
    }

    /** A flat JSON object of strings. */
    private static String json(Map<String, Object> values) {
        return values.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + String.valueOf(e.getValue()).replace("\"", "\\\"") + "\"")
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    @Test
    void labValuesInAnotherUnitAreStoredCanonicalAndScoredSo() {
        Api nurse = Api.as(base, "nurse", "nurse-demo-2024");
        Map<String, Object> subject = nurse.call("POST", "/api/studies/" + HCC + "/subjects",
                "{\"site\":\"BTCH\",\"consentDate\":\"2024-03-01\",\"enrolmentDate\":\"2024-03-02\",\"arm\":\"deb_tace\"}", 201);
        String baseline = "/api/studies/" + HCC + "/subjects/" + subject.get("subjectNumber") + "/forms/baseline/1/baseline/1";
        // Bilirubin 2 mg/dL = 34.2 umol/L (x 17.1), albumin 3.2 g/dL = 32 g/L (x 10).
        Map<String, Object> saved = nurse.call("PUT", baseline, "{\"values\":{\"demographics[1].assessment_date\":\"2024-02-20\","
                + "\"lab_panel[1].total_bilirubin\":\"2\",\"lab_panel[1].albumin\":\"3.2\",\"lab_panel[1].inr\":\"1.1\","
                + "\"liver_function[1].ascites\":\"NONE\",\"liver_function[1].encephalopathy\":\"NONE\"},"
                + "\"units\":{\"lab_panel[1].total_bilirubin\":\"mg/dL\",\"lab_panel[1].albumin\":\"g/dL\"},\"complete\":false}", 200);
        Map<?, ?> form = (Map<?, ?>) saved.get("form");
        Map<?, ?> values = (Map<?, ?>) form.get("values");
        Map<?, ?> entered = (Map<?, ?>) form.get("enteredAs");
        assertThat(values.get("lab_panel[1].total_bilirubin")).isEqualTo("34.2");
        assertThat(values.get("lab_panel[1].albumin")).isEqualTo("32");
        assertThat(entered.get("lab_panel[1].total_bilirubin")).isEqualTo("2 mg/dL");
        assertThat(entered.get("lab_panel[1].albumin")).isEqualTo("3.2 g/dL");
        // Child-Pugh from the canonical values: bilirubin 34-50 umol/L and albumin 28-35 g/L score 2 each, with
        // INR, ascites and encephalopathy 1 each: 7 (class B). Read as entered (2 umol/L, 3.2 g/L) they would score 1 + 3.
        assertThat(values.get("liver_function[1].child_pugh_points")).isEqualTo("7");
        // ALBI = 0.66 log10(34.2) - 0.085 x 32 = -1.708: grade 2.
        assertThat(values.get("liver_function[1].albi_score")).isEqualTo("-1.708");
        assertThat(String.valueOf(values.get("liver_function[1].albi_grade"))).isEqualTo("2");

        // The same values read back keep their entry.
        Map<String, Object> read = nurse.call("GET", baseline, null, 200);
        assertThat(((Map<?, ?>) read.get("enteredAs")).get("lab_panel[1].total_bilirubin")).isEqualTo("2 mg/dL");
        assertThat(((Map<?, ?>) read.get("values")).get("lab_panel[1].total_bilirubin")).isEqualTo("34.2");
    }

    private static final String CRLM = "crlm-deb-vs-ctace";

    /** A subject of the double-reading study with a baseline target (viable 40 mm) and a response visit. */
    private Map<String, Object> crlmSubjectAwaitingReadings(Api nurse) {
        Map<String, Object> subject = nurse.call("POST", "/api/studies/" + CRLM + "/subjects",
                "{\"site\":\"YCCH\",\"consentDate\":\"2024-03-01\",\"enrolmentDate\":\"2024-03-02\",\"arm\":\"deb_tace\"}", 201);
        String path = "/api/studies/" + CRLM + "/subjects/" + subject.get("subjectNumber");
        nurse.call("PUT", path + "/forms/baseline/1/baseline_imaging/1", "{\"values\":{\"scan[1].imaging_date\":\"2024-02-28\","
                + "\"scan[1].modality\":\"CT\",\"lesions[1].lesion_id\":\"T01\",\"lesions[1].lesion_role\":\"TARGET\","
                + "\"lesions[1].organ\":\"LIVER\",\"lesions[1].longest_diameter_mm\":\"50\",\"lesions[1].viable_diameter_mm\":\"40\","
                + "\"lesions[1].arterial_enhancement\":\"Y\"},\"complete\":false}", 200);
        nurse.call("POST", path + "/visits/response", null, 200);
        return subject;
    }

    @Test
    void readersWhoDisagreeAreQueriedUntilTheAdjudicatorReads() {
        String study = CRLM;
        Api nurse = Api.as(base, "nurse", "nurse-demo-2024");
        Map<String, Object> subject = crlmSubjectAwaitingReadings(nurse);
        String number = (String) subject.get("subjectNumber");
        String path = "/api/studies/" + study + "/subjects/" + number;

        // Viable 40 -> 20 mm is an mRECIST partial response for the first reader, 40 -> 35 mm stable disease for the second.
        reading(nurse, path, 1, "R1", "20");
        Map<String, Object> second = reading(nurse, path, 2, "R2", "35");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks = (List<Map<String, Object>>) second.get("checks");
        assertThat(checks).extracting(c -> c.get("code")).contains("double_reading_mrecist_adjudication");
        assertThat(openQueries(study, number)).containsExactlyInAnyOrder("double_reading_mrecist_adjudication",
                "double_reading_mrecist_adjudication");

        // The assessment page says where the reading stands.
        WebClient.Page casebook = nurse.web().get("/app/casebook.xhtml?subject=" + id(subject));
        String href = casebook.document().select("tr[data-visit=response] a.cell[href*=imaging_assessment]").first().attr("href");
        String visitRef = href.replaceAll(".*[?&]visit=(\\d+).*", "$1");
        WebClient.Page page = nurse.web().get("/app/form.xhtml?subject=" + id(subject) + "&visit=" + visitRef
                + "&form=imaging_assessment&repeat=2");
        assertThat(page.document().select("[id$=doubleReading] [data-criteria=mRECIST]").text())
                .contains("Readers disagree: adjudication needed").contains("First reader: Partial response (PR)")
                .contains("Second reader: Stable disease (SD)");
        assertThat(page.document().select("[id$=doubleReading] [data-criteria=mRECIST]").attr("data-adjudication")).isEqualTo("true");

        // The adjudicator's reading settles the scan and closes both queries.
        reading(nurse, path, 3, "ADJ", "20");
        assertThat(openQueries(study, number)).isEmpty();
        WebClient.Page adjudicated = nurse.web().get("/app/form.xhtml?subject=" + id(subject) + "&visit=" + visitRef
                + "&form=imaging_assessment&repeat=2");
        assertThat(adjudicated.document().select("[id$=doubleReading] [data-criteria=mRECIST]").text()).contains("Adjudicated");
    }

    @Test
    void blindedReadersSeeOnlyTheirOwnReadingAndTheAdjudicatorBothOnceBothAreSaved() {
        Api nurse = Api.as(base, "nurse", "nurse-demo-2024");
        Map<String, Object> subject = crlmSubjectAwaitingReadings(nurse);
        String path = "/api/studies/" + CRLM + "/subjects/" + subject.get("subjectNumber");
        String assessment = path + "/forms/response/1/imaging_assessment/";
        Api reader1 = Api.as(base, "reader1", "reader1-demo-2024");
        Api reader2 = Api.as(base, "reader2", "reader2-demo-2024");
        Api adjudicator = Api.as(base, "adjudicator", "adjudicator-demo-2024");

        // The first reader reads: partial response (viable 40 -> 20 mm).
        reading(reader1, path, 1, "R1", "20");
        // The adjudicator has nothing to read until both readers have saved theirs.
        adjudicator.call("GET", assessment + "1", null, 403);
        adjudicator.call("PUT", assessment + "3", readingJson("ADJ", "20"), 403);

        // The second reader cannot open the first reader's assessment: not by the API, not on the form page.
        reader2.call("GET", assessment + "1", null, 403);
        WebClient.Page casebook = reader2.web().get("/app/casebook.xhtml?subject=" + id(subject));
        List<String> cells = casebook.document().select("tr[data-visit=response] a.cell[href*=imaging_assessment]:not(.cell-add)")
                .eachAttr("href");
        assertThat(cells).hasSize(1).noneMatch(h -> h.contains("repeat=1"));
        assertThat(casebook.document().select("tr[data-visit=response] a.cell[href*=imaging_assessment] .cell-name").text())
                .as("no entry number telling how many readings there are").doesNotContain("#");
        assertThat(casebook.document().select("#derived tr[data-fact]").eachAttr("data-fact"))
                .as("no response or endpoint built on readings the reader does not see").contains("blinded", "firstTace")
                .noneMatch(f -> f.startsWith("bor-") || f.startsWith("firstProgression-") || f.equals("PFS") || f.equals("TTP"));
        assertThat(nurse.web().get("/app/casebook.xhtml?subject=" + id(subject)).document().select("#derived tr[data-fact]")
                .eachAttr("data-fact")).as("the unblinded nurse's summary").contains("bor-MRECIST").doesNotContain("blinded");
        String visitRef = cells.get(0).replaceAll(".*[?&]visit=(\\d+).*", "$1");
        String formPage = "/app/form.xhtml?subject=" + id(subject) + "&visit=" + visitRef + "&form=imaging_assessment&repeat=";
        WebClient.Page refused = reader2.web().get(formPage + "1");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).doesNotContain("2024-04-10");

        // Their own assessment may name only their own slot: R1 is refused at the item, an empty reader becomes R2.
        Map<String, Object> asOther = reader2.call("PUT", assessment + "2", readingJson("R1", "35"), 400);
        assertThat(String.valueOf(asOther)).contains("scan[1].reader").contains("reading.error.otherSlot");
        Map<String, Object> second = reading(reader2, path, 2, "", "35");
        assertThat(String.valueOf(second.get("checks"))).as("the disagreement is not told to a reader")
                .doesNotContain("double_reading");
        assertThat(((Map<?, ?>) reader2.call("GET", assessment + "2", null, 200).get("values")).get("scan[1].reader")).isEqualTo("R2");

        // The disagreement queries stand (for the data manager) but no reader is told of them: not in the
        // query list, not on the home page; study-wide reports are not theirs.
        String number = (String) subject.get("subjectNumber");
        assertThat(openQueries(CRLM, number)).containsExactlyInAnyOrder("double_reading_mrecist_adjudication",
                "double_reading_mrecist_adjudication");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> readerQueries = (List<Map<String, Object>>) reader2.call("GET",
                "/api/studies/" + CRLM + "/queries?status=OPEN&max=500", null, 200).get("queries");
        assertThat(readerQueries).extracting(q -> String.valueOf(q.get("check"))).noneMatch(c -> c.startsWith("double_reading"));
        WebClient.Page home = reader2.web().get("/app/home.xhtml");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).doesNotContain("responses differ");
        assertThat(home.document().select("[id$=navReports]")).as("no reports entry in the reader's study").isEmpty();
        assertThat(nurse.web().get("/app/home.xhtml").document().select("[id$=navReports]")).as("the unblinded nurse's").isNotEmpty();
        assertThat(reader2.web().get("/app/reports.xhtml").status()).isEqualTo(403);

        // Their casebook, summary block and API list hold their own reading only.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> visits = (List<Map<String, Object>>) reader2.call("GET", path, null, 200).get("visits");
        assertThat(visits.stream().filter(v -> "response".equals(v.get("visit")))
                .flatMap(v -> ((List<Map<String, Object>>) v.get("forms")).stream())
                .filter(f -> "imaging_assessment".equals(f.get("form"))).map(f -> ((Number) f.get("repeat")).intValue())).containsExactly(2);
        WebClient.Page own = reader2.web().get(formPage + "2");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.document().select("[id$=doubleReading] [data-criteria=mRECIST]").text())
                .contains("Blinded reading").contains("Second reader: Stable disease (SD)").doesNotContain("First reader");
        assertThat(own.document().select("[id$=doubleReading] [data-criteria=mRECIST]").attr("data-adjudication")).isEqualTo("false");

        // Both readings saved: the adjudicator sees both and the disagreement, and reads.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> adjudicatorQueries = (List<Map<String, Object>>) adjudicator.call("GET",
                "/api/studies/" + CRLM + "/queries?status=OPEN&max=500", null, 200).get("queries");
        assertThat(adjudicatorQueries).as("the disagreement is the adjudicator's work")
                .filteredOn(q -> number.equals(q.get("subjectNumber")))
                .extracting(q -> String.valueOf(q.get("check"))).contains("double_reading_mrecist_adjudication");
        // The REST list takes the pages' status words: UNRESOLVED is open and answered together.
        assertThat(((Number) adjudicator.call("GET", "/api/studies/" + CRLM + "/queries?status=unresolved", null, 200).get("total"))
                .longValue()).isGreaterThanOrEqualTo(adjudicatorQueries.size());
        assertThat(String.valueOf(adjudicator.call("GET", "/api/studies/" + CRLM + "/queries?status=PENDING", null, 400)))
                .contains("status");
        assertThat(adjudicator.call("GET", assessment + "1", null, 200).get("values")).isNotNull();
        WebClient.Page adjudicatorView = adjudicator.web().get(formPage + "2");
        assertThat(adjudicatorView.document().select("[id$=doubleReading] [data-criteria=mRECIST]").text())
                .contains("Readers disagree: adjudication needed").contains("First reader: Partial response (PR)")
                .contains("Second reader: Stable disease (SD)");
        adjudicator.call("PUT", assessment + "1", readingJson("R1", "25"), 403);
        reading(adjudicator, path, 3, "ADJ", "20");
        assertThat(adjudicator.web().get(formPage + "3").document().select("[id$=doubleReading] [data-criteria=mRECIST]").text())
                .contains("Adjudicated");
        // A reader still sees neither the other reading nor the adjudicator's.
        reader1.call("GET", assessment + "3", null, 403);
        reader1.call("GET", assessment + "2", null, 403);
    }

    @Test
    void theDataManagerGivesAReaderSlotOnTheUsersPage() {
        WebClient admin = new WebClient(base);
        admin.login("datamanager", "datamanager-demo-2024");
        WebClient.Page users = admin.get("/admin/users.xhtml");
        assertThat(users.document().select(".reader-slots[data-user=reader2]").text()).isEqualTo(CRLM + ": Reader 2");
        WebClient.Page dialog = admin.ajax(users, "users", Map.of(), "users:add");
        String slot = dialog.document().select("select[name$=slot_input]").stream().map(e -> e.attr("name"))
                .filter(n -> n.contains("readerSlot:0:")).findFirst().orElseThrow(() -> new AssertionError(dialog.body()));
        Map<String, String> fields = new java.util.HashMap<>(Map.of("userForm:username", "reader3", "userForm:fullName", "Third Reader",
                "userForm:roles", "NURSE", "userForm:password", "Temporary-Pass-1", slot, "READER_1"));

        // A slot in a study the user has no site of is refused.
        fields.put("userForm:sites", HCC + "/BTCH");
        WebClient.Page refused = admin.ajax(dialog, "userForm", fields, "userForm:save");
        assertThat(refused.body()).contains("needs access to that study");

        fields.put("userForm:sites", CRLM + "/YCCH");
        WebClient.Page created = admin.ajax(dialog, "userForm", fields, "userForm:save");
        assertThat(created.body()).contains("User reader3 created");
        assertThat(admin.get("/admin/users.xhtml").document().select(".reader-slots[data-user=reader3]").text())
                .isEqualTo(CRLM + ": Reader 1");
    }

    private static Map<String, Object> reading(Api nurse, String subjectPath, int repeat, String reader, String viableMm) {
        return nurse.call("PUT", subjectPath + "/forms/response/1/imaging_assessment/" + repeat, readingJson(reader, viableMm), 200);
    }

    private static String readingJson(String reader, String viableMm) {
        return "{\"values\":{"
                + "\"scan[1].assessment_date\":\"2024-04-10\",\"scan[1].modality\":\"CT\",\"scan[1].reader\":\"" + reader + "\","
                + "\"scan[1].new_lesions_found\":\"N\",\"target_measurements[1].target_lesion_id\":\"T01\","
                + "\"target_measurements[1].target_status\":\"MEASURED\",\"target_measurements[1].target_ld_mm\":\"48\","
                + "\"target_measurements[1].target_viable_mm\":\"" + viableMm + "\"},\"complete\":false}";
    }

    /** The checks behind the subject's open automatic queries. */
    private List<Object> openQueries(String study, String subjectNumber) {
        Api manager = Api.as(base, "datamanager", "datamanager-demo-2024");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> queries = (List<Map<String, Object>>) manager.call("GET",
                "/api/studies/" + study + "/queries?status=OPEN&max=500", null, 200).get("queries");
        return queries.stream().filter(q -> subjectNumber.equals(q.get("subjectNumber")))
                .filter(q -> String.valueOf(q.get("check")).startsWith("double_reading")).map(q -> q.get("check")).toList();
    }

    private static String cellClass(WebClient.Page casebook, String visitId, String formLabel) {
        return casebook.document().select("tr[data-visit=" + visitId + "] a.cell").stream()
                .filter(a -> a.text().contains(formLabel)).findFirst()
                .map(a -> a.attr("class")).orElseThrow(() -> new AssertionError("no " + formLabel + " cell in " + casebook.text()));
    }
}
