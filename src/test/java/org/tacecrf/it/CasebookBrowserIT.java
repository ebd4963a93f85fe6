package org.tacecrf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tacecrf.it.support.Browser;
import org.tacecrf.it.support.Deployments;
import org.tacecrf.it.support.Flows;

/**
 * A research nurse in a real browser: screens a patient against the eligibility checklist, enrols
 * them, opens the casebook, and fills forms whose fields are rendered from the study definition.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CasebookBrowserIT {

    @ArquillianResource
    private URL base;
    private static Browser browser;
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

    @org.junit.jupiter.api.AfterEach
    void shotOnFailure(org.junit.jupiter.api.TestInfo info) {
        if (browser != null) {
            browser.debugShot(info.getTestMethod().map(m -> m.getName()).orElse("test"));
        }
    }

    private Browser browser() {
        if (browser == null) {
            browser = new Browser(base);
            browser.login("nurse", "nurse-demo-2024");
        }
        return browser;
    }

    @Test
    @Order(1)
    void nurseScreensEnrolsAndOpensTheCasebook() {
        Browser b = browser();
        b.open("/app/screening.xhtml");
        assertThat(b.driver().findElements(By.cssSelector("tr[data-criterion]"))).isNotEmpty();
        b.screenshot("screening");
        casebookUrl = Flows.screenAndEnrol(b, "2024-03-01", "2024-03-02");
        assertThat(b.pageText()).contains("enrolled").contains("Baseline").contains("Not started");
        b.screenshot("casebook");
    }

    @Test
    @Order(2)
    void baselineFormShowsFieldErrorsAndSaves() {
        Browser b = browser();
        Flows.openForm(b, "baseline", "Baseline");
        WebElement weight = b.driver().findElement(By.cssSelector("[data-item='vital_signs[1].weight'] input"));
        weight.sendKeys("72,5");
        b.click(By.cssSelector("[data-item='vital_signs[1].height'] input"));
        b.waitForAjax();
        b.waitForText(By.cssSelector("[data-item='vital_signs[1].weight']"), "decimal comma");
        b.type(By.cssSelector("[data-item='vital_signs[1].weight'] input"), "72.5");
        b.type(By.cssSelector("[data-item='vital_signs[1].height'] input"), "170");
        b.click(By.id("entry:save"));
        b.waitForAjax();
        b.waitForText(By.cssSelector(".ui-growl, #messages"), "Saved");
        b.screenshot("baseline-form");
    }

    @Test
    @Order(3)
    void investigatorSignsTheEnrolmentFormAndSeesTheManifestation() {
        Browser b = browser();
        b.logout();
        b.login("investigator", "investigator-demo-2024");
        b.driver().get(casebookUrl);
        b.click(By.xpath("//tr[@data-visit='screening']//a[contains(@class,'cell')][.//span[contains(., 'Enrolment')]]"));
        b.waitForText(By.tagName("h1"), "Enrolment");
        b.click(By.id("entry:complete"));
        b.waitForAjax();
        b.click(By.id("reviewActions:sign"));
        b.waitVisible(By.id("signForm:password"));
        assertThat(b.driver().findElement(By.id("signForm")).getText())
                .contains("I have reviewed these data and confirm they are accurate.").contains("Dr Wang Wei");
        b.type(By.id("signForm:username"), "investigator");
        b.type(By.id("signForm:password"), "investigator-demo-2024");
        b.screenshot("signature-dialog");
        b.click(By.id("signForm:confirm"));
        b.waitForText(By.cssSelector(".signature"), "Dr Wang Wei (investigator)");
        assertThat(b.driver().findElement(By.cssSelector(".signature")).getText())
                .contains("I have reviewed these data and confirm they are accurate.").contains("UTC").contains("Valid");
        b.screenshot("signed-form");
    }
}
