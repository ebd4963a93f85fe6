package org.tacecrf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.Resource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tacecrf.domain.exchange.FormLayout;
import org.tacecrf.domain.exchange.OdmSchema;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.StudyCatalog;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.infrastructure.persistence.DatabaseMigration;
import org.tacecrf.it.support.Deployments;
import org.tacecrf.it.support.JsonBody;
import org.tacecrf.it.support.RoundTripStudy;
import org.tacecrf.it.support.WebClient;

/**
 * Data exchange through HTTP as a data manager, a nurse, an investigator and a monitor use it:
 * templates, imports (preview, commit, re-import that changes nothing, every kind of bad file
 * writing nothing, GB18030 files, locked casebooks), a round trip export → import into new
 * subjects giving the same data (CSV and ODM), every form exported and imported into an empty study
 * of the same definition (made by the build, {@link RoundTripStudy}) giving the same exports, ODM
 * output validated against the ODM 1.3.2 schema,
 * the REST API's role and site rules, the query workflow through the API (raise, answer, close,
 * re-open, each by its role), locked forms and casebooks and a frozen site refused by the API and by
 * imports, and revoked or expired tokens refused. A few steps run inside the server, changing the
 * database directly: locking a casebook or a form, freezing a site, letting a token expire.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExchangeIT {

    private static final String HCC = "hcc-deb-sorafenib";
    private static final String ICC = "icc-deb-tace";
    private static final Pattern TOKEN = Pattern.compile("tace_[A-Za-z0-9_\\-]{20,}");

    @ArquillianResource
    private URL base;
    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    private DataSource dataSource;

    private static String managerToken;
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static String expiringToken;
    private static WebClient manager;

    @Deployment
    @TargetsContainer("payara-micro-roundtrip")
    static WebArchive deployment() throws Exception {
        WebArchive war = Deployments.warWith(ExchangeIT.class, WebClient.class, WebClient.Page.class, OdmSchema.class);
        war.addAsLibraries(new java.io.File(org.jsoup.Jsoup.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        return war;
    }

    // ------------------------------------------------------------------------------------ templates

    @Test
    @Order(1)
    @RunAsClient
    void templatesComeFromTheStudyDefinition() throws Exception {
        WebClient dm = manager();
        HttpResponse<byte[]> csv = dm.download("/api/studies/" + ICC + "/templates/baseline.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("icc-deb-tace_baseline_template.csv"));
        String header = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(header).startsWith("\uFEFFsite,subject_number,visit,form_complete,assessment_date,")
                .contains(",cholangiectasis,").contains(",cholangiectasis_level,").doesNotContain("bmi");
        HttpResponse<byte[]> xlsx = dm.download("/api/studies/" + ICC + "/templates/tace_session.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("subject_number");
            assertThat(workbook.getSheet("dictionary").getRow(0).getCell(0).getStringCellValue()).isEqualTo("column");
        }
        String dictionary = new String(dm.download("/api/studies/" + ICC + "/templates/baseline/dictionary.csv").body(), StandardCharsets.UTF_8);
        assertThat(dictionary).contains("yyyy年m月d日").contains("decimal comma").contains("cholangiectasis,Cholangiectasis,胆管扩张")
                .contains("cholangiectasis_level,Extent of the dilatation,扩张范围");
        WebClient.Page page = dm.get("/app/data.xhtml");
        assertThat(page.status()).isEqualTo(200);
        // The data manager imports and exports, but identifying items are not for this role.
        assertThat(page.text()).contains("Templates").contains("Import history").contains("Analysis data set")
                .doesNotContain("Include identifying items").doesNotContain("Exception");
        assertThat(page.body()).contains("/api/studies/" + page.document().select("[id$=study_input] option[selected]").attr("value"));
    }

    // ---------------------------------------------------------------------------------------- imports

    @Test
    @Order(2)
    @RunAsClient
    void importPreviewThenCommitThenTheSameFileAgainChangesNothing() throws Exception {
        // The enrolment file comes from a Chinese Excel: GB18030, local dates, an arm given by its Chinese label.
        String enrolment = "site,subject_number,consent_date,enrolment_date,arm,initials\n"
                + "BTCH,IMP-001,2024-01-02,2024-01-03,deb_tace,张三\n"
                + "BTCH,,2024/1/5,2024年1月6日,单纯DEB-TACE,LS\n";
        Map<String, Object> preview = importFile(HCC, "enrolment", "preview", "enrolment.csv", enrolment.getBytes(Charset.forName("GB18030")), 200);
        assertThat(preview).containsEntry("status", "PREVIEWED").containsEntry("encoding", "GB18030 (GBK)")
                .containsEntry("subjectsCreated", 2L).containsEntry("errors", 0L);
        assertThat(subjectCount("IMP-")).isZero();
        Map<String, Object> committed = importFile(HCC, "enrolment", "commit", "enrolment.csv", enrolment.getBytes(Charset.forName("GB18030")), 200);
        assertThat(committed).containsEntry("status", "COMMITTED").containsEntry("subjectsCreated", 2L);
        assertThat(subjectCount("IMP-001")).isEqualTo(1);
        Map<String, Object> subject = api("GET", "/api/studies/" + HCC + "/subjects/IMP-001", managerToken(), null, 200);
        assertThat(map(subject, "subject")).containsEntry("arm", "deb_tace").containsEntry("site", "BTCH").containsEntry("consentDate", "2024-01-02");

        String baseline = "subject_number,assessment_date,age,sex,height,weight,ecog\nIMP-001,2024-01-04,95,F,160,58.5,1\n";
        Map<String, Object> check = importFile(HCC, "baseline", "preview", "baseline.csv", baseline.getBytes(StandardCharsets.UTF_8), 200);
        assertThat(check).containsEntry("status", "PREVIEWED").containsEntry("formsChanged", 1L);
        assertThat(list(check, "problems")).anySatisfy(p -> assertThat(p).containsEntry("severity", "warning").containsEntry("column", "age")
                .containsEntry("row", 2L));
        assertThat(list(check, "changes")).anySatisfy(c -> assertThat(c).containsEntry("column", "weight").containsEntry("after", "58.5"))
                .anySatisfy(c -> assertThat(c).containsEntry("column", "bmi").containsEntry("calculated", true).containsEntry("after", "22.9"));
        Map<String, Object> written = importFile(HCC, "baseline", "commit", "baseline.csv", baseline.getBytes(StandardCharsets.UTF_8), 200);
        assertThat(written).containsEntry("status", "COMMITTED");
        Map<String, Object> form = api("GET", "/api/studies/" + HCC + "/subjects/IMP-001/forms/baseline/1/baseline/1", managerToken(), null, 200);
        assertThat(map(form, "values")).containsEntry("vital_signs[1].weight", "58.5").containsEntry("vital_signs[1].bmi", "22.9");
        Object version = form.get("version");

        Map<String, Object> again = importFile(HCC, "baseline", "commit", "baseline.csv", baseline.getBytes(StandardCharsets.UTF_8), 200);
        assertThat(again).containsEntry("status", "COMMITTED").containsEntry("formsChanged", 0L).containsEntry("formsUnchanged", 1L)
                .containsEntry("valuesChanged", 0L);
        assertThat(api("GET", "/api/studies/" + HCC + "/subjects/IMP-001/forms/baseline/1/baseline/1", managerToken(), null, 200))
                .containsEntry("version", version);

        // A soft edit check failing on import raises its query: direct bilirubin above total bilirubin.
        byte[] labs = "subject_number,total_bilirubin,direct_bilirubin\nIMP-001,20,30\n".getBytes(StandardCharsets.UTF_8);
        assertThat(importFile(HCC, "baseline", "preview", "labs.csv", labs, 200)).containsEntry("status", "PREVIEWED")
                .containsEntry("queries", 1L);
        Map<String, Object> soft = importFile(HCC, "baseline", "commit", "labs.csv", labs, 200);
        assertThat(soft).containsEntry("status", "COMMITTED").containsEntry("queries", 1L);
        assertThat(list(soft, "problems")).anySatisfy(p -> assertThat(p).containsEntry("code", "exchange.check.query").containsEntry("row", 2L));
        assertThat(list(api("GET", "/api/studies/" + HCC + "/queries?form=baseline", managerToken(), null, 200), "queries"))
                .filteredOn(q -> "IMP-001".equals(q.get("subjectNumber"))).singleElement().satisfies(q -> assertThat(q)
                        .containsEntry("origin", "AUTO").containsEntry("check", "bilirubin_direct_total_baseline")
                        .containsEntry("status", "OPEN").satisfies(m -> assertThat(m.get("item")).asString().endsWith("].direct_bilirubin")));

        // The audit trail names the import and the file: seen through the ODM export with the audit trail.
        String odm = new String(managerClient().download("/api/studies/" + HCC + "/exports/odm.xml?audit=true").body(), StandardCharsets.UTF_8);
        assertThat(odm).contains("<SourceID>IMPORT: import " + written.get("jobId") + ", SHA-256 " + written.get("sha256") + ", file baseline.csv</SourceID>");
        List<Map<String, Object>> history = JsonBody.list(managerClient().api("GET", "/api/studies/" + HCC + "/imports", managerToken(), null).body());
        assertThat(history).extracting(h -> h.get("status")).contains("PREVIEWED", "COMMITTED");
    }

    @Test
    @Order(3)
    @RunAsClient
    void everyKindOfBadFileIsReportedAndWritesNothing() throws Exception {
        importFile(HCC, "enrolment", "commit", "enrol.csv", "site,subject_number,consent_date,enrolment_date,arm\nBTCH,BAD-001,2024-02-01,2024-02-01,deb_tace\n"
                .getBytes(StandardCharsets.UTF_8), 200);
        Object version = api("GET", "/api/studies/" + HCC + "/subjects/BAD-001/forms/screening/1/enrolment/1", managerToken(), null, 200).get("version");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("wrong columns", "subject_number,wieght\nBAD-001,70\n".getBytes(StandardCharsets.UTF_8));
        files.put("unknown subject", "subject_number,weight\nNOBODY-9,70\n".getBytes(StandardCharsets.UTF_8));
        files.put("bad date", "subject_number,assessment_date\nBAD-001,2024-02-30\n".getBytes(StandardCharsets.UTF_8));
        files.put("out of range", "subject_number,weight\nBAD-001,500\n".getBytes(StandardCharsets.UTF_8));
        files.put("decimal comma", "subject_number;weight\nBAD-001;70,5\n".getBytes(StandardCharsets.UTF_8));
        files.put("wrong encoding", "subject_number,note\nBAD-001,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        files.put("empty file", new byte[0]);
        byte[] huge = new byte[26 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        files.put("huge file", huge);
        Map<String, String> expected = Map.of("wrong columns", "exchange.header.unknownNear", "unknown subject", "exchange.row.unknownSubject",
                "bad date", "value.error.date", "out of range", "value.error.hardRange", "decimal comma", "value.error.decimalComma",
                "wrong encoding", "exchange.file.encoding", "empty file", "exchange.file.empty", "huge file", "exchange.file.tooLarge");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Map<String, Object> report = importFile(HCC, "baseline", "commit", file.getKey() + ".csv", file.getValue(), 422);
            assertThat(report).as(file.getKey()).containsEntry("status", "REJECTED").containsEntry("formsChanged", 0L);
            Map<String, Object> problem = list(report, "problems").stream().filter(p -> "error".equals(p.get("severity"))).findFirst().orElseThrow();
            assertThat(problem).as(file.getKey()).containsEntry("code", expected.get(file.getKey()));
            assertThat((String) problem.get("message")).as(file.getKey()).isNotBlank().doesNotContain("exchange.");
            if (((Long) problem.get("row")) > 0) {
                assertThat(problem.get("column")).as(file.getKey()).isNotNull();
            }
        }
        Map<String, Object> report = importFile(HCC, "baseline", "commit", "mixed.csv",
                "subject_number,weight\nBAD-001,70\nNOBODY-9,71\n".getBytes(StandardCharsets.UTF_8), 422);
        // A good row with a bad one: nothing at all is written.
        assertThat(list(report, "problems")).extracting(p -> p.get("row")).contains(3L);
        assertThat(api("GET", "/api/studies/" + HCC + "/subjects/BAD-001/forms/baseline/1/baseline/1", managerToken(), null, 200))
                .containsEntry("state", "NOT_STARTED");
        assertThat(api("GET", "/api/studies/" + HCC + "/subjects/BAD-001/forms/screening/1/enrolment/1", managerToken(), null, 200))
                .containsEntry("version", version);
    }

    @Test
    @Order(4)
    @RunAsClient
    void lockedCasebookSetUp() {
        importFile(HCC, "enrolment", "commit", "enrol.csv", "site,subject_number,consent_date,enrolment_date,arm\nBTCH,LOCK-001,2024-02-01,2024-02-01,deb_tace\n"
                .getBytes(StandardCharsets.UTF_8), 200);
    }

    @Test
    @Order(5)
    void lockTheCasebookInTheDatabase() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update subject set locked = true, locked_by = 'investigator' where subject_number = ?")) {
            s.setString(1, "LOCK-001");
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    @Order(6)
    @RunAsClient
    void lockedCasebookIsRefused() {
        Map<String, Object> report = importFile(HCC, "baseline", "preview", "baseline.csv",
                "subject_number,weight\nLOCK-001,70\n".getBytes(StandardCharsets.UTF_8), 422);
        assertThat(list(report, "problems")).singleElement().satisfies(p -> assertThat(p).containsEntry("code", "exchange.row.subjectLocked")
                .containsEntry("row", 2L).containsEntry("column", "subject_number").containsEntry("value", "LOCK-001"));
        assertThat(api("GET", "/api/studies/" + HCC + "/subjects/LOCK-001/forms/baseline/1/baseline/1", managerToken(), null, 200))
                .containsEntry("state", "NOT_STARTED");
    }

    // ------------------------------------------------------------------------------------ round trip

    @Test
    @Order(7)
    @RunAsClient
    void exportThenImportIntoNewSubjectsGivesTheSameData() throws Exception {
        importFile(ICC, "enrolment", "commit", "enrol.csv", ("site,subject_number,consent_date,enrolment_date,arm,form_complete\n"
                + "ZJU,RT-001,2023-05-02,2023-05-03,deb_tace,Y\nZJU,RT-002,2023-06-01,2023-06-01,deb_tace,\n").getBytes(StandardCharsets.UTF_8), 200);
        importFile(ICC, "baseline", "commit", "baseline.csv", ("subject_number,assessment_date,age,sex,height,weight,ecog,diagnosis,"
                + "diagnosis_method,aetiology,cholangiectasis,cholangiectasis_level\n"
                + "RT-001,2023-05-04,61,M,172.5,70.5,1,ICC,BIOPSY,HBV|ALCOHOL,Y,HILAR\n"
                + "RT-002,2023-06-02,55,F,160,,0,ICC,POSTOP_PATHOLOGY,,N,\n").getBytes(StandardCharsets.UTF_8), 200);
        importFile(ICC, "tace_session", "commit", "tace.csv", ("subject_number,visit,visit_repeat,procedure_date,technique,product__1,"
                + "size_range__1,drug__1,dose_loaded_mg__1,drug_volume_ml__1,product__2,size_range__2\n"
                + "RT-001,tace,1,2023-05-10,DEB_TACE,CALLISPHERES,S100_300,EPIRUBICIN,60,10,CALLISPHERES,S300_500\n"
                + "RT-001,tace,2,2023-07-01,DEB_TACE,CALLISPHERES,S100_300,EPIRUBICIN,40.5,,,\n").getBytes(StandardCharsets.UTF_8), 200);

        // CSV: each form's export, subject numbers renamed, imported back as new subjects.
        for (String form : List.of("enrolment", "baseline", "tace_session")) {
            String exported = new String(managerClient().download("/api/studies/" + ICC + "/exports/forms/" + form + ".csv").body(),
                    StandardCharsets.UTF_8);
            Map<String, Object> report = importFile(ICC, form, "commit", form + ".csv", exported.replace("RT-0", "RTC-0")
                    .getBytes(StandardCharsets.UTF_8), 200);
            assertThat(report).as(form).containsEntry("status", "COMMITTED");
        }
        // ODM: the snapshot, subject keys renamed, imported back.
        String odm = new String(managerClient().download("/api/studies/" + ICC + "/exports/odm.xml").body(), StandardCharsets.UTF_8);
        String copies = odm.replaceAll("SubjectKey=\"RTC-[^\"]*\"", "SubjectKey=\"SKIP\"").replace("SubjectKey=\"RT-0", "SubjectKey=\"RTO-0");
        copies = Pattern.compile("<SubjectData SubjectKey=\"SKIP\">.*?</SubjectData>", Pattern.DOTALL).matcher(copies).replaceAll("");
        assertThat(importFile(ICC, null, "commit", "odm.xml", copies.getBytes(StandardCharsets.UTF_8), 200))
                .containsEntry("status", "COMMITTED").containsEntry("subjectsCreated", 2L);

        for (String form : List.of("enrolment", "baseline", "tace_session")) {
            List<CSVRecord> rows = csv(managerClient().download("/api/studies/" + ICC + "/exports/forms/" + form + ".csv").body());
            Map<String, CSVRecord> byKey = new LinkedHashMap<>();
            rows.forEach(r -> byKey.put(r.get("subject_number") + "|" + (r.isMapped("visit_repeat") ? r.get("visit_repeat") : ""), r));
            List<String> originals = byKey.keySet().stream().filter(k -> k.startsWith("RT-")).toList();
            assertThat(originals).as(form).isNotEmpty();
            for (String key : originals) {
                CSVRecord original = byKey.get(key);
                for (String prefix : List.of("RTC-", "RTO-")) {
                    CSVRecord copy = byKey.get(key.replace("RT-", prefix));
                    assertThat(copy).as(form + " " + prefix + key).isNotNull();
                    for (String column : original.getParser().getHeaderNames()) {
                        if (column.equals("subject_number") || prefix.equals("RTO-") && column.equals("form_complete")) {
                            continue;
                        }
                        assertThat(copy.get(column)).as(form + " " + key + " " + prefix + " " + column).isEqualTo(original.get(column));
                    }
                }
            }
        }
    }

    @Test
    @Order(8)
    @RunAsClient
    void everyFormExportedThenImportedIntoAnEmptyStudyGivesTheSameData() throws Exception {
        String copy = RoundTripStudy.COPY;
        assertThat(((Number) api("GET", "/api/studies/" + copy + "/subjects", managerToken(), null, 200).get("total")).intValue()).isZero();
        StudyDefinition study = StudyCatalog.load(Path.of(System.getProperty("it.roundtrip.config.dir"), "studies")).find(copy).orElseThrow();
        // Enrolment first: its rows create the subjects the other forms belong to.
        List<String> forms = new ArrayList<>(List.of(FormLayout.ENROLMENT_FORM));
        study.forms().stream().map(FormDef::id).filter(f -> !f.equals(FormLayout.ENROLMENT_FORM)).forEach(forms::add);

        // Every form's CSV export of the source, imported as a data manager does: preview, then commit.
        List<String> imported = new ArrayList<>();
        for (String form : forms) {
            byte[] exported = managerClient().download("/api/studies/" + ICC + "/exports/forms/" + form + ".csv").body();
            if (csv(exported).isEmpty()) {
                continue;
            }
            Map<String, Object> preview = importFile(copy, form, "preview", form + ".csv", exported, 200);
            assertThat(preview).as(form).containsEntry("status", "PREVIEWED").containsEntry("errors", 0L);
            assertThat(importFile(copy, form, "commit", form + ".csv", exported, 200)).as(form).containsEntry("status", "COMMITTED")
                    .containsEntry("formsChanged", preview.get("formsChanged")).containsEntry("errors", 0L);
            imported.add(form);
        }
        assertThat(imported).contains(FormLayout.ENROLMENT_FORM, "baseline", "tace_session");

        // The copy's exports: the same rows (every item of every instance of every form), the same
        // analysis data set derived from them, the same ODM clinical data but for the study's OID.
        for (String form : forms) {
            assertSameRows(form, "/exports/forms/" + form + ".csv");
        }
        assertSameRows("analysis", "/exports/analysis.csv");
        assertThat(csv(managerClient().download("/api/studies/" + copy + "/exports/forms/enrolment.csv").body()))
                .extracting(r -> r.get("subject_number")).contains("RT-001", "RT-002", "RTC-001", "RTO-001");
        String sourceOdm = new String(managerClient().download("/api/studies/" + ICC + "/exports/odm.xml").body(), StandardCharsets.UTF_8);
        String copyOdm = new String(managerClient().download("/api/studies/" + copy + "/exports/odm.xml").body(), StandardCharsets.UTF_8);
        String renamed = sourceOdm.replace("StudyOID=\"S." + ICC + "\"", "StudyOID=\"S." + copy + "\"");
        assertThat(clinicalData(copyOdm)).contains("<SubjectData SubjectKey=\"RT-001\">").isEqualTo(clinicalData(renamed));

        // The source's ODM file names the source study: the copy refuses it. Named for the copy it
        // is accepted and changes nothing, so the ODM path carries the same data as the CSV path.
        Map<String, Object> other = importFile(copy, null, "preview", "odm.xml", sourceOdm.getBytes(StandardCharsets.UTF_8), 422);
        assertThat(list(other, "problems")).anySatisfy(p -> assertThat(p).containsEntry("code", "exchange.odm.otherStudy"));
        assertThat(importFile(copy, null, "preview", "odm.xml", renamed.getBytes(StandardCharsets.UTF_8), 200))
                .containsEntry("status", "PREVIEWED").containsEntry("errors", 0L).containsEntry("subjectsCreated", 0L)
                .containsEntry("formsChanged", 0L).containsEntry("valuesChanged", 0L);
    }

    /** The source's and the copy's export at the path: the same columns and the same rows, in any order. */
    private void assertSameRows(String what, String path) throws IOException {
        List<CSVRecord> source = csv(managerClient().download("/api/studies/" + ICC + path).body());
        List<CSVRecord> copy = csv(managerClient().download("/api/studies/" + RoundTripStudy.COPY + path).body());
        if (!source.isEmpty()) {
            assertThat(copy).as(what).isNotEmpty();
            assertThat(copy.get(0).getParser().getHeaderNames()).as(what).isEqualTo(source.get(0).getParser().getHeaderNames());
        }
        assertThat(copy.stream().map(CSVRecord::toMap).toList()).as(what)
                .containsExactlyInAnyOrderElementsOf(source.stream().map(CSVRecord::toMap).toList());
    }

    private static String clinicalData(String odm) {
        return odm.substring(odm.indexOf("<ClinicalData"), odm.indexOf("</ClinicalData>"));
    }

    @Test
    @Order(9)
    @RunAsClient
    void odmExportsAreValidOdm132() throws Exception {
        for (String query : List.of("", "?audit=true")) {
            HttpResponse<byte[]> odm = managerClient().download("/api/studies/" + ICC + "/exports/odm.xml" + query);
            assertThat(odm.statusCode()).isEqualTo(200);
            OdmSchema.validate(odm.body());
            assertThat(new String(odm.body(), StandardCharsets.UTF_8)).contains("<SubjectData SubjectKey=\"RT-001\"");
        }
        HttpResponse<byte[]> zip = managerClient().download("/api/studies/" + ICC + "/exports/analysis.zip");
        List<String> entries = new ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertThat(entries).containsExactly("icc-deb-tace_analysis.csv", "icc-deb-tace_analysis_dictionary.csv", "icc-deb-tace_analysis.sps",
                "icc-deb-tace_analysis.R");
        List<CSVRecord> analysis = csv(managerClient().download("/api/studies/" + ICC + "/exports/analysis.csv").body());
        CSVRecord rt1 = analysis.stream().filter(r -> r.get("subject_number").equals("RT-001")).findFirst().orElseThrow();
        assertThat(rt1.get("tace_sessions")).isEqualTo("2");
        assertThat(rt1.get("dose_epirubicin_mg")).isEqualTo("100.5");
        assertThat(rt1.get("first_tace_date")).isEqualTo("2023-05-10");
        assertThat(rt1.get("cholangiectasis")).isEqualTo("Y");
    }

    // ------------------------------------------------------------------------------------------- API

    @Test
    @Order(10)
    @RunAsClient
    void apiFollowsRolesAndSites() {
        WebClient nurseClient = new WebClient(base);
        nurseClient.login("nurse", "nurse-demo-2024");
        String nurse = token(nurseClient);
        WebClient monitorClient = new WebClient(base);
        monitorClient.login("monitor", "monitor-demo-2024");
        String monitor = token(monitorClient);
        WebClient investigatorClient = new WebClient(base);
        investigatorClient.login("investigator", "investigator-demo-2024");
        String investigator = token(investigatorClient);
        importFile(HCC, "enrolment", "commit", "enrol.csv", "site,subject_number,consent_date,enrolment_date,arm\nLYCH,API-OTHER,2024-02-01,2024-02-01,deb_tace\n"
                .getBytes(StandardCharsets.UTF_8), 200);

        // Sites: the nurse sees BTCH only.
        List<Map<String, Object>> subjects = list(api("GET", "/api/studies/" + HCC + "/subjects?max=500", nurse, null, 200), "subjects");
        assertThat(subjects).extracting(s -> s.get("site")).containsOnly("BTCH");
        assertThat(subjects).extracting(s -> s.get("subjectNumber")).contains("IMP-001").doesNotContain("API-OTHER");
        api("GET", "/api/studies/" + HCC + "/subjects/API-OTHER", nurse, null, 403);

        // Writes: the nurse at her site; never at another; the monitor never.
        String body = "{\"values\":{\"demographics[1].assessment_date\":\"2024-02-02\",\"vital_signs[1].weight\":\"65\"},\"complete\":false}";
        Map<String, Object> saved = api("PUT", "/api/studies/" + HCC + "/subjects/BAD-001/forms/baseline/1/baseline/1", nurse, body, 200);
        assertThat(map(map(saved, "form"), "values")).containsEntry("vital_signs[1].weight", "65");
        api("PUT", "/api/studies/" + HCC + "/subjects/API-OTHER/forms/baseline/1/baseline/1", nurse, body, 403);
        api("PUT", "/api/studies/" + HCC + "/subjects/BAD-001/forms/baseline/1/baseline/1", monitor,
                body.replace("65", "66").replace("false}", "false,\"version\":" + map(saved, "form").get("version") + "}"), 403);

        // Refused values name their field as a JSON path; a stale version is a conflict.
        Map<String, Object> refused = api("PUT", "/api/studies/" + HCC + "/subjects/BAD-001/forms/baseline/1/baseline/1", nurse,
                "{\"values\":{\"vital_signs[1].weight\":\"70,5\"},\"version\":" + map(saved, "form").get("version") + "}", 400);
        assertThat(list(refused, "fields")).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("field", "values[\"vital_signs[1].weight\"]").containsEntry("code", "value.error.decimalComma"));
        api("PUT", "/api/studies/" + HCC + "/subjects/BAD-001/forms/baseline/1/baseline/1", nurse, body.replace("65", "64"), 409);

        // Exports by role; identifying items only for the roles allowed; imports for data managers only.
        assertThat(raw("GET", "/api/studies/" + HCC + "/exports/analysis.csv", nurse, null).statusCode()).isEqualTo(403);
        assertThat(raw("GET", "/api/studies/" + HCC + "/exports/forms/enrolment.csv?identifying=true", monitor, null).statusCode()).isEqualTo(403);
        HttpResponse<String> identified = raw("GET", "/api/studies/" + HCC + "/exports/forms/enrolment.csv?identifying=true", investigator, null);
        assertThat(identified.statusCode()).isEqualTo(200);
        assertThat(identified.body()).contains("initials").contains("张三").doesNotContain("API-OTHER");
        HttpResponse<String> plain = raw("GET", "/api/studies/" + HCC + "/exports/forms/enrolment.csv", managerToken(), null);
        assertThat(plain.body()).doesNotContain("initials").contains("API-OTHER");
        assertThat(raw("POST", "/api/studies/" + HCC + "/imports?form=baseline", nurse, "subject_number,weight\nBAD-001,60\n").statusCode())
                .isEqualTo(403);
        assertThat(raw("GET", "/api/studies/" + HCC + "/queries", monitor, null).statusCode()).isEqualTo(200);

        // Enrolment through the API, audited as the API with the token named.
        Map<String, Object> created = api("POST", "/api/studies/" + HCC + "/subjects", nurse,
                "{\"site\":\"BTCH\",\"consentDate\":\"2024-03-01\",\"enrolmentDate\":\"2024-03-02\",\"arm\":\"deb_tace\"}", 201);
        assertThat(created.get("subjectNumber")).asString().isNotBlank();
        Map<String, Object> wrongSite = api("POST", "/api/studies/" + HCC + "/subjects", nurse,
                "{\"site\":\"LYCH\",\"consentDate\":\"2024-03-01\",\"enrolmentDate\":\"2024-02-01\",\"arm\":\"deb_tace\"}", 403);
        assertThat(wrongSite).containsEntry("error", "forbidden");
        Map<String, Object> badDates = api("POST", "/api/studies/" + HCC + "/subjects", nurse,
                "{\"site\":\"BTCH\",\"consentDate\":\"2024-03-05\",\"enrolmentDate\":\"2024-03-01\",\"arm\":\"nope\"}", 400);
        assertThat(list(badDates, "fields")).extracting(f -> f.get("field")).containsExactlyInAnyOrder("enrolmentDate", "arm");

        // Without a token: 401; the OpenAPI document lists the resources.
        assertThat(raw("GET", "/api/studies/" + HCC + "/subjects", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> openapi = raw("GET", "/openapi", null, null);
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("/studies/{studyId}/subjects").contains("/studies/{studyId}/imports")
                .contains("/studies/{studyId}/exports/odm.xml");
    }

    @Test
    @Order(11)
    @RunAsClient
    void dataPageUploadsChecksAndImportsAFile() throws Exception {
        WebClient dm = managerClient();
        WebClient.Page page = dm.get("/app/data.xhtml");
        String study = page.document().select("[id$=study_input] option[selected]").attr("value");
        List<Map<String, Object>> studies = JsonBody.list(dm.api("GET", "/api/studies", null, null).body());
        String site = studies.stream().filter(s -> s.get("id").equals(study)).map(s -> list(s, "sites").get(0).get("id").toString())
                .findFirst().orElseThrow();
        String arm = Map.of("crlm-deb-vs-ctace", "deb_tace", HCC, "deb_tace", ICC, "deb_tace", "layered-embolization", "layered",
                "nsclc-lm-tace-125i", "tace_125i", RoundTripStudy.COPY, "deb_tace").get(study);
        byte[] file = ("site,subject_number,consent_date,enrolment_date,arm\n" + site + ",PAGE-001,2024-04-01,2024-04-02," + arm + "\n")
                .getBytes(StandardCharsets.UTF_8);
        String nonce = nonce(page);

        // The upload as PrimeFaces' file upload sends it: a multipart AJAX request with the form's fields.
        Map<String, String> fields = new LinkedHashMap<>();
        for (org.jsoup.nodes.Element input : page.document().select("form[id=tabs:importForm] input[name]")) {
            if (!input.attr("type").equals("file")) {
                fields.put(input.attr("name"), input.attr("value"));
            }
        }
        fields.put("jakarta.faces.ViewState", page.document().select("input[name=jakarta.faces.ViewState]").attr("value"));
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.partial.execute", "tabs:importForm:file");
        fields.put("jakarta.faces.source", "tabs:importForm:file");
        fields.put("jakarta.faces.partial.render", "tabs:importForm");
        fields.put("tabs:importForm:file_totalFilesCount", "1");
        fields.put("primefaces.nonce", nonce);
        String boundary = "----exchange" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"tabs:importForm:file\"; filename=\"enrolment.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        WebClient.Page uploaded = dm.postBody(page.uri(), "multipart/form-data; boundary=" + boundary, body.toByteArray(), true);
        assertThat(uploaded.status()).isEqualTo(200);
        assertThat(uploaded.body()).contains("enrolment.csv").doesNotContain("<redirect");

        WebClient.Page checked = dm.ajax(page, "tabs:importForm", Map.of("tabs:importForm:form_input", "enrolment", "primefaces.nonce", nonce),
                "tabs:importForm:preview");
        assertThat(checked.text()).contains("Checked, no errors").contains("Subjects created 1");
        WebClient.Page written = dm.ajax(page, "tabs:importForm", Map.of("tabs:importForm:form_input", "enrolment", "primefaces.nonce", nonce),
                "tabs:importForm:commit");
        assertThat(written.text()).contains("Written");
        Map<String, Object> subject = api("GET", "/api/studies/" + study + "/subjects/PAGE-001", managerToken(), null, 200);
        assertThat(map(subject, "subject")).containsEntry("site", site);
        assertThat(dm.get("/app/data.xhtml").text()).contains("enrolment.csv");
    }

    private static String nonce(WebClient.Page page) {
        Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(page.body());
        assertThat(nonce.find()).as("CSP nonce on " + page.uri()).isTrue();
        return nonce.group(1);
    }

    // -------------------------------------------------------------------------------------- helpers

    private WebClient manager() {
        return managerClient();
    }

    // ------------------------------------------------------------------------------ query workflow

    @Test
    @Order(12)
    @RunAsClient
    void queriesAreRaisedAnsweredClosedAndReopenedThroughTheApiWithThePagesRules() {
        String monitor = tokenOf("monitor");
        String nurse = tokenOf("nurse");
        String queries = "/api/studies/" + HCC + "/queries";

        // The monitor raises a query on the subject as a whole; a nurse may not.
        Map<String, Object> raised = api("POST", queries, monitor,
                "{\"subjectNumber\":\"BAD-001\",\"text\":\"Please check the date of consent against the signed form.\"}", 201);
        Map<String, Object> query = map(raised, "query");
        assertThat(query).containsEntry("status", "OPEN").containsEntry("subjectNumber", "BAD-001").containsEntry("origin", "MANUAL")
                .containsEntry("raisedBy", "monitor");
        assertThat(query.get("form")).isNull();
        String one = queries + "/" + query.get("id");
        api("POST", queries, nurse, "{\"subjectNumber\":\"BAD-001\",\"text\":\"A nurse's query\"}", 403);

        // The nurse answers; her close is refused; a stale version is a conflict; the monitor closes.
        api("POST", one + "/close", nurse, "{\"text\":\"Done.\"}", 403);
        Map<String, Object> answered = api("POST", one + "/answer", nurse, "{\"text\":\"Checked: consent was signed on 1 March.\"}", 200);
        assertThat(map(answered, "query")).containsEntry("status", "ANSWERED");
        assertThat(list(answered, "messages")).extracting(m -> m.get("kind"), m -> m.get("author")).containsExactly(
                org.assertj.core.api.Assertions.tuple("RAISED", "monitor"), org.assertj.core.api.Assertions.tuple("ANSWERED", "nurse"));
        api("POST", one + "/close", monitor, "{\"version\":" + query.get("version") + "}", 409);
        Map<String, Object> closed = api("POST", one + "/close", monitor, "{\"text\":\"Thank you.\"}", 200);
        assertThat(map(closed, "query")).containsEntry("status", "CLOSED");
        assertThat(map(closed, "query").get("closedAt")).isNotNull();
        api("POST", one + "/answer", nurse, "{\"text\":\"More.\"}", 400);

        // Re-opening is the monitor's, with a reason.
        api("POST", one + "/reopen", nurse, "{\"text\":\"Again.\"}", 403);
        assertThat(list(api("POST", one + "/reopen", monitor, "{}", 400), "fields")).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("field", "text").containsEntry("code", "validation.required"));
        assertThat(map(api("POST", one + "/reopen", monitor, "{\"text\":\"The source says 2 March.\"}", 200), "query"))
                .containsEntry("status", "OPEN");
        assertThat(map(api("GET", one, nurse, null, 200), "query")).containsEntry("status", "OPEN");

        // On a form and on an item of it; unknown places name their field.
        Map<String, Object> onItem = map(api("POST", queries, monitor, "{\"subjectNumber\":\"BAD-001\",\"visit\":\"baseline\","
                + "\"form\":\"baseline\",\"item\":\"vital_signs[1].weight\",\"text\":\"Weight in the source?\"}", 201), "query");
        assertThat(onItem).containsEntry("form", "baseline").containsEntry("item", "vital_signs[1].weight");
        assertThat(map(api("POST", queries, monitor, "{\"subjectNumber\":\"BAD-001\",\"visit\":\"baseline\",\"form\":\"baseline\","
                + "\"text\":\"Whole form?\"}", 201), "query")).containsEntry("form", "baseline");
        assertThat(list(api("POST", queries, monitor, "{\"subjectNumber\":\"BAD-001\",\"visit\":\"baseline\",\"form\":\"baseline\","
                + "\"item\":\"vital_signs[1].wingspan\",\"text\":\"?\"}", 400), "fields")).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("field", "item").containsEntry("code", "form.error.unknownItem"));
        assertThat(list(api("POST", queries, monitor, "{\"subjectNumber\":\"BAD-001\",\"visit\":\"baseline\",\"form\":\"baseline_imaging\","
                + "\"text\":\"?\"}", 400), "fields")).singleElement().satisfies(f -> assertThat(f).containsEntry("field", "form"));
        assertThat(list(api("POST", queries, monitor, "{\"subjectNumber\":\"NOBODY-9\",\"text\":\"?\"}", 400), "fields"))
                .singleElement().satisfies(f -> assertThat(f).containsEntry("field", "subjectNumber"));

        // Another site's query: the nurse neither reads nor answers it.
        Map<String, Object> other = map(api("POST", queries, monitor, "{\"subjectNumber\":\"API-OTHER\",\"text\":\"Other site\"}", 201),
                "query");
        api("GET", queries + "/" + other.get("id"), nurse, null, 403);
        assertThat(api("POST", queries + "/" + other.get("id") + "/answer", nurse, "{\"text\":\"Not mine.\"}", 403))
                .containsEntry("error", "forbidden");
        assertThat(list(api("GET", queries + "?max=500", nurse, null, 200), "queries")).extracting(q -> q.get("id"))
                .contains(query.get("id"), onItem.get("id")).doesNotContain(other.get("id"));

        // The OpenAPI document describes the new operations.
        assertThat(raw("GET", "/openapi", null, null).body()).contains("/studies/{studyId}/queries/{queryId}/answer")
                .contains("/studies/{studyId}/queries/{queryId}/close").contains("/studies/{studyId}/queries/{queryId}/reopen");
    }

    // ------------------------------------------------------------------ locked data by every path

    @Test
    @Order(13)
    void lockTheBaselineFormOfASubjectInTheDatabase() throws Exception {
        sql("update form_data set locked = true, locked_by = 'investigator' where form_id = 'baseline'"
                + " and subject_id = (select id from subject where subject_number = 'IMP-001')", 1);
    }

    @Test
    @Order(14)
    @RunAsClient
    void lockedFormsAndCasebooksTakeNoChangeThroughTheApiOrAnImport() {
        String nurse = tokenOf("nurse");
        String imp = "/api/studies/" + HCC + "/subjects/IMP-001/forms/baseline/1/baseline/1";
        Map<String, Object> before = api("GET", imp, nurse, null, 200);
        assertThat(before).containsEntry("locked", true);
        Map<String, Object> refused = api("PUT", imp, nurse, "{\"values\":{\"demographics[1].assessment_date\":\"2024-01-04\","
                + "\"vital_signs[1].weight\":\"61\"},\"reason\":\"new scale\",\"version\":" + before.get("version") + "}", 400);
        assertThat(refused).containsEntry("error", "invalid");
        assertThat(list(refused, "fields")).extracting(f -> f.get("code")).containsExactly("lock.formLocked");
        assertThat(api("GET", imp, nurse, null, 200)).containsEntry("version", before.get("version"))
                .satisfies(f -> assertThat(map(f, "values")).containsEntry("vital_signs[1].weight", "58.5"));
        Map<String, Object> imported = importFile(HCC, "baseline", "commit", "baseline.csv",
                "subject_number,weight\nIMP-001,61\n".getBytes(StandardCharsets.UTF_8), 422);
        assertThat(imported).containsEntry("status", "REJECTED");
        assertThat(list(imported, "problems")).filteredOn(p -> "error".equals(p.get("severity"))).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("code", "exchange.row.formLocked")
                .containsEntry("row", 2L));
        assertThat(api("GET", imp, nurse, null, 200)).containsEntry("version", before.get("version"));

        String locked = "/api/studies/" + HCC + "/subjects/LOCK-001/forms/baseline/1/baseline/1";
        Map<String, Object> casebook = api("PUT", locked, nurse, "{\"values\":{\"vital_signs[1].weight\":\"70\"}}", 400);
        assertThat(list(casebook, "fields")).extracting(f -> f.get("code")).containsExactly("lock.subjectLocked");
        assertThat(list(casebook, "fields").get(0).get("message")).asString().contains("LOCK-001");
        assertThat(api("GET", locked, nurse, null, 200)).containsEntry("state", "NOT_STARTED");
    }

    @Test
    @Order(15)
    void freezeTheNursesSiteInTheDatabase() throws Exception {
        sql("update site set status = 'FROZEN' where study_id = '" + HCC + "' and site_id = 'BTCH'", 1);
    }

    @Test
    @Order(16)
    @RunAsClient
    void aFrozenSiteTakesNoChangeThroughTheApiOrAnImport() {
        String nurse = tokenOf("nurse");
        String bad = "/api/studies/" + HCC + "/subjects/BAD-001/forms/baseline/1/baseline/1";
        Map<String, Object> before = api("GET", bad, nurse, null, 200);
        Map<String, Object> refused = api("PUT", bad, nurse, "{\"values\":{\"demographics[1].assessment_date\":\"2024-02-02\","
                + "\"vital_signs[1].weight\":\"67\"},\"version\":" + before.get("version") + "}", 400);
        assertThat(list(refused, "fields")).extracting(f -> f.get("code")).containsExactly("lock.siteNotActive");
        Map<String, Object> imported = importFile(HCC, "baseline", "commit", "baseline.csv",
                "subject_number,weight\nBAD-001,67\nAPI-OTHER,80\n".getBytes(StandardCharsets.UTF_8), 422);
        assertThat(list(imported, "problems")).filteredOn(p -> "error".equals(p.get("severity"))).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("code", "lock.siteNotActive")
                .containsEntry("row", 2L));
        assertThat(api("GET", bad, nurse, null, 200)).containsEntry("version", before.get("version"));
        assertThat(map(api("GET", "/api/studies/" + HCC + "/subjects/API-OTHER/forms/baseline/1/baseline/1", managerToken(), null, 200),
                "values")).doesNotContainKey("vital_signs[1].weight");
        // Queries can still be worked while the site is frozen.
        Map<String, Object> query = map(api("POST", "/api/studies/" + HCC + "/queries", tokenOf("monitor"),
                "{\"subjectNumber\":\"BAD-001\",\"text\":\"Raised during the freeze.\"}", 201), "query");
        api("POST", "/api/studies/" + HCC + "/queries/" + query.get("id") + "/close", tokenOf("monitor"), "{}", 200);
    }

    @Test
    @Order(17)
    void unfreezeTheSite() throws Exception {
        sql("update site set status = 'ACTIVE' where study_id = '" + HCC + "' and site_id = 'BTCH'", 1);
    }

    // -------------------------------------------------------------------- revoked and expired tokens

    @Test
    @Order(18)
    @RunAsClient
    void aRevokedTokenIsRefused() {
        WebClient nurseClient = new WebClient(base);
        nurseClient.login("nurse", "nurse-demo-2024");
        String revoked = token(nurseClient, "to be revoked");
        expiringToken = token(nurseClient, "to expire");
        api("GET", "/api/studies/" + HCC + "/subjects?max=1", expiringToken, null, 200);
        api("GET", "/api/studies/" + HCC + "/subjects?max=1", revoked, null, 200);
        WebClient.Page profile = nurseClient.get("/app/account/profile.xhtml");
        String prefix = revoked.substring(0, 12);
        org.jsoup.nodes.Element row = profile.document().select("[id$=tokenTable] tr").stream()
                .filter(r -> r.select("code").text().startsWith(prefix)).findFirst().orElseThrow();
        String button = row.select("button").attr("id");
        nurseClient.ajax(profile, "tokenForm", Map.of("primefaces.nonce", nonce(profile)), button);
        assertThat(api("GET", "/api/studies/" + HCC + "/subjects?max=1", revoked, null, 401)).containsEntry("error", "unauthorized");
    }

    @Test
    @Order(19)
    void letATokenExpire() throws Exception {
        sql("update api_token set expires_at = timestamp '2024-01-01 00:00:00' where name = 'to expire'", 1);
    }

    @Test
    @Order(20)
    @RunAsClient
    void anExpiredTokenIsRefused() {
        String expired = expiringToken;
        assertThat(expired).isNotNull();
        assertThat(api("GET", "/api/studies/" + HCC + "/subjects?max=1", expired, null, 401)).containsEntry("error", "unauthorized");
        assertThat(api("GET", "/api/studies/" + HCC + "/queries", expired, null, 401)).containsEntry("error", "unauthorized");
    }

    private void sql(String update, int rows) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(update)) {
            assertThat(s.executeUpdate()).as(update).isEqualTo(rows);
        }
    }

    /** A demo user's API token, created once on their profile page. */
    private String tokenOf(String user) {
        return TOKENS.computeIfAbsent(user, u -> {
            WebClient client = new WebClient(base);
            client.login(u, u + "-demo-2024");
            return token(client);
        });
    }

    private synchronized WebClient managerClient() {
        if (manager == null) {
            manager = new WebClient(base);
            manager.login("datamanager", "datamanager-demo-2024");
        }
        return manager;
    }

    private synchronized String managerToken() {
        if (managerToken == null) {
            managerToken = token(managerClient());
        }
        return managerToken;
    }

    /** Creates a personal API token on the profile page, as a user does. */
    private static String token(WebClient client) {
        return token(client, "exchange test");
    }

    private static String token(WebClient client, String name) {
        WebClient.Page profile = client.get("/app/account/profile.xhtml");
        // PrimeFaces' script sends the page's CSP nonce with every AJAX request; so does this client.
        WebClient.Page created = client.ajax(profile, "tokenForm", Map.of("tokenForm:tokenName", name,
                "tokenForm:tokenDays_input", "30", "tokenForm:tokenDays_hinput", "30", "primefaces.nonce", nonce(profile)), "tokenForm:create");
        Matcher m = TOKEN.matcher(created.body());
        assertThat(m.find()).as("token in " + created.body()).isTrue();
        return m.group();
    }

    private Map<String, Object> importFile(String study, String form, String mode, String fileName, byte[] content, int status) {
        String path = "/api/studies/" + study + "/imports?mode=" + mode + (form == null ? "" : "&form=" + form);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + managerToken())
                .header("X-File-Name", fileName).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
        assertThat(response.statusCode()).as(fileName + ": " + response.body()).isEqualTo(status);
        return JsonBody.map(response.body());
    }

    private Map<String, Object> api(String method, String path, String token, String json, int status) {
        HttpResponse<String> response = raw(method, path, token, json);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        return JsonBody.map(response.body());
    }

    private HttpResponse<String> raw(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", path.contains("/imports") ? "text/csv" : "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(request.build());
    }

    private URI uri(String path) {
        return path.startsWith("/openapi") ? URI.create(base.toString()).resolve("/openapi") : new WebClient(base).uri(path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int subjectCount(String prefix) {
        return ((Number) api("GET", "/api/studies/" + HCC + "/subjects?search=" + prefix, managerToken(), null, 200).get("total")).intValue();
    }

    private static List<CSVRecord> csv(byte[] body) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(text)).getRecords();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> json, String key) {
        return (Map<String, Object>) json.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> json, String key) {
        return (List<Map<String, Object>>) json.get(key);
    }
}
