package org.tacecrf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tacecrf.it.support.Deployments;
import org.tacecrf.it.support.WebClient;
import org.tacecrf.it.support.WebClient.Page;

/**
 * The foundation through HTTP, as a browser sees it: sign-in per role, lockout, role
 * authorisation of pages, user administration, forced password change, security headers and
 * error pages without stack traces.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FoundationIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @Test
    void loginPageIsServedWithSecurityHeadersAndNoScriptWithoutNonce() {
        HttpResponse<String> response = new WebClient(base).getRaw("/login.xhtml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().allValues("Content-Security-Policy"))
                .anySatisfy(csp -> assertThat(csp).contains("default-src 'self'").containsPattern("script-src 'self' 'nonce-[^']+';?$"));
        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(response.body()).doesNotContain("<script>").doesNotContain("<script type=\"text/javascript\">");
    }

    @Test
    void eachRoleSignsInAndSeesItsHomePage() {
        Map<String, String> roles = Map.of("nurse", "Research nurse", "investigator", "Investigator",
                "monitor", "Monitor", "datamanager", "Data manager");
        roles.forEach((user, roleLabel) -> {
            WebClient client = new WebClient(base);
            Page home = client.login(user, user + "-demo-2024");
            assertThat(home.uri().getPath()).isEqualTo("/app/home.xhtml");
            assertThat(home.text()).contains("Welcome").contains(roleLabel);
        });
    }

    @Test
    void unauthenticatedRequestsGoToTheLoginPageOrGet401() {
        WebClient client = new WebClient(base);
        HttpResponse<String> page = client.getRaw("/app/home.xhtml");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login.xhtml?continue="));
        HttpResponse<String> api = client.api("GET", "/api/studies", null, null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("\"status\":401");
    }

    @Test
    void wrongPasswordShowsAMessageAndFiveInARowLockTheAccount() {
        WebClient admin = new WebClient(base);
        admin.login("datamanager", "datamanager-demo-2024");
        createUser(admin, "lockme", "Lock Me", "NURSE", "Start-Password-1");

        WebClient client = new WebClient(base);
        Page failed = client.login("lockme", "wrong-password");
        assertThat(failed.text()).contains("The user name or password is not correct.");
        for (int i = 2; i <= 5; i++) {
            failed = client.login("lockme", "wrong-password");
        }
        assertThat(failed.text()).contains("locked");
        Page refused = client.login("lockme", "Start-Password-1");
        assertThat(refused.uri().getPath()).isEqualTo("/login.xhtml");
        assertThat(refused.text()).contains("locked");

        Page users = admin.get("/admin/users.xhtml");
        assertThat(users.text()).contains("lockme").contains("Locked");
        String rowUnlock = users.document().select("tr:has(#user-lockme) button[id$=unlock]").attr("id");
        Page dialog = admin.ajax(users, "users", Map.of(), rowUnlock);
        Page done = admin.ajax(dialog, "userForm", Map.of("userForm:reason", "Identity confirmed by phone"), "userForm:save");
        assertThat(done.body()).contains("unlocked");

        Page home = new WebClient(base).login("lockme", "Start-Password-1");
        assertThat(home.uri().getPath()).isEqualTo("/app/account/password.xhtml");
        assertThat(dialog.status()).isEqualTo(200);
    }

    @Test
    void newUserMustChangeTheTemporaryPasswordFirst() {
        WebClient admin = new WebClient(base);
        admin.login("datamanager", "datamanager-demo-2024");
        createUser(admin, "newnurse", "New Nurse", "NURSE", "Temporary-Pass-1");

        WebClient client = new WebClient(base);
        Page forced = client.login("newnurse", "Temporary-Pass-1");
        assertThat(forced.uri().getPath()).isEqualTo("/app/account/password.xhtml");
        assertThat(client.get("/app/home.xhtml").uri().getPath()).isEqualTo("/app/account/password.xhtml");

        Page weak = client.submit(forced, "password", Map.of("password:current", "Temporary-Pass-1",
                "password:proposed", "newnurse12345", "password:confirmation", "newnurse12345"), "password:save");
        assertThat(weak.text()).contains("must not contain the user name");

        Page changed = client.submit(weak, "password", Map.of("password:current", "Temporary-Pass-1",
                "password:proposed", "Hepatic-Artery-7", "password:confirmation", "Hepatic-Artery-7"), "password:save");
        assertThat(changed.uri().getPath()).as(changed.text()).isEqualTo("/app/home.xhtml");
        assertThat(changed.text()).contains("Your password has been changed");
    }

    @Test
    void userAdministrationRefusesBadInputAtTheField() {
        WebClient admin = new WebClient(base);
        Page users = admin.login("datamanager", "datamanager-demo-2024");
        users = admin.get("/admin/users.xhtml");
        Page dialog = admin.ajax(users, "users", Map.of(), "users:add");
        Page result = admin.ajax(dialog, "userForm", Map.of("userForm:username", "Bad Name", "userForm:fullName", "",
                "userForm:password", "short"), "userForm:save");
        assertThat(result.document().select("[id$=username] ~ .ui-message, .ui-message-error").text())
                .contains("lower-case").contains("A value is required").contains("at least 10");
        assertThat(admin.get("/admin/users.xhtml").text()).doesNotContain("Bad Name");
    }

    @Test
    void pagesAreAuthorisedByRoleOnTheServer() {
        WebClient nurse = new WebClient(base);
        nurse.login("nurse", "nurse-demo-2024");
        Page admin = nurse.get("/admin/users.xhtml");
        assertThat(admin.status()).isEqualTo(403);
        assertThat(admin.text()).contains("Not permitted").doesNotContain("Exception");
        assertThat(nurse.get("/app/sdv.xhtml").status()).isEqualTo(403);
        assertThat(nurse.get("/app/analysis.xhtml").status()).isEqualTo(403);
    }

    /** Every page, for every role: shown or refused, never a server error; also with absent or bad parameters. */
    @Test
    void everyPageOpensForEveryRoleOrIsRefused() {
        List<String> pages = List.of("/app/home.xhtml", "/app/subjects.xhtml", "/app/screening.xhtml", "/app/casebook.xhtml",
                "/app/casebook.xhtml?subject=999999", "/app/casebook.xhtml?subject=abc", "/app/form.xhtml",
                "/app/form.xhtml?formData=999999", "/app/form.xhtml?subject=1&visit=x&form=nope", "/app/queries.xhtml",
                "/app/deviations.xhtml", "/app/reports.xhtml", "/app/analysis.xhtml", "/app/data.xhtml", "/app/audit.xhtml",
                "/app/sdv.xhtml", "/app/account/password.xhtml", "/app/account/profile.xhtml", "/admin/users.xhtml",
                "/admin/study-status.xhtml", "/admin/audit-verification.xhtml");
        for (String user : List.of("nurse", "investigator", "monitor", "datamanager")) {
            WebClient client = new WebClient(base);
            client.login(user, user + "-demo-2024");
            for (String page : pages) {
                Page shown = client.get(page);
                assertThat(shown.status()).as(user + " " + page).isIn(200, 403, 404);
                assertThat(shown.text()).as(user + " " + page).doesNotContain("Something went wrong").doesNotContain("Exception");
            }
        }
    }

    @Test
    void unknownPageIsAFriendly404() {
        WebClient nurse = new WebClient(base);
        nurse.login("nurse", "nurse-demo-2024");
        Page missing = nurse.get("/app/no-such-page.xhtml");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).contains("Page not found").doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void apiWritesNeedATokenEvenWithASession() {
        WebClient nurse = new WebClient(base);
        nurse.login("nurse", "nurse-demo-2024");
        HttpResponse<String> write = nurse.api("POST", "/api/studies", null, "{}");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.body()).contains("API token");
    }

    static void createUser(WebClient admin, String username, String fullName, String role, String password) {
        Page users = admin.get("/admin/users.xhtml");
        Page dialog = admin.ajax(users, "users", Map.of(), "users:add");
        Page result = admin.ajax(dialog, "userForm", Map.of("userForm:username", username, "userForm:fullName", fullName,
                "userForm:roles", role, "userForm:sites", firstSite(dialog), "userForm:password", password), "userForm:save");
        assertThat(result.body()).contains("User " + username + " created");
    }

    private static String firstSite(Page dialog) {
        return dialog.document().select("select[id$=sites_input] option, [id$=sites] input[type=checkbox]").stream()
                .map(e -> e.attr("value")).filter(v -> v.contains("/") && !v.endsWith("/*")).findFirst()
                .orElseThrow(() -> new AssertionError("no site to choose"));
    }
}
