package io.triage.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The running suite as the demo calls it: one service per port on one host, JSON in and out, local API keys. */
final class Suite {

    /** Each service's answers carry more fields than the demo reads. */
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The local default keys (README); never production keys. */
    static final String OPS = "local-ops-key";
    static final String CLASSIFIER = "local-classifier-key";
    static final String ANALYST = "local-analyst-key";
    static final String COMPLIANCE = "local-compliance-key";
    static final String ADMIN = "local-admin-key";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String host;

    Suite(String host) {
        this.host = host;
    }

    /** The host every service (and the database and Redis behind them) runs on. */
    String host() {
        return host;
    }

    /** A response: status, body parsed when it is JSON, and headers. */
    record Reply(int status, String body, HttpResponse<String> raw) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        <T> T as(Class<T> type) {
            return JSON.readValue(body, type);
        }

        /** Fails the step unless the status is {@code expected}. */
        Reply expect(int expected, String what) {
            StepFailed.check(status == expected, what + " answered " + status + ", expected " + expected + ": "
                    + abbreviate(body, 300));
            return this;
        }
    }

    /** A GET sent with the API key {@code key}, or with no key when it is {@code null} (likewise the posts). */
    Reply get(int port, String path, @Nullable String key) throws IOException, InterruptedException {
        return send(request(port, path, key).GET());
    }

    Reply post(int port, String path, @Nullable String key, Object body) throws IOException, InterruptedException {
        return postRaw(port, path, key, "application/json", body instanceof String s ? s : JSON.writeValueAsString(body));
    }

    Reply postRaw(int port, String path, @Nullable String key, String contentType, String body)
            throws IOException, InterruptedException {
        return send(request(port, path, key).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpRequest.Builder request(int port, String path, @Nullable String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
                .timeout(Duration.ofSeconds(30));
        return key == null ? builder : builder.header("X-API-Key", key);
    }

    Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), response);
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
