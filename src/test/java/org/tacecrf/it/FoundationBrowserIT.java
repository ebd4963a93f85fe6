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
import org.tacecrf.it.support.Browser;
import org.tacecrf.it.support.Deployments;

/** In a real browser: every role signs in to its home page; repeated bad passwords lock the account. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FoundationBrowserIT {

    @ArquillianResource
    private URL base;
    private static Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Opened in the first test, because the base URL is injected per test instance. */
    private Browser browser() {
        if (browser == null) {
            browser = new Browser(base);
        }
        return browser;
    }

    @Test
    @Order(1)
    void everyRoleSignsInAndSeesItsHomePage() {
        Browser b = browser();
        String[][] accounts = {{"nurse", "Research nurse"}, {"investigator", "Investigator"},
                {"monitor", "Monitor"}, {"datamanager", "Data manager"}};
        for (String[] account : accounts) {
            b.login(account[0], account[0] + "-demo-2024");
            assertThat(b.driver().getCurrentUrl()).endsWith("/app/home.xhtml");
            assertThat(b.pageText()).contains("Welcome").contains(account[1]).contains("My sites");
            if (account[0].equals("datamanager")) {
                assertThat(b.pageText()).contains("Accounts and sign-ins");
            }
            b.logout();
            assertThat(b.pageText()).contains("You have signed out");
        }
        b.screenshot("login");
    }

    @Test
    @Order(2)
    void repeatedBadPasswordsLockTheAccount() {
        Browser b = browser();
        for (int i = 0; i < 5; i++) {
            b.login("investigator", "not-the-password");
        }
        assertThat(b.driver().findElement(By.cssSelector(".ui-messages-error")).getText()).contains("locked");
        b.login("investigator", "investigator-demo-2024");
        assertThat(b.driver().getCurrentUrl()).contains("/login.xhtml");
        assertThat(b.pageText()).contains("locked");
    }
}
