package io.triage.simulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;

/** A small java.net.http client for tests: requests against a started simulator, answers as text. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    public static HttpRequest.Builder request(Simulator simulator, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(simulator.baseUri() + pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> get(Simulator simulator, String pathAndQuery, String authorization) {
        return send(request(simulator, pathAndQuery).header("Authorization", authorization).GET());
    }

    public static HttpResponse<String> sendJson(Simulator simulator, String method, String path, String authorization,
                                                String json) {
        return send(request(simulator, path).header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    public static JsonNode json(HttpResponse<String> response) {
        return SimJson.parse(response.body());
    }
}
