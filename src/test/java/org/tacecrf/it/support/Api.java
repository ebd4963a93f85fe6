package org.tacecrf.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The REST API as a script uses it: a personal token from the profile page, then JSON calls. */
public final class Api {

    private static final Pattern TOKEN = Pattern.compile("tace_[A-Za-z0-9_-]{43}");

    private final WebClient client;
    private final String token;

    private Api(WebClient client, String token) {
        this.client = client;
        this.token = token;
    }

    /** Signs in on the login page and creates a token on the profile page, as a user does. */
    public static Api as(URL base, String username, String password) {
        WebClient client = new WebClient(base);
        client.login(username, password);
        WebClient.Page profile = client.get("/app/account/profile.xhtml");
        WebClient.Page created = client.ajax(profile, "tokenForm", Map.of("tokenForm:tokenName", "test",
                "tokenForm:tokenDays_input", "30", "tokenForm:tokenDays_hinput", "30"), "tokenForm:create");
        Matcher m = TOKEN.matcher(created.body());
        assertThat(m.find()).as("token in " + created.body()).isTrue();
        return new Api(client, m.group());
    }

    /** The signed-in browser session of the same user, for pages. */
    public WebClient web() {
        return client;
    }

    public String token() {
        return token;
    }

    /** Calls the API and checks the status; returns the JSON object answered. */
    public Map<String, Object> call(String method, String path, String json, int status) {
        HttpResponse<String> response = client.api(method, path, token, json);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        return response.body().isBlank() ? Map.of() : JsonBody.map(response.body());
    }
}
