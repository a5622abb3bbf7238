package io.triage.testsupport.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Sends an endpoint's inputs one by one and tallies the answers; a request left unanswered checks the service lives. */
final class FuzzRun {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** A ceiling against a hung request, far above any answer; reaching it is a finding (no answer). */
    private static final Duration REQUEST_CEILING = Duration.ofSeconds(60);

    private final FuzzContract service;
    private final String base;

    FuzzRun(FuzzContract service) {
        this.service = service;
        this.base = "http://127.0.0.1:" + service.port();
    }

    EndpointTally fuzz(FuzzEndpoint endpoint, String path, String example, List<FuzzInput> inputs) {
        long start = System.nanoTime();
        EndpointTally tally = new EndpointTally(endpoint, path);
        HttpResponse<String> valid = send(endpoint, path, new FuzzInput("example", "as given",
                endpoint.contentType(), FuzzInputs.utf8(example)), null);
        tally.example(valid == null ? 0 : valid.statusCode());
        for (int i = 0; i < inputs.size(); i++) {
            FuzzInput input = inputs.get(i);
            String[] failure = new String[1];
            HttpResponse<String> response = send(endpoint, path, input, failure);
            if (response == null) {
                tally.unanswered(input, i, failure[0], alive());
            } else {
                String type = response.headers().firstValue("Content-Type").orElse("");
                tally.answered(input, i, response.statusCode(), type.startsWith("application/problem+json"),
                        response.body());
            }
        }
        tally.took((System.nanoTime() - start) / 1_000_000);
        return tally;
    }

    /** The service answers its liveness probe. */
    boolean alive() {
        try {
            HttpResponse<String> health = CLIENT.send(HttpRequest.newBuilder(URI.create(base
                    + "/actuator/health/liveness")).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private @Nullable HttpResponse<String> send(FuzzEndpoint endpoint, String path, FuzzInput input,
            String @Nullable [] failure) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_CEILING)
                .method(endpoint.method(), HttpRequest.BodyPublishers.ofByteArray(input.body()));
        if (input.contentType() != null) {
            request.header("Content-Type", input.contentType());
        }
        for (Map.Entry<String, String> header : service.credentials(endpoint.method(), path, input.body()).entrySet()) {
            request.header(header.getKey(), header.getValue());
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (failure != null) {
                failure[0] = e.toString();
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
