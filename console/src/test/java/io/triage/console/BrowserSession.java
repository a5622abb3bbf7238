package io.triage.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What a browser keeps between calls to the console: its cookies, and the CSRF token it echoes (tests only). */
final class BrowserSession {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    BrowserSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON POST, with the CSRF header when {@code withCsrf}. */
    HttpResponse<String> post(String path, String json, boolean withCsrf) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (withCsrf) {
            request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON POST echoing the given CSRF token, whatever the cookie holds now. */
    HttpResponse<String> post(String path, String json, String csrfToken) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrfToken).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON PUT with the CSRF header. */
    HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN")).PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of {@code body} as {@code contentType} (an uploaded file), with the CSRF header. */
    HttpResponse<String> upload(String path, String body, String contentType) throws IOException,
            InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }
}
