package org.tacecrf.it.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * A browser-less client for the integration tests: keeps the session cookie, reads Faces forms
 * with their ViewState, submits them (plain or as PrimeFaces AJAX) and calls the REST API.
 */
public class WebClient {

    /** One response, parsed. */
    public record Page(int status, URI uri, String body, Document document, HttpResponse<String> response) {
        public String text() {
            return document.text();
        }

        public Element element(String cssQuery) {
            return document.selectFirst(cssQuery);
        }

        public String title() {
            return document.title();
        }
    }

    private final URI base;
    /** The CSP nonce of the last full page: PrimeFaces checks it on AJAX posts of that view, as its script sends it. */
    private String nonce;
    private final HttpClient http;
    private final HttpClient noRedirect;

    public WebClient(URL baseUrl) {
        this.base = URI.create(baseUrl.toString().endsWith("/") ? baseUrl.toString() : baseUrl + "/");
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build();
        this.noRedirect = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(20)).build();
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public Page get(String path) {
        return send(http, HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** The response without following redirects (to see a 302 and its Location). */
    public HttpResponse<String> getRaw(String path) {
        return send(noRedirect, HttpRequest.newBuilder(uri(path)).GET().build()).response();
    }

    public Page login(String username, String password) {
        Page page = get("/login.xhtml");
        return submit(page, "login", Map.of("login:username", username, "login:password", password), "login:submit");
    }

    /** Submits a form as a full (non-AJAX) post, like a button with ajax="false". */
    public Page submit(Page page, String formId, Map<String, String> values, String buttonId) {
        Map<String, String> fields = formFields(page, formId);
        fields.putAll(values);
        fields.put(buttonId, "");
        return post(page.uri(), fields, false);
    }

    /**
     * Submits a form as a non-AJAX command button or link with a {@code p:fileDownload} does, and
     * answers the file as bytes (the source's client id is sent as its own value, as PrimeFaces does).
     */
    public HttpResponse<byte[]> submitForFile(Page page, String formId, String sourceId) {
        return submitForFile(page, formId, Map.of(), sourceId);
    }

    /** The same with some fields of the form set first (e.g. a table's filters). */
    public HttpResponse<byte[]> submitForFile(Page page, String formId, Map<String, String> values, String sourceId) {
        Map<String, String> fields = formFields(page, formId);
        fields.putAll(values);
        fields.put(sourceId, sourceId);
        HttpRequest request = HttpRequest.newBuilder(page.uri())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Submits a form the way a PrimeFaces AJAX command button does; the answer is a partial response. */
    public Page ajax(Page page, String formId, Map<String, String> values, String sourceId) {
        return ajax(page, formId, values, sourceId, "@all", "@all");
    }

    /** As {@link #ajax(Page, String, Map, String)}, processing and rendering only the given components (as a component's own AJAX does). */
    public Page ajax(Page page, String formId, Map<String, String> values, String sourceId, String execute, String render) {
        Map<String, String> fields = formFields(page, formId);
        fields.putAll(values);
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", sourceId);
        fields.put("jakarta.faces.partial.execute", execute);
        fields.put("jakarta.faces.partial.render", render);
        fields.put(sourceId, sourceId);
        return post(page.uri(), fields, true);
    }

    /**
     * Like {@link #ajax}, with several values for one field (checkboxes of a select-many sharing a name),
     * which replace the values the page had checked for it.
     */
    public Page ajax(Page page, String formId, String field, List<String> chosen, String sourceId) {
        Map<String, String> fields = formFields(page, formId);
        fields.remove(field);
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", sourceId);
        fields.put("jakarta.faces.partial.execute", "@all");
        fields.put("jakarta.faces.partial.render", "@all");
        fields.put(sourceId, sourceId);
        String body = encode(fields) + chosen.stream().map(v -> "&" + URLEncoder.encode(field, StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)).collect(Collectors.joining());
        return post(page.uri(), body, true);
    }

    private Map<String, String> formFields(Page page, String formId) {
        Element form = page.document().getElementById(formId);
        if (form == null) {
            throw new AssertionError("No form " + formId + " on " + page.uri() + ": " + page.text());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String type = input.attr("type");
            if (type.equals("submit") || type.equals("button") || ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked"))) {
                continue;
            }
            if (input.tagName().equals("select")) {
                Element selected = input.selectFirst("option[selected]");
                fields.put(input.attr("name"), selected == null ? "" : selected.attr("value"));
            } else {
                fields.put(input.attr("name"), input.tagName().equals("textarea") ? input.text() : input.attr("value"));
            }
        }
        String viewState = page.document().select("input[name=jakarta.faces.ViewState]").attr("value");
        fields.put("jakarta.faces.ViewState", viewState);
        String pageNonce = page.document().select("script[nonce]").attr("nonce");
        if (!pageNonce.isEmpty()) {
            nonce = pageNonce;
        }
        if (nonce != null) {
            fields.putIfAbsent("primefaces.nonce", nonce);
        }
        return fields;
    }

    private Page post(URI target, Map<String, String> fields, boolean ajax) {
        return post(target, encode(fields), ajax);
    }

    private Page post(URI target, String body, boolean ajax) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ajax) {
            request.header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest");
        }
        return send(http, request.build());
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Posts a prepared body (a multipart file upload) with the session, as PrimeFaces AJAX when {@code ajax}. */
    public Page postBody(URI target, String contentType, byte[] body, boolean ajax) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (ajax) {
            request.header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest");
        }
        return send(http, request.build());
    }

    /** A REST call; {@code token} may be null to use the session (reads only). */
    public HttpResponse<String> api(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(noRedirect, request.build()).response();
    }

    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Page send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body();
            boolean xml = body.startsWith("<?xml");
            Document document = xml ? Jsoup.parse(body, "", Parser.xmlParser()) : Jsoup.parse(body, response.uri().toString());
            if (xml) {
                // Partial responses carry page fragments as CDATA; parse them as HTML for assertions.
                StringBuilder html = new StringBuilder();
                document.select("update").forEach(u -> html.append(u.text()));
                Document fragments = Jsoup.parse(html.toString());
                document.select("update").forEach(u -> {
                    if (u.id().contains("ViewState")) {
                        fragments.body().appendElement("input").attr("name", "jakarta.faces.ViewState").attr("value", u.text());
                    }
                });
                return new Page(response.statusCode(), response.uri(), body, fragments, response);
            }
            return new Page(response.statusCode(), response.uri(), body, document, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
