package org.tacecrf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.tacecrf.it.support.Browser;
import org.tacecrf.it.support.Deployments;
import org.tacecrf.it.support.Flows;

/**
 * The tour of docs/tour.md on the demo cohorts (server started with cohorts of the CRLM and the
 * layered-embolization studies): each demo user signs in and visits what the tour and the user
 * guides show, and the screenshots of the guides are taken here, so they stay current.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TourBrowserIT {

    private static final String CRLM = "crlm-deb-vs-ctace";
    private static final String LAYERED = "layered-embolization";

    @ArquillianResource
    private URL base;
    private static Browser browser;

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-demo")
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
            browser.debugShot("tour-" + info.getTestMethod().map(m -> m.getName()).orElse("test"));
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
    void dataManagerFollowsTheDemoCohortsAndBuildsTheStudyTables() throws InterruptedException {
        Browser b = browser();
        b.login("datamanager", "datamanager-demo-2024");
        b.waitVisible(By.id("demo:cohorts"));
        b.screenshot("tour-datamanager-cohorts-running");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline)) {
            String text;
            try {
                text = b.driver().findElement(By.id("demo:cohorts")).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                continue; // the table refreshed itself between finding and reading it
            }
            assertThat(text).doesNotContain("Stopped");
            if (!text.contains("Waiting") && !text.contains("Entering")) {
                break;
            }
            Thread.sleep(3000);
        }
        b.open("/app/home.xhtml");
        b.waitForText(By.id("demo:cohorts"), "33 / 33");
        b.waitForText(By.id("demo:cohorts"), "22 / 22");
        b.screenshot("tour-datamanager-home");

        selectStudy(b, LAYERED);
        b.open("/app/analysis.xhtml");
        b.click(By.id("options:compute"));
        WebElement response = b.waitVisible(By.cssSelector("section[data-table='response-mrecist']"));
        quiet(b);
        assertThat(response.getText()).contains("7 (25.9%)").contains("18 (66.7%)").contains("2 (7.4%)");
        scrollTo(b, response);
        b.screenshot("tour-analysis-response");
        WebElement events = b.waitVisible(By.cssSelector("section[data-table='ae-patients']"));
        assertThat(events.getText()).contains("28 (84.8%)");
        scrollTo(b, events);
        b.screenshot("tour-analysis-adverse-events");

        b.open("/admin/users.xhtml");
        assertThat(b.pageText()).contains("demo-generator");
        b.screenshot("tour-users");
        b.open("/app/data.xhtml");
        b.screenshot("tour-data");
        b.logout();
    }

    @Test
    @Order(2)
    void nurseWorksThroughTheCasebooks() {
        Browser b = browser();
        b.login("nurse", "nurse-demo-2024");
        selectStudy(b, CRLM);
        b.open("/app/home.xhtml");
        b.screenshot("tour-nurse-home");
        b.open("/app/subjects.xhtml");
        b.waitVisible(By.cssSelector("a.subject-link"));
        assertThat(b.driver().findElements(By.cssSelector("a.subject-link"))).hasSizeGreaterThanOrEqualTo(20);
        assertThat(b.pageText()).contains("Died");
        b.screenshot("tour-subjects");
        b.click(b.driver().findElements(By.cssSelector("a.subject-link")).get(2));
        b.waitForText(By.tagName("h1"), "Casebook");
        b.screenshot("tour-casebook");

        b.click(By.cssSelector("tr[data-visit=tace] a.cell"));
        b.waitForText(By.tagName("h1"), "TACE session");
        b.screenshot("tour-tace-form");
        b.driver().navigate().back();
        b.waitForText(By.tagName("h1"), "Casebook");
        b.click(By.cssSelector("tr[data-visit=response] a.cell"));
        b.waitForText(By.tagName("h1"), "Tumour response assessment");
        b.screenshot("tour-imaging-form");
        WebElement computed = b.waitVisible(Flows.itemCell("mrecist_derived"));
        scrollTo(b, computed);
        b.screenshot("tour-imaging-response");

        b.open("/app/screening.xhtml");
        assertThat(b.pageText()).contains("Not eligible");
        b.screenshot("tour-screening-log");
        b.logout();
    }

    @Test
    @Order(3)
    void investigatorReviewsAndSigns() {
        Browser b = browser();
        b.login("investigator", "investigator-demo-2024");
        selectStudy(b, LAYERED);
        b.open("/app/home.xhtml");
        b.screenshot("tour-investigator-home");
        b.open("/app/subjects.xhtml");
        b.click(b.waitVisible(By.cssSelector("a.subject-link")));
        b.waitForText(By.tagName("h1"), "Casebook");
        b.screenshot("tour-investigator-casebook");
        b.logout();
    }

    @Test
    @Order(4)
    void monitorFollowsQueriesDeviationsAndVerification() {
        Browser b = browser();
        b.login("monitor", "monitor-demo-2024");
        selectStudy(b, LAYERED);
        b.open("/app/home.xhtml");
        b.screenshot("tour-monitor-home");
        b.open("/app/queries.xhtml");
        assertThat(b.pageText()).contains("mRECIST");
        b.screenshot("tour-queries");
        b.open("/app/sdv.xhtml");
        b.screenshot("tour-sdv");
        b.open("/app/reports.xhtml");
        b.screenshot("tour-reports");
        selectStudy(b, CRLM);
        b.open("/app/deviations.xhtml");
        assertThat(b.pageText()).contains("outside its window");
        b.screenshot("tour-deviations");
        b.logout();
    }

    /** Chooses the study in the header (the page reloads with it). */
    private static void selectStudy(Browser b, String studyId) {
        b.open("/app/home.xhtml");
        WebElement select = b.driver().findElement(By.id("header:study_input"));
        String current = (String) ((JavascriptExecutor) b.driver()).executeScript("return arguments[0].value;", select);
        if (studyId.equals(current)) {
            return;
        }
        ((JavascriptExecutor) b.driver()).executeScript(
                "var w = PrimeFaces.getWidgetById('header:study'); w.selectValue(arguments[0]); w.input.trigger('change');", studyId);
        b.waitForAjax();
        b.waitVisible(By.id("header:study"));
        b.open("/app/home.xhtml");
        String chosen = (String) ((JavascriptExecutor) b.driver()).executeScript("return arguments[0].value;",
                b.driver().findElement(By.id("header:study_input")));
        assertThat(chosen).isEqualTo(studyId);
    }

    /** Waits for the busy overlay to go and dismisses the growl, so neither covers the screenshot. */
    private static void quiet(Browser b) {
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> d.findElements(
                By.cssSelector(".ui-blockui")).stream().noneMatch(WebElement::isDisplayed));
        ((JavascriptExecutor) b.driver()).executeScript("document.querySelectorAll('.ui-growl-item-container').forEach(e => e.remove());");
    }

    private static void scrollTo(Browser b, WebElement element) {
        ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -80);", element);
    }
}
