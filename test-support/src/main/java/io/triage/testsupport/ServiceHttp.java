package io.triage.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A small real-HTTP client for tests: JSON requests with an optional API key, string responses. */
public final class ServiceHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * A ceiling against a hung server, not a budget: no request a test sends does seconds of CPU work (training and
     * backfill are jobs that tests poll), so on a loaded 2-core machine this never decides a test's outcome.
     */
    private static final Duration REQUEST_CEILING = Duration.ofMinutes(2);

    private final String baseUrl;

    public ServiceHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static ServiceHttp onPort(int port) {
        return new ServiceHttp("http://127.0.0.1:" + port);
    }

    public HttpResponse<String> get(String path, @Nullable String apiKey) {
        return send(request(path, apiKey).GET());
    }

    public HttpResponse<String> post(String path, @Nullable String apiKey, String json) {
        return send(request(path, apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String path, @Nullable String apiKey, String contentType, String body) {
        return send(request(path, apiKey).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> delete(String path, @Nullable String apiKey) {
        return send(request(path, apiKey).DELETE());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(REQUEST_CEILING).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, @Nullable String apiKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (apiKey != null) {
            builder.header(ApiKeys.HEADER, apiKey);
        }
        return builder;
    }
}
