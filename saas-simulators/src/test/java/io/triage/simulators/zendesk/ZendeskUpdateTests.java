package io.triage.simulators.zendesk;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import io.triage.simulators.BasicCredentials;
import io.triage.simulators.Hmac;
import io.triage.simulators.Http;
import io.triage.simulators.RecordedRequest;
import io.triage.simulators.SimClock;
import io.triage.simulators.SimJson;
import io.triage.simulators.WebhookSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ZendeskUpdateTests {

    private static final String SECRET = "dGhpcyBpcyBhIHNlY3JldA==";
    private final SimClock clock = SimClock.at(Instant.parse("2024-05-01T10:00:00Z"));
    private final String auth = BasicCredentials.header("agent@example.com/token", "sim-zendesk-token");
    private final WebhookSink sink = new WebhookSink();
    private ZendeskSimulator sim;

    @BeforeEach
    void start() {
        sink.start(0);
        sim = new ZendeskSimulator(ZendeskSettings.defaults(), clock);
        sim.start(0);
    }

    @AfterEach
    void stop() {
        sim.close();
        sink.close();
    }

    private long seed() {
        return sim.createTicket(SimJson.parse("""
                {"subject":"Printer on fire","description":"It is on fire","priority":"high","tags":["printer"],"group_id":98738}"""))
                .get("id").asLong();
    }

    private HttpResponse<String> put(long id, String json) {
        return Http.sendJson(sim, "PUT", "/api/v2/tickets/" + id + ".json", auth, json);
    }

    @Test
    void updateReplacesTagsAndSetsPriorityAndGroup() {
        long id = seed();

        HttpResponse<String> response = put(id, """
                {"ticket":{"priority":"urgent","group_id":98739,"tags":["printer","auto_triaged"]}}""");

        JsonNode ticket = Http.json(response).get("ticket");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ticket.get("priority").asString()).isEqualTo("urgent");
        assertThat(ticket.get("group_id").asLong()).isEqualTo(98739);
        assertThat(sim.ticket(id).orElseThrow().get("tags").toString()).isEqualTo("[\"printer\",\"auto_triaged\"]");
    }

    @Test
    void privateCommentIsKeptAsInternalNote() {
        long id = seed();

        put(id, """
                {"ticket":{"comment":{"body":"Auto-triage: escalated (0.91)","public":false}}}""");

        List<JsonNode> comments = sim.comments(id);
        assertThat(comments).hasSize(2);
        assertThat(comments.get(0).get("body").asString()).isEqualTo("It is on fire");
        assertThat(comments.get(1).get("body").asString()).isEqualTo("Auto-triage: escalated (0.91)");
        assertThat(comments.get(1).get("public").asBoolean()).isFalse();
    }

    @Test
    void commentsAreReadableOverTheApi() {
        long id = seed();
        put(id, """
                {"ticket":{"comment":{"body":"note","public":false}}}""");

        JsonNode body = Http.json(Http.get(sim, "/api/v2/tickets/" + id + "/comments.json", auth));

        assertThat(body.get("count").asInt()).isEqualTo(2);
        assertThat(body.get("comments").get(1).get("public").asBoolean()).isFalse();
    }

    @Test
    void tagsEndpointAddsWithoutOverwriting() {
        long id = seed();

        HttpResponse<String> response = Http.sendJson(sim, "PUT", "/api/v2/tickets/" + id + "/tags", auth,
                "{\"tags\":[\"auto_triaged\"]}");

        assertThat(Http.json(response).get("tags").toString()).isEqualTo("[\"printer\",\"auto_triaged\"]");
    }

    @Test
    void staleSafeUpdateOfTagsIsAConflict() {
        long id = seed();
        clock.advance(Duration.ofSeconds(5));
        put(id, "{\"ticket\":{\"priority\":\"low\"}}");

        HttpResponse<String> response = Http.sendJson(sim, "PUT", "/api/v2/tickets/" + id + "/tags", auth,
                "{\"tags\":[\"x\"],\"safe_update\":\"true\",\"updated_stamp\":\"2024-05-01T10:00:00Z\"}");

        assertThat(response.statusCode()).isEqualTo(409);
    }

    @Test
    void invalidPriorityIsUnprocessable() {
        long id = seed();

        assertThat(put(id, "{\"ticket\":{\"priority\":\"extreme\"}}").statusCode()).isEqualTo(422);
    }

    @Test
    void updateOfUnknownTicketIsNotFound() {
        assertThat(put(999, "{\"ticket\":{\"priority\":\"low\"}}").statusCode()).isEqualTo(404);
    }

    @Test
    void webhookSignatureIsBase64HmacOfTimestampAndRawBody() {
        sim.webhookTarget(sink.baseUri().resolve("/zendesk"), SECRET);

        seed();

        await().atMost(Duration.ofSeconds(10)).until(() -> !sink.requests().isEmpty());
        RecordedRequest received = sink.requests().getFirst();
        String timestamp = Objects.requireNonNull(received.header("X-Zendesk-Webhook-Signature-Timestamp"),
                "signature timestamp header");
        String expected = Base64.getEncoder().encodeToString(
                Hmac.sha256(SECRET, timestamp.getBytes(StandardCharsets.UTF_8), received.body()));
        assertThat(timestamp).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(received.header("X-Zendesk-Webhook-Signature")).isEqualTo(expected);
        assertThat(SimJson.parse(received.bodyText()).get("type").asString()).isEqualTo("zen:event-type:ticket.created");
    }

    @Test
    void priorityChangeSendsEventWithCurrentAndPrevious() {
        long id = seed();
        sim.webhookTarget(sink.baseUri().resolve("/zendesk"), SECRET);

        put(id, "{\"ticket\":{\"priority\":\"urgent\"}}");

        await().atMost(Duration.ofSeconds(10)).until(() -> !sink.requests().isEmpty());
        JsonNode event = SimJson.parse(sink.requests().getFirst().bodyText());
        assertThat(event.get("type").asString()).isEqualTo("zen:event-type:ticket.priority_changed");
        assertThat(event.get("subject").asString()).isEqualTo("zen:ticket:" + id);
        assertThat(event.get("detail").get("id").asString()).isEqualTo(Long.toString(id));
        assertThat(event.get("event").get("current").asString()).isEqualTo("URGENT");
        assertThat(event.get("event").get("previous").asString()).isEqualTo("HIGH");
    }
}
