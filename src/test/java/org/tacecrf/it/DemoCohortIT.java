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
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tacecrf.it.support.Deployments;
import org.tacecrf.it.support.WebClient;
import org.tacecrf.it.support.WebClient.Page;

/**
 * The demo cohorts on a server started with them on (two small studies): the login page answers at
 * once while the cohorts are entered in the background; the data manager follows the progress on
 * the home page until every cohort is complete; the system account that enters them cannot sign in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DemoCohortIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-demo")
    static WebArchive deployment() {
        return Deployments.war();
    }

    @Test
    void cohortsAreEnteredInTheBackgroundAndTheDataManagerSeesTheProgress() throws InterruptedException {
        assertThat(new WebClient(base).getRaw("/login.xhtml").statusCode()).isEqualTo(200);
        WebClient dataManager = new WebClient(base);
        Page home = dataManager.login("datamanager", "datamanager-demo-2024");
        assertThat(home.text()).contains("Demo cohorts");
        Instant start = Instant.now();
        Instant deadline = start.plus(Duration.ofMinutes(10));
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            Page page = dataManager.get("/app/home.xhtml");
            Element table = page.element("[id='demo:cohorts']");
            last = table == null ? page.text() : table.text();
            assertThat(last).doesNotContain("Stopped");
            if (last.contains("layered-embolization") && last.contains("crlm-deb-vs-ctace")
                    && !last.contains("Waiting") && !last.contains("Entering")) {
                break;
            }
            Thread.sleep(3000);
        }
        System.out.println("Demo cohorts entered in " + Duration.between(start, Instant.now()).toSeconds() + " s: " + last);
        assertThat(last).contains("33 / 33").contains("22 / 22").doesNotContain("Entering");
        Page refused = new WebClient(base).login("demo-generator", "any-password-at-all");
        assertThat(refused.uri().getPath()).endsWith("/login.xhtml");
    }
}
