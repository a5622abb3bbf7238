package io.triage.simulators;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * Sends a simulator's outgoing webhooks (one attempt each, asynchronously, like the vendors do) and keeps every
 * delivery with its outcome, so a test can check both what was sent and what the receiver answered.
 */
public final class WebhookSender implements AutoCloseable {

    /**
     * One delivery attempt.
     *
     * @param target  where it went
     * @param headers the headers sent (signature included)
     * @param body    the exact body bytes sent
     * @param status  the receiver's HTTP status, or -1 when the call failed
     * @param failure why the call failed, or null
     */
    public record Delivery(URI target, Map<String, String> headers, byte[] body, int status,
                           @Nullable String failure) {
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    /** Created on the first webhook, so a simulator that sends none starts no client thread. */
    private @Nullable HttpClient client;

    /** Posts {@code body} with {@code headers} (plus JSON content type) to {@code target}, without waiting. */
    public void post(URI target, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        client().sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> deliveries.add(new Delivery(target, Map.copyOf(headers), body,
                        response == null ? -1 : response.statusCode(), failure == null ? null : failure.toString())));
    }

    private synchronized HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            current = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            client = current;
        }
        return current;
    }

    /** Stops the client (and its thread); a later webhook starts a new one. */
    @Override
    public synchronized void close() {
        HttpClient current = client;
        if (current != null) {
            current.shutdownNow();
            client = null;
        }
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public void clear() {
        deliveries.clear();
    }
}
