package io.triage.ingestion.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/** Posts webhook deliveries to the service as the sources sign them (the tests' side of the wire). */
final class SignedDeliveries {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    SignedDeliveries(int port) {
        this.port = port;
    }

    HttpResponse<String> post(String source, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/"
                + source)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> zendesk(String secret, Instant signedAt, String body) {
        String timestamp = signedAt.truncatedTo(ChronoUnit.SECONDS).toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = Base64.getEncoder().encodeToString(
                WebhookSignatures.hmac(secret, timestamp.getBytes(StandardCharsets.UTF_8), bytes));
        return post("zendesk", Map.of("X-Zendesk-Webhook-Signature", signature,
                "X-Zendesk-Webhook-Signature-Timestamp", timestamp), bytes);
    }

    HttpResponse<String> jira(String secret, String deliveryId, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post("jira", Map.of("X-Hub-Signature", "sha256=" + HexFormat.of().formatHex(
                WebhookSignatures.hmac(secret, bytes)), "X-Atlassian-Webhook-Identifier", deliveryId), bytes);
    }

    static String zendeskEvent(String eventId, String ticketId, String subject, String updatedAt) {
        return """
                {"type":"zen:event-type:ticket.priority_changed","account_id":1,"id":"%s","time":"%s",
                 "zendesk_event_version":"2022-11-06","subject":"zen:ticket:%s",
                 "detail":{"id":"%s","subject":"%s","description":"<p>Printer is <b>on fire</b></p>",
                           "priority":"URGENT","status":"OPEN","requester_id":"20978392","tags":["printer"],
                           "via":{"channel":"email"},"created_at":"2024-05-01T09:00:00Z","updated_at":"%s"},
                 "event":{"current":"URGENT","previous":"HIGH"}}
                """.formatted(eventId, updatedAt, ticketId, ticketId, subject, updatedAt);
    }
}
