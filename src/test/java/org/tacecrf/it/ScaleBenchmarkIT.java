package org.tacecrf.it;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;

import org.apache.commons.io.output.CountingOutputStream;
import org.apache.commons.io.output.NullOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tacecrf.application.casebook.CasebookService;
import org.tacecrf.application.exchange.ExportFormat;
import org.tacecrf.application.exchange.ExportService;
import org.tacecrf.application.reports.Dashboard;
import org.tacecrf.application.reports.DataQualityService;
import org.tacecrf.application.reports.ReportFilter;
import org.tacecrf.application.study.StudyRegistration;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.infrastructure.persistence.DatabaseMigration;
import org.tacecrf.it.support.Identities;
import org.tacecrf.it.support.Identities.As;
import org.tacecrf.it.support.WebClient;

/**
 * Not a test: measures the data-quality reports, the dashboard, the subject list and the exports
 * on a study of 10,000 subjects (about 60,000 visits, 48,000 forms, 240,000 values, 16,000
 * queries), written straight into the database. Each export runs in the server through the export
 * service as the data manager, to a stream that counts its bytes, and reports its time and the heap
 * it kept: live heap after a full collection before and after, the collections during it, and how
 * far the old generation grew during it (what a growing list of rows would fill once young
 * collections promote it; the young generation only holds short-lived garbage). Run with {@code mvn verify -Pscale -DskipUTs -Dit.test=ScaleBenchmarkIT}
 * and read the printed table; the figures are in docs/benchmarks.md.
 */
@ExtendWith(ArquillianExtension.class)
class ScaleBenchmarkIT {

    private static final String STUDY = "hcc-deb-sorafenib";
    private static final String[] SITES = {"LYCH", "DLZS", "BTCH"};
    private static final int SUBJECTS = Integer.getInteger("bench.subjects", 10_000);

    @Deployment
    static WebArchive deployment() throws Exception {
        WebArchive war = Identities.war(ScaleBenchmarkIT.class).addClasses(WebClient.class, WebClient.Page.class);
        war.addAsLibraries(new java.io.File(org.jsoup.Jsoup.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        return war;
    }

    @ArquillianResource
    private URL base;

    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    private DataSource dataSource;
    @EJB
    private Identities.Nurse nurse;
    @EJB
    private Identities.Investigator investigator;
    @EJB
    private Identities.Monitor monitor;
    @EJB
    private Identities.DataManager dataManager;
    @EJB
    private Identities.OtherInvestigator otherInvestigator;
    @Inject
    private DataQualityService reports;
    @Inject
    private Dashboard dashboard;
    @Inject
    private CasebookService casebook;
    @Inject
    private StudyRegistration registration;
    @Inject
    private ExportService exports;

    @Test
    void measure() throws Exception {
        long start = System.nanoTime();
        int[] counts = populate();
        System.out.printf("%n== Scale benchmark: %,d subjects, %,d visits, %,d forms, %,d values, %,d queries written in %.1f s%n",
                counts[0], counts[1], counts[2], counts[3], counts[4], (System.nanoTime() - start) / 1e9);
        Identities.Runners runners = new Identities.Runners(nurse, investigator, monitor, dataManager, otherInvestigator);
        StudyDefinition study = registration.definition(STUDY);
        ReportFilter filter = ReportFilter.of(STUDY);
        LocalDate today = LocalDate.now();
        Map<String, Callable<Object>> work = new LinkedHashMap<>();
        work.put("missing data", () -> reports.missingData(study, filter, today).size());
        work.put("overdue / out-of-window visits", () -> reports.visitWindows(study, filter, today).size());
        work.put("queries by status, site, form, age", () -> reports.queries(filter).open());
        work.put("overridden checks", () -> reports.overriddenChecks(filter).size());
        work.put("deviations by type and site", () -> reports.deviationsByTypeAndSite(filter).size());
        work.put("enrolment by site", () -> reports.enrolment(study, filter).months().size());
        work.put("data-entry lag", () -> reports.entryLag(filter).size());
        work.put("lock readiness", () -> reports.lockReadiness(study, filter).size());
        work.put("monitor dashboard", () -> dashboard.summary(study).queriesToClose().size());
        work.put("subject list, first page of 25", () -> casebook.subjects(STUDY, null, null, null, null, null, 0, 25, null, true).total());
        work.put("subject list, search 'LYCH-09'", () -> casebook.subjects(STUDY, "LYCH-09", null, null, null, null, 0, 25, null, true).total());
        work.put("subject list, forms not complete", () -> casebook.subjects(STUDY, null, null, null, null,
                org.tacecrf.infrastructure.persistence.PendingWork.INCOMPLETE_FORMS, 0, 25, null, true).total());
        work.put("subject list, forms not signed", () -> casebook.subjects(STUDY, null, null, null, null,
                org.tacecrf.infrastructure.persistence.PendingWork.UNSIGNED_FORMS, 0, 25, null, true).total());
        // Warm: the best of three runs, as the machine the figures come from is shared with other builds.
        System.out.printf("%-40s %10s %10s %10s%n", "work (as the monitor, all sites)", "first ms", "warm ms", "result");
        for (Map.Entry<String, Callable<Object>> entry : work.entrySet()) {
            long t0 = System.nanoTime();
            Object result = Identities.call(runners, As.MONITOR, entry.getValue());
            double first = (System.nanoTime() - t0) / 1e6;
            double warm = Double.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long t1 = System.nanoTime();
                Identities.call(runners, As.MONITOR, entry.getValue());
                warm = Math.min(warm, (System.nanoTime() - t1) / 1e6);
            }
            System.out.printf("%-40s %10.0f %10.0f %10s%n", entry.getKey(), first, warm, result);
        }
        pages();

        Map<String, Export> exportWork = new LinkedHashMap<>();
        exportWork.put("analysis data set, CSV", out -> exports.analysis(STUDY, ExportFormat.CSV, false, out));
        exportWork.put("analysis data set, XLSX", out -> exports.analysis(STUDY, ExportFormat.XLSX, false, out));
        exportWork.put("form baseline, CSV", out -> exports.form(STUDY, "baseline", ExportFormat.CSV, false, out));
        exportWork.put("form tace_session, CSV", out -> exports.form(STUDY, "tace_session", ExportFormat.CSV, false, out));
        exportWork.put("ODM 1.3.2 snapshot", out -> exports.odm(STUDY, false, false, out));
        System.out.printf("%-40s %12s %8s %10s %6s %11s %10s%n", "export (data manager, all sites)", "bytes", "s", "live MB", "GCs",
                "old gen +MB", "live after");
        for (Map.Entry<String, Export> entry : exportWork.entrySet()) {
            // Counts the bytes and forgets them.
            CountingOutputStream out = new CountingOutputStream(NullOutputStream.INSTANCE);
            long before = liveHeap();
            MemoryPoolMXBean old = oldGeneration();
            old.resetPeakUsage();
            long oldBefore = old.getUsage().getUsed();
            long collections = collections();
            long t0 = System.nanoTime();
            Identities.call(runners, As.DATA_MANAGER, () -> {
                entry.getValue().write(out);
                return null;
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            long oldGrowth = old.getPeakUsage().getUsed() - oldBefore;
            long during = collections() - collections;
            System.out.printf("%-40s %,12d %8.1f %10.1f %6d %11.1f %10.1f%n", entry.getKey(), out.getByteCount(), seconds, before / 1048576.0,
                    during, oldGrowth / 1048576.0, liveHeap() / 1048576.0);
        }
    }

    /**
     * What the monitor waits for: the whole page request (service calls, rendering, transfer) of the
     * home page, of the reports page opened on each tab, of a click on each tab (the AJAX request that
     * loads it, as the page's script sends it) and of applying a site filter, the first time and again.
     */
    private void pages() {
        WebClient web = new WebClient(base);
        WebClient.Page home = web.login("monitor", "monitor-demo-2024");
        web.ajax(home, "header", Map.of("header:study_input", STUDY, "jakarta.faces.behavior.event", "change",
                "jakarta.faces.partial.event", "change"), "header:study");
        List<String> tabs = List.of("missing", "visits", "queries", "overrides", "sae", "deviations", "enrolment", "lag", "readiness",
                "sdv");
        Map<String, Callable<WebClient.Page>> requests = new LinkedHashMap<>();
        requests.put("home page (monitor dashboard)", () -> web.get("/app/home.xhtml"));
        requests.put("reports page (opens on missing data)", () -> web.get("/app/reports.xhtml"));
        // Clicks on the tabs of one view, fetched just before: the server keeps a few views per session, not every one.
        WebClient.Page[] view = new WebClient.Page[1];
        for (int i = 0; i < tabs.size(); i++) {
            String tab = tabs.get(i);
            int index = i;
            requests.put("click on tab " + tab, () -> {
                if (view[0] == null) {
                    view[0] = web.get("/app/reports.xhtml?tab=readiness");
                }
                return web.ajax(view[0], "reports", Map.of("reports:tabs_contentLoad", "true",
                        "reports:tabs_currentTab", "reports:tabs:" + tab + "Tab", "reports:tabs_tabindex", String.valueOf(index)),
                        "reports:tabs", "reports:tabs", "reports:tabs");
            });
        }
        requests.put("apply a site filter (on missing data)", () -> web.ajax(view[0], "reports", Map.of("reports:site_input", SITES[0],
                "reports:tabs_activeIndex", "0"), "reports:apply", "reports", "reports"));
        for (String tab : tabs) {
            requests.put("reports page opened on " + tab, () -> web.get("/app/reports.xhtml?tab=" + tab));
        }
        requests.put("subject list", () -> web.get("/app/subjects.xhtml"));
        System.out.printf("%-40s %10s %10s %10s%n", "page request (monitor, all sites)", "first ms", "again ms", "kB");
        for (Map.Entry<String, Callable<WebClient.Page>> entry : requests.entrySet()) {
            try {
                long t0 = System.nanoTime();
                WebClient.Page first = entry.getValue().call();
                long t1 = System.nanoTime();
                WebClient.Page again = entry.getValue().call();
                long t2 = System.nanoTime();
                boolean ok = first.status() == 200 && again.status() == 200 && !again.body().contains("<error")
                        && !again.body().contains("<redirect");
                System.out.printf("%-40s %10.0f %10.0f %10d%s%n", entry.getKey(), (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                        again.body().length() / 1024, ok ? "" : "  (HTTP " + first.status() + ", " + again.status() + ": "
                        + again.body().substring(0, Math.min(300, again.body().length())) + ")");
            } catch (Exception e) {
                System.out.printf("%-40s failed: %s%n", entry.getKey(), e);
            }
        }
    }

    /** An export written to a stream. */
    private interface Export {
        void write(OutputStream out) throws IOException;
    }

    /** Heap in use after a full collection (the serial collector the tests run with honours the request). */
    private static long liveHeap() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    /** Collections so far, all collectors: those during an export show its garbage was collected, not kept. */
    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static MemoryPoolMXBean oldGeneration() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured")).findFirst().orElseThrow();
    }

    /**
     * The items the benchmark fills on each form: its first five entered numeric items, so the
     * exports and derivations read real values; forms with fewer are topped up with items the study
     * does not define, which every reader skips, to keep five values a form.
     */
    private static List<String[]> benchItems(StudyDefinition study, String formId) {
        List<String[]> items = new ArrayList<>();
        FormDef form = study.form(formId).orElseThrow();
        for (ItemGroupDef group : form.groups()) {
            for (ItemDef item : group.items()) {
                if (items.size() < 5 && item.numeric() && !item.calculated()) {
                    items.add(new String[] {group.id(), item.id()});
                }
            }
        }
        for (int k = items.size(); k < 5; k++) {
            items.add(new String[] {"g", "bench_item_" + k});
        }
        return items;
    }

    /** Writes the study with plain JDBC batches; returns subjects, visits, forms, values, queries. */
    private int[] populate() throws Exception {
        Random random = new Random(7);
        int visits = 0;
        int forms = 0;
        int values = 0;
        int queries = 0;
        Timestamp now = Timestamp.from(Instant.now());
        StudyDefinition study = registration.definition(STUDY);
        Map<String, List<String[]>> benchItems = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long visitId = 1_000_000;
            long formId = 1_000_000;
            long itemId = 1_000_000;
            try (PreparedStatement subject = c.prepareStatement("insert into subject (id, study_id, site_id, subject_number, arm_id,"
                    + " consent_date, enrolment_date, status, locked, created_at, created_by, version) values (?,?,?,?,?,?,?,?,false,?,?,0)");
                 PreparedStatement visit = c.prepareStatement("insert into visit (id, subject_id, visit_id, repeat_key, visit_date,"
                         + " created_at, created_by, version) values (?,?,?,?,?,?,?,0)");
                 PreparedStatement form = c.prepareStatement("insert into form_data (id, visit_ref, subject_id, form_id, repeat_key, state,"
                         + " locked, created_at, created_by, updated_at, updated_by, version) values (?,?,?,?,?,?,false,?,?,?,?,0)");
                 PreparedStatement item = c.prepareStatement("insert into item_data (id, form_ref, subject_id, group_id, group_repeat,"
                         + " item_id, value_text, value_number, value_date, updated_at, updated_by, version) values (?,?,?,?,1,?,?,?,?,?,?,0)");
                 PreparedStatement query = c.prepareStatement("insert into data_query (study_id, site_id, subject_id, form_ref, form_id,"
                         + " origin, status, text, raised_by, raised_at, updated_at, version) values (?,?,?,?,?,?,?,?,?,?,?,0)")) {
                for (int n = 1; n <= SUBJECTS; n++) {
                    long subjectId = 1_000_000 + n;
                    String site = SITES[n % SITES.length];
                    LocalDate enrolled = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(900));
                    subject.setLong(1, subjectId);
                    subject.setString(2, STUDY);
                    subject.setString(3, site);
                    subject.setString(4, site + "-" + String.format("%05d", n));
                    subject.setString(5, random.nextBoolean() ? "deb_tace" : "deb_tace_sorafenib");
                    subject.setObject(6, enrolled.minusDays(2));
                    subject.setObject(7, enrolled);
                    subject.setString(8, "ON_STUDY");
                    subject.setTimestamp(9, now);
                    subject.setString(10, "bench");
                    subject.addBatch();
                    List<Object[]> plan = new ArrayList<>();
                    plan.add(new Object[] {"screening", 1, enrolled, new String[] {"enrolment"}});
                    plan.add(new Object[] {"baseline", 1, enrolled.plusDays(3), new String[] {"baseline"}});
                    int sessions = 1 + random.nextInt(3);
                    for (int s = 1; s <= sessions; s++) {
                        plan.add(new Object[] {"tace", s, enrolled.plusDays(5 + 45L * (s - 1)), new String[] {"tace_session"}});
                    }
                    plan.add(new Object[] {"fu_1m", 1, random.nextInt(5) == 0 ? null : enrolled.plusDays(35 + random.nextInt(20)),
                            new String[] {"imaging_assessment"}});
                    plan.add(new Object[] {"logs", 1, null, new String[0]});
                    for (Object[] v : plan) {
                        visitId++;
                        visit.setLong(1, visitId);
                        visit.setLong(2, subjectId);
                        visit.setString(3, (String) v[0]);
                        visit.setInt(4, (Integer) v[1]);
                        visit.setObject(5, v[2]);
                        visit.setTimestamp(6, now);
                        visit.setString(7, "bench");
                        visit.addBatch();
                        visits++;
                        if (v[2] == null) {
                            continue;
                        }
                        for (String formName : (String[]) v[3]) {
                            formId++;
                            form.setLong(1, formId);
                            form.setLong(2, visitId);
                            form.setLong(3, subjectId);
                            form.setString(4, formName);
                            form.setInt(5, 1);
                            form.setString(6, random.nextInt(4) == 0 ? "IN_PROGRESS" : "COMPLETE");
                            Timestamp entered = Timestamp.from(((LocalDate) v[2]).plusDays(random.nextInt(30)).atStartOfDay()
                                    .toInstant(java.time.ZoneOffset.UTC));
                            form.setTimestamp(7, entered);
                            form.setString(8, "bench");
                            form.setTimestamp(9, entered);
                            form.setString(10, "bench");
                            form.addBatch();
                            forms++;
                            for (String[] benchItem : benchItems.computeIfAbsent(formName, f -> benchItems(study, f))) {
                                itemId++;
                                item.setLong(1, itemId);
                                item.setLong(2, formId);
                                item.setLong(3, subjectId);
                                item.setString(4, benchItem[0]);
                                item.setString(5, benchItem[1]);
                                item.setString(6, null);
                                item.setBigDecimal(7, java.math.BigDecimal.valueOf(random.nextInt(1000)));
                                item.setObject(8, null);
                                item.setTimestamp(9, now);
                                item.setString(10, "bench");
                                item.addBatch();
                                values++;
                            }
                            if (random.nextInt(3) == 0) {
                                query.setString(1, STUDY);
                                query.setString(2, site);
                                query.setLong(3, subjectId);
                                query.setLong(4, formId);
                                query.setString(5, formName);
                                query.setString(6, random.nextBoolean() ? "AUTO" : "MANUAL");
                                query.setString(7, new String[] {"OPEN", "ANSWERED", "CLOSED"}[random.nextInt(3)]);
                                query.setString(8, "Please check");
                                query.setString(9, "monitor");
                                Timestamp raised = Timestamp.from(Instant.now().minusSeconds(86_400L * random.nextInt(120)));
                                query.setTimestamp(10, raised);
                                query.setTimestamp(11, raised);
                                query.addBatch();
                                queries++;
                            }
                        }
                    }
                    if (n % 500 == 0) {
                        subject.executeBatch();
                        visit.executeBatch();
                        form.executeBatch();
                        item.executeBatch();
                        query.executeBatch();
                        c.commit();
                    }
                }
                subject.executeBatch();
                visit.executeBatch();
                form.executeBatch();
                item.executeBatch();
                query.executeBatch();
                c.commit();
            }
            try (Statement s = c.createStatement()) {
                s.execute("update data_query set closed_at = updated_at, closed_by = 'monitor' where status = 'CLOSED'");
            }
            c.commit();
        }
        return new int[] {SUBJECTS, visits, forms, values, queries};
    }
}
