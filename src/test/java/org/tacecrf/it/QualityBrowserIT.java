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

    /** A query on the subject as a whole, raised and answered in the casebook page's dialog. */
    @Test
    @Order(4)
    void theCasebookPageRaisesListsAndAnswersQueriesOnTheSubject() {
        Browser b = browser();
        b.logout();
        b.login("monitor", "monitor-demo-2024");
        b.driver().get(casebookUrl);
        b.click(By.id("subjectQueries:raiseOnSubject"));
        b.waitForText(By.id("queryForm"), "New query on");
        b.type(By.id("queryForm:text"), "Date of birth as in the hospital record?");
        b.click(By.id("queryForm:raise"));
        b.waitForText(By.id("queryForm"), "raised");
        b.waitForText(By.id("subjectQueries:list"), "Date of birth as in the hospital record?");
        assertThat(b.driver().findElement(By.id("subjectQueries:list")).getText()).contains("Open").contains("monitor");
        b.logout();

        b.login("nurse", "nurse-demo-2024");
        b.driver().get(casebookUrl);
        b.waitForText(By.id("subjectQueries:list"), "Date of birth as in the hospital record?");
        assertThat(b.driver().findElements(By.id("subjectQueries:raiseOnSubject"))).isEmpty();
        b.click(By.cssSelector("[id^='subjectQueries:list'][id$=':thread']"));
        b.waitForText(By.id("queryForm"), "Date of birth as in the hospital record?");
        assertThat(b.driver().findElements(By.id("queryForm:close"))).isEmpty();
        b.type(By.id("queryForm:text"), "1961, as in the record.");
        b.click(By.id("queryForm:answer"));
        b.waitForText(By.id("queryForm"), "Answered");
        b.waitForText(By.id("subjectQueries:list"), "Answered");
        b.logout();
    }
}
