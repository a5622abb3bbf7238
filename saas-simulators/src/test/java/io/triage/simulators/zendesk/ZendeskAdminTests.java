package io.triage.simulators.zendesk;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.triage.simulators.BasicCredentials;
import io.triage.simulators.Http;
import io.triage.simulators.SimClock;
import io.triage.simulators.SimJson;
import io.triage.simulators.WebhookSink;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ZendeskAdminTests {

    private final SimClock clock = SimClock.at(Instant.parse("2024-05-01T10:00:00Z"));
    private final String auth = BasicCredentials.header("agent@example.com/token", "sim-zendesk-token");
    private final WebhookSink sink = new WebhookSink();
    /** The simulator this test started; null until {@link #start}. */
    private @Nullable ZendeskSimulator started;

    @AfterEach
    void stop() {
        if (started != null) {
            started.close();
        }
        sink.close();
    }

    private void start(ZendeskSettings settings) {
        started = new ZendeskSimulator(settings, clock);
        started.start(0);
    }

    private ZendeskSimulator sim() {
        return Objects.requireNonNull(started, "a test calls start(settings) first");
    }

    @Test
    void ticketSeededOverHttpShowsItsWrittenBackCommentsThroughTheAdminApi() {
        start(ZendeskSettings.defaults());
        HttpResponse<String> created = Http.sendJson(sim(), "POST", "/_sim/tickets", "",
                "{\"ticket\":{\"subject\":\"Refund\",\"description\":\"Please refund\",\"tags\":[\"billing\"]}}");
        long id = Http.json(created).get("ticket").get("id").asLong();
        Http.sendJson(sim(), "PUT", "/api/v2/tickets/" + id, auth,
                "{\"ticket\":{\"comment\":{\"body\":\"routed to Billing\",\"public\":false}}}");

        JsonNode readBack = Http.json(Http.get(sim(), "/_sim/tickets/" + id, ""));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(readBack.get("ticket").get("subject").asString()).isEqualTo("Refund");
        assertThat(readBack.get("comments").get(1).get("body").asString()).isEqualTo("routed to Billing");
        assertThat(readBack.get("comments").get(1).get("public").asBoolean()).isFalse();
    }

    @Test
    void webhookTargetSetOverHttpReceivesEvents() {
        start(ZendeskSettings.defaults());
        sink.start(0);
        Http.sendJson(sim(), "PUT", "/_sim/webhook", "", "{\"url\":\"" + sink.baseUri() + "/zd\",\"secret\":\"abc\"}");

        sim().createTicket(SimJson.parse("{\"subject\":\"hello\"}"));

        await().atMost(Duration.ofSeconds(10)).until(() -> sim().webhookDeliveries().size() == 1);
        assertThat(sim().webhookDeliveries().getFirst().status()).isEqualTo(200);
        assertThat(sink.requests().getFirst().path()).isEqualTo("/zd");
    }

    @Test
    void webhookValuesKeepTheirCaseWhenConfigured() {
        start(ZendeskSettings.defaults().withWebhookValuesUpperCase(false));
        sink.start(0);
        sim().webhookTarget(sink.baseUri(), "abc");

        sim().createTicket(SimJson.parse("{\"subject\":\"hello\",\"priority\":\"high\"}"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !sink.requests().isEmpty());
        assertThat(SimJson.parse(sink.requests().getFirst().bodyText()).get("detail").get("priority").asString()).isEqualTo("high");
    }
}
