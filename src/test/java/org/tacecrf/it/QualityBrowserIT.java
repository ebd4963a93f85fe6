package org.tacecrf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.tacecrf.it.support.Browser;
import org.tacecrf.it.support.Deployments;
import org.tacecrf.it.support.Flows;
import org.tacecrf.it.support.WebClient;

/**
 * Edit checks and queries in the browser: a soft check raises an automatic query that closes when
 * the data are corrected; a monitor raises a query at an item, the nurse answers, the monitor closes;
 * a monitor raises a query on the subject as a whole from the casebook page (its buttons' requests
 * sent over HTTP), where it is listed with its state and the nurse answers it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QualityBrowserIT {

    @ArquillianResource
    private URL base;
    private static Browser browser;
    private static String formUrl;
    private static String casebookUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void shotOnFailure(TestInfo info) {
        if (browser != null) {
            browser.debugShot("quality-" + info.getTestMethod().map(m -> m.getName()).orElse("test"));
        }
    }

    private Browser browser() {
        if (browser == null) {
            browser = new Browser(base);
        }
        return browser;
    }

    @Test
    @Order(1)
    void softCheckRaisesAnAutomaticQueryThatClosesWhenCorrected() {
        Browser b = browser();
        b.login("nurse", "nurse-demo-2024");
        casebookUrl = Flows.screenAndEnrol(b, "2024-03-01", "2024-03-02");
        Flows.openForm(b, "baseline", "Baseline");
        formUrl = b.driver().getCurrentUrl();
        b.type(Flows.item("total_bilirubin"), "20");
        b.type(Flows.item("direct_bilirubin"), "30");
        Flows.saveDraft(b);
        b.waitForText(By.id("entry:checks"), "bilirubin");
        assertThat(b.driver().findElement(Flows.itemCell("direct_bilirubin")).findElements(By.cssSelector(".item-query-open"))).hasSize(1);
        b.screenshot("edit-check-query");

        b.type(Flows.item("direct_bilirubin"), "8");
        Flows.saveDraft(b);
        b.waitForText(By.cssSelector(".ui-growl, #messages"), "Saved");
        assertThat(b.driver().findElement(Flows.itemCell("direct_bilirubin")).findElements(By.cssSelector(".item-query-open"))).isEmpty();
        assertThat(b.driver().findElement(Flows.itemCell("direct_bilirubin")).findElements(By.cssSelector(".item-query"))).hasSize(1);
        b.logout();
    }

    @Test
    @Order(2)
    void monitorRaisesAQueryTheNurseAnswersAndTheMonitorCloses() {
        Browser b = browser();
        b.login("monitor", "monitor-demo-2024");
        b.driver().get(formUrl);
        b.waitForText(By.tagName("h1"), "Baseline");
        b.click(b.driver().findElement(Flows.itemCell("total_bilirubin")).findElement(By.cssSelector(".item-query-raise")));
        b.type(By.id("queryForm:text"), "Please check total bilirubin against the lab report.");
        b.click(By.id("queryForm:raise"));
        b.waitForText(By.id("queryForm"), "raised");
        b.logout();

        b.login("nurse", "nurse-demo-2024");
        b.driver().get(formUrl);
        b.waitForText(By.tagName("h1"), "Baseline");
        b.click(b.driver().findElement(Flows.itemCell("total_bilirubin")).findElement(By.cssSelector(".item-query-open")));
        b.waitForText(By.id("queryForm"), "Please check total bilirubin");
        assertThat(b.driver().findElements(By.id("queryForm:close"))).isEmpty();
        b.type(By.id("queryForm:text"), "Checked: 20 umol/L is on the lab report.");
        b.screenshot("query-answer");
        b.click(By.id("queryForm:answer"));
        b.waitForText(By.id("queryForm"), "Answered");
        b.logout();

        b.login("monitor", "monitor-demo-2024");
        b.open("/app/queries.xhtml");
        b.selectOne("queries:status", "Answered");
        b.waitForText(By.id("queries:table"), "Please check total bilirubin");
        b.screenshot("query-list");
        b.click(By.cssSelector("[id$=':thread']"));
        b.waitForText(By.id("queryForm"), "Checked: 20 umol/L");
        b.click(By.id("queryForm:close"));
        b.waitForText(By.id("queryForm"), "Closed");
    }

    @Test
    @Order(3)
    void aMonitorFollowsAReportRowToTheItem() {
        Browser b = browser();
        b.logout();
        b.login("nurse", "nurse-demo-2024");
        b.driver().get(formUrl);
        b.waitForText(By.tagName("h1"), "Baseline");
        b.type(Flows.item("direct_bilirubin"), "25");
        Flows.saveDraft(b);
        b.waitForText(By.id("entry:checks"), "bilirubin");
        b.type(By.cssSelector("#entry\\:checks input[id$=confirm]"), "Conjugated hyperbilirubinaemia confirmed on the lab report");
        Flows.saveDraft(b);
        b.waitForText(By.cssSelector(".ui-growl, #messages"), "Saved");
        b.logout();

        b.login("monitor", "monitor-demo-2024");
        b.open("/app/reports.xhtml");
        b.click(By.xpath("//a[contains(., 'Overridden checks')]"));
        b.waitForText(By.id("reports:tabs:overrides"), "Conjugated hyperbilirubinaemia");
        b.screenshot("report-overridden-checks");
        b.click(By.cssSelector("[id$='overrides'] tbody a.app-link"));
        b.waitForText(By.tagName("h1"), "Baseline");
        assertThat(b.driver().findElement(Flows.itemCell("direct_bilirubin")).isDisplayed()).isTrue();
    }

    /** The casebook page's buttons, sent as their AJAX requests over HTTP: what the server does with each. */
    @Test
    @Order(4)
    void theCasebookPageRaisesListsAndAnswersQueriesOnTheSubject() {
        String page = casebookUrl.substring(casebookUrl.indexOf("/app/"));
        WebClient monitor = new WebClient(base);
        monitor.login("monitor", "monitor-demo-2024");
        WebClient.Page casebook = monitor.get(page);
        assertThat(casebook.element("[id='subjectQueries:raiseOnSubject']")).isNotNull();
        WebClient.Page started = monitor.ajax(casebook, "subjectQueries", java.util.Map.of(), "subjectQueries:raiseOnSubject");
        assertThat(started.body()).contains("New query on");
        WebClient.Page raised = monitor.ajax(casebook, "queryForm", java.util.Map.of("queryForm:text", "Date of birth as in the hospital record?"),
                "queryForm:raise");
        assertThat(raised.body()).contains("Query raised.");
        String list = monitor.get(page).element("[id='subjectQueries:list']").text();
        assertThat(list).contains("Date of birth as in the hospital record?").contains("Open").contains("monitor");

        WebClient nurse = new WebClient(base);
        nurse.login("nurse", "nurse-demo-2024");
        WebClient.Page nursePage = nurse.get(page);
        assertThat(nursePage.document().select("[id='subjectQueries:raiseOnSubject']")).isEmpty();
        org.jsoup.nodes.Element row = nursePage.document().select("[id='subjectQueries:list'] tr").stream()
                .filter(r -> r.text().contains("Date of birth as in the hospital record?")).findFirst().orElseThrow();
        String thread = row.select("[id$=':thread']").attr("id");
        WebClient.Page opened = nurse.ajax(nursePage, "subjectQueries", java.util.Map.of(), thread);
        assertThat(opened.body()).contains("Date of birth as in the hospital record?").doesNotContain("queryForm:close");
        WebClient.Page answered = nurse.ajax(nursePage, "queryForm", java.util.Map.of("queryForm:text", "1961, as in the record."),
                "queryForm:answer");
        assertThat(answered.body()).contains("Answer sent.");
        org.jsoup.nodes.Element after = nurse.get(page).document().select("[id='subjectQueries:list'] tr").stream()
                .filter(r -> r.text().contains("Date of birth as in the hospital record?")).findFirst().orElseThrow();
        assertThat(after.text()).contains("Answered");
    }
}
