package org.tacecrf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * The foundation through HTTP, as a browser sees it: sign-in per role with role and site in the
 * header, lockout and its period, sign-in events with time and address, idle timeout, role
 * authorisation of pages, user administration taking effect, forced password change, security
 * headers, refusal of posts without their ViewState, and error pages without stack traces.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FoundationIT {

    /** A source address as the server records it (IPv4 or IPv6; which one depends on the host). */
    private static final Pattern ADDRESS = Pattern.compile("\\b(\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-f]*:[0-9a-f:]+)\\b");
    /** An event time as the pages show it: today, to the second, in the server's zone. */
    private static final Pattern TODAY_TIME = Pattern.compile(Pattern.quote(LocalDate.now().toString()) + " \\d{2}:\\d{2}:\\d{2}");

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
            // Visible in the header itself, not only inside the user menu.
            assertThat(home.document().select("header #headerRole").text()).as(user).isEqualTo(roleLabel);
            assertThat(home.document().select("header #headerSite").text()).as(user).isNotBlank();
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
        // The lock ends by itself after the lockout period (15 minutes), shown to the minute in the server's zone.
        Matcher until = Pattern.compile("locked after repeated failed sign-ins until (\\d{2}:\\d{2})").matcher(refused.text());
        assertThat(until.find()).as(refused.text()).isTrue();
        long minutesAhead = Duration.between(LocalTime.now().truncatedTo(ChronoUnit.MINUTES), LocalTime.parse(until.group(1)))
                .plusDays(1).toMinutes() % (24 * 60);
        assertThat(minutesAhead).isBetween(14L, 15L);

        List<String> events = rows(admin.get("/app/home.xhtml"), "securityEvents");
        assertThat(events).anySatisfy(row -> assertThat(row).contains("lockme").contains("Locked out").containsPattern(ADDRESS)
                .containsPattern(TODAY_TIME));
        assertThat(events).anySatisfy(row -> assertThat(row).contains("lockme").contains("Sign-in while locked").containsPattern(ADDRESS));

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

    @Test
    void idleSessionTimeoutComesFromTheSettings() {
        WebClient nurse = new WebClient(base);
        nurse.login("nurse", "nurse-demo-2024");
        // The ITs start the server with a timeout unlike web.xml's 30 minutes (arquillian.xml).
        int minutes = Integer.getInteger("it.session.timeout-minutes", 20);
        Page profile = nurse.get("/app/account/profile.xhtml");
        assertThat(profile.element("#sessionTimeout").text()).isEqualTo("Ends after " + minutes + " minutes without activity");
    }

    @Test
    void signInsFailuresAndSignOutsAreRecordedWithTimeAndAddress() {
        WebClient admin = new WebClient(base);
        admin.login("datamanager", "datamanager-demo-2024");
        createUser(admin, "traced", "Traced User", "MONITOR", "Temporary-Pass-2");

        WebClient client = new WebClient(base);
        assertThat(client.login("traced", "not-the-password").uri().getPath()).isEqualTo("/login.xhtml");
        Page home = changePassword(client, client.login("traced", "Temporary-Pass-2"), "Temporary-Pass-2", "Sinusoid-Flow-8");
        Page signedOut = client.submit(home, "header", Map.of(), "header:logout");
        assertThat(signedOut.uri().getPath()).isEqualTo("/login.xhtml");
        assertThat(client.getRaw("/app/home.xhtml").statusCode()).isEqualTo(302);

        List<String> mine = rows(client.login("traced", "Sinusoid-Flow-8"), "mySignIns");
        assertThat(mine).hasSize(5);
        List<String> expected = List.of("Signed in", "Signed out", "Password changed", "Signed in", "Failed sign-in");
        for (int i = 0; i < expected.size(); i++) {
            assertThat(mine.get(i)).contains(expected.get(i)).containsPattern(ADDRESS).containsPattern(TODAY_TIME);
        }
    }

    /**
     * A post with a forged or missing ViewState (what a cross-site form would send) is refused as
     * an expired view: the action is not performed and the page says so without a stack trace.
     */
    @Test
    void formsPostedWithoutTheirViewStateAreRefusedAsExpired() {
        WebClient admin = new WebClient(base);
        admin.login("datamanager", "datamanager-demo-2024");
        createUser(admin, "forged", "Forged Target", "NURSE", "Temporary-Pass-3");

        WebClient client = new WebClient(base);
        Page form = client.login("forged", "Temporary-Pass-3");
        assertThat(form.uri().getPath()).isEqualTo("/app/account/password.xhtml");
        Map<String, String> change = Map.of("password:current", "Temporary-Pass-3", "password:proposed", "Forged-Password-9",
                "password:confirmation", "Forged-Password-9");
        for (String viewState : List.of("-4421337:9009", "")) {
            Map<String, String> values = new HashMap<>(change);
            values.put("jakarta.faces.ViewState", viewState);
            Page expired = client.submit(form, "password", values, "password:save");
            assertThat(expired.text()).as("ViewState '" + viewState + "'").contains("Page expired")
                    .doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at jakarta.");
        }
        Page users = admin.get("/admin/users.xhtml");
        Page dialog = admin.ajax(users, "users", Map.of(), "users:add");
        Page forgedAjax = admin.ajax(dialog, "userForm", Map.of("userForm:username", "intruder", "userForm:fullName", "Intruder",
                "userForm:roles", "DATA_MANAGER", "userForm:sites", firstSite(dialog), "userForm:password", "Intruder-Pass-1",
                "jakarta.faces.ViewState", "-1:1"), "userForm:save");
        assertThat(forgedAjax.body()).contains("<redirect").contains("/error/expired.xhtml").doesNotContain("created");

        assertThat(admin.get("/admin/users.xhtml").text()).doesNotContain("intruder");
        assertThat(new WebClient(base).login("forged", "Forged-Password-9").uri().getPath()).isEqualTo("/login.xhtml");
        assertThat(new WebClient(base).login("forged", "Temporary-Pass-3").uri().getPath()).isEqualTo("/app/account/password.xhtml");
    }

    /** An unexpected failure in a request shows the 500 page with an incident number, never a stack trace. */
    @Test
    void anUnexpectedFailureShowsTheErrorPageWithAnIncidentNumber() {
        WebClient admin = new WebClient(base);
        admin.login("datamanager", "datamanager-demo-2024");
        Page users = admin.get("/admin/users.xhtml");
        // A sort request naming two columns but one direction fails inside PrimeFaces: a failure no page handles.
        Page failed = admin.ajax(users, "users", Map.of("users:userTable_sorting", "true",
                "users:userTable_sortKey", "users:userTable:j_idt1,users:userTable:j_idt2", "users:userTable_sortDir", "1",
                "users:userTable_encodeFeature", "true"), "users:userTable");
        Matcher redirect = Pattern.compile("<redirect url=\"([^\"]+)\"").matcher(failed.body());
        assertThat(redirect.find()).as(failed.body()).isTrue();
        String location = redirect.group(1).replace("&amp;", "&");
        assertThat(location).contains("/error/500.xhtml?incident=");
        Page error = admin.get(location.substring(location.indexOf("/error/")));
        assertThat(error.text()).contains("Something went wrong").contains("Incident number")
                .contains(location.substring(location.indexOf("incident=") + 9))
                .doesNotContain("Exception").doesNotContain("sortKeys").doesNotContain("at org.");
    }

    /**
     * The data manager's administration takes effect at the user's next sign-in: a reset password
     * must be changed, new roles and sites are what the user works with, a disabled account is
     * refused until enabled again; every change is in the audit trail.
     */
    @Test
    void userAdministrationTakesEffectAtTheNextSignInAndIsAudited() {
        WebClient admin = new WebClient(base);
        admin.login("datamanager", "datamanager-demo-2024");
        createUser(admin, "rotanurse", "Rota Nurse", "NURSE", "Start-Password-2");
        WebClient client = new WebClient(base);
        Page home = changePassword(client, client.login("rotanurse", "Start-Password-2"), "Start-Password-2", "Portal-Vein-42");
        assertThat(home.document().select("header #headerRole").text()).isEqualTo("Research nurse");

        Page reset = rowAction(admin, "rotanurse", "pi-key",
                Map.of("userForm:password", "Reset-Password-3", "userForm:reason", "Forgot the password, identity checked"));
        assertThat(reset.body()).contains("Password of rotanurse reset");
        assertThat(new WebClient(base).login("rotanurse", "Portal-Vein-42").uri().getPath()).isEqualTo("/login.xhtml");
        client = new WebClient(base);
        Page forced = client.login("rotanurse", "Reset-Password-3");
        assertThat(forced.uri().getPath()).isEqualTo("/app/account/password.xhtml");
        assertThat(client.get("/app/home.xhtml").uri().getPath()).isEqualTo("/app/account/password.xhtml");
        changePassword(client, forced, "Reset-Password-3", "Hepatic-Vein-43");

        Page users = admin.get("/admin/users.xhtml");
        Page dialog = admin.ajax(users, "users", Map.of(), rowButton(users, "rotanurse", "pi-pencil"));
        String oldSite = firstSite(dialog);
        String newSite = sites(dialog).stream().filter(v -> !v.substring(v.indexOf('/')).equals(oldSite.substring(oldSite.indexOf('/'))))
                .findFirst().orElseThrow(() -> new AssertionError("no second site"));
        Page edited = admin.ajax(dialog, "userForm", Map.of("userForm:roles", "INVESTIGATOR", "userForm:sites", newSite), "userForm:save");
        assertThat(edited.body()).contains("User rotanurse saved");
        Page moved = new WebClient(base).login("rotanurse", "Hepatic-Vein-43");
        assertThat(moved.document().select("header #headerRole").text()).isEqualTo("Investigator");
        assertThat(moved.document().select("header #headerSite").text())
                .contains(newSite.substring(newSite.indexOf('/') + 1)).doesNotContain(oldSite.substring(oldSite.indexOf('/') + 1));

        Page disabled = rowAction(admin, "rotanurse", "pi-ban", Map.of("userForm:reason", "Left the site"));
        assertThat(disabled.body()).contains("Account rotanurse disabled");
        Page refused = new WebClient(base).login("rotanurse", "Hepatic-Vein-43");
        assertThat(refused.uri().getPath()).isEqualTo("/login.xhtml");
        assertThat(refused.text()).contains("This account is disabled");
        Page enabled = rowAction(admin, "rotanurse", "pi-check-circle", Map.of("userForm:reason", "Back at the site"));
        assertThat(enabled.body()).contains("Account rotanurse enabled");
        assertThat(new WebClient(base).login("rotanurse", "Hepatic-Vein-43").uri().getPath()).isEqualTo("/app/home.xhtml");

        String study = oldSite.substring(0, oldSite.indexOf('/'));
        HttpResponse<byte[]> csv = admin.download("/app/audit-export?format=CSV&entity=USER&study=" + study);
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> audited = new String(csv.body(), StandardCharsets.UTF_8).lines().filter(l -> l.contains("rotanurse")).toList();
        for (String action : List.of("CREATE", "RESET_PASSWORD", "UPDATE", "DISABLE", "ENABLE")) {
            assertThat(audited).as(action).anySatisfy(line -> assertThat(line).contains("," + action + ",").contains("datamanager"));
        }
        assertThat(audited).anySatisfy(line -> assertThat(line).contains("UPDATE").contains("INVESTIGATOR"));
        assertThat(audited).anySatisfy(line -> assertThat(line).contains("DISABLE").contains("Left the site"));
    }

    private static Page changePassword(WebClient client, Page form, String current, String proposed) {
        assertThat(form.uri().getPath()).isEqualTo("/app/account/password.xhtml");
        Page changed = client.submit(form, "password", Map.of("password:current", current, "password:proposed", proposed,
                "password:confirmation", proposed), "password:save");
        assertThat(changed.uri().getPath()).as(changed.text()).isEqualTo("/app/home.xhtml");
        return changed;
    }

    /** Opens the dialog of a row button of the users table (found by its icon) and saves it with the given values. */
    private static Page rowAction(WebClient admin, String username, String icon, Map<String, String> values) {
        Page users = admin.get("/admin/users.xhtml");
        Page dialog = admin.ajax(users, "users", Map.of(), rowButton(users, username, icon));
        return admin.ajax(dialog, "userForm", values, "userForm:save");
    }

    private static String rowButton(Page users, String username, String icon) {
        String id = users.document().select("tr:has(#user-" + username + ") button:has(." + icon + ")").attr("id");
        assertThat(id).as("button " + icon + " of " + username).isNotEmpty();
        return id;
    }

    /** The texts of the rows of a data table on a page, in order. */
    private static List<String> rows(Page page, String tableId) {
        return page.document().select("[id$=" + tableId + "] tbody tr").eachText();
    }

    static void createUser(WebClient admin, String username, String fullName, String role, String password) {
        Page users = admin.get("/admin/users.xhtml");
        Page dialog = admin.ajax(users, "users", Map.of(), "users:add");
        Page result = admin.ajax(dialog, "userForm", Map.of("userForm:username", username, "userForm:fullName", fullName,
                "userForm:roles", role, "userForm:sites", firstSite(dialog), "userForm:password", password), "userForm:save");
        assertThat(result.body()).contains("User " + username + " created");
    }

    private static String firstSite(Page dialog) {
        return sites(dialog).stream().findFirst().orElseThrow(() -> new AssertionError("no site to choose"));
    }

    /** The named sites (not study-wide access) offered in the user dialog, as study/site. */
    private static List<String> sites(Page dialog) {
        return dialog.document().select("select[id$=sites_input] option, [id$=sites] input[type=checkbox]").stream()
                .map(e -> e.attr("value")).filter(v -> v.contains("/") && !v.endsWith("/*")).distinct().toList();
    }
}
