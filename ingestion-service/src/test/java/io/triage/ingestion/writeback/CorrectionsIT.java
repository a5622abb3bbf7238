package io.triage.ingestion.writeback;

import static io.triage.testsupport.JsonBody.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.testing.SimulatedSources;
import io.triage.simulators.SimClock;
import io.triage.simulators.SimJson;
import io.triage.simulators.zendesk.ZendeskSettings;
import io.triage.simulators.zendesk.ZendeskSimulator;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubRequest;
import io.triage.testsupport.stub.StubServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole loop through the Zendesk simulator and its signed webhooks: a ticket is classified and written back (group
 * and priority set, one note); the simulator's webhooks echo our own change, which is neither classified again nor
 * taken for a correction; then an agent moves the ticket to another group and priority, which arrives as a validated
 * label and as feedback on the decision to classify-service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.ingestion.flow.index=false",
        "triage.ingestion.mappings.refresh-interval=100ms",
        "triage.ingestion.sources.zendesk.webhook-secret=" + CorrectionsIT.SECRET})
@IsolatedBackingServices
class CorrectionsIT {

    static final String SECRET = "zendesk-signing-secret";
    static final StubServer classify = new StubServer();
    /** The simulator's clock: moved on a minute before each change, so each is a newer version of the ticket. */
    static final SimClock clock = SimClock.at(Instant.now());
    static ZendeskSimulator zendesk;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void start() {
        zendesk = new ZendeskSimulator(ZendeskSettings.defaults(), clock).start(0);
        classify.on("GET", "/taxonomy", request -> StubReply.json("""
                {"departments":["Billing","Technical Support"],"urgencies":["High","Low"],
                 "sentiments":["Negative","Neutral","Positive"],"channels":["email","web"],"origins":{}}
                """));
        classify.on("POST", "/classify", CorrectionsIT::decision);
        classify.on("POST", "/feedback", request -> StubReply.json("{\"duplicate\":false}"));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatedSources.zendesk(registry, zendesk);
        registry.add("spring.http.serviceclient.classify.base-url", classify::baseUrl);
    }

    @AfterAll
    static void stop() {
        zendesk.close();
        classify.close();
    }

    static StubReply decision(StubRequest request) {
        UUID decisionId = UUID.nameUUIDFromBytes(String.valueOf(request.header("Idempotency-Key"))
                .getBytes(StandardCharsets.UTF_8));
        return StubReply.json("""
                {"decisionId":"%s","ticketId":"%s","routingMethod":"ML",
                 "department":{"label":"Billing","confidence":0.93},"urgency":{"label":"High","confidence":0.8},
                 "sentiment":{"label":"Negative","confidence":0.7},"alternatives":[],"candidates":{},
                 "modelVersion":"tfidf-lr-3","explanation":{"summary":"model","similarTickets":[]}}
                """.formatted(decisionId, tree(request.bodyText()).path("ticketId").asString()));
    }

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    void publishMapping() {
        HttpResponse<String> saved = http().put("/mappings/zendesk", ApiKeys.ADMIN, "application/yaml", """
                levels:
                  default: automate
                departments:
                  Billing: {group_id: 1001}
                  Technical Support: {group_id: 1002}
                urgencies:
                  High: {priority: high}
                  Low: {priority: low}
                """);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        HttpResponse<String> published = http().post("/mappings/zendesk/publish", ApiKeys.ADMIN,
                "{\"reason\":\"corrections test\"}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    }

    /** An agent's edit in Zendesk, through its API as the agent's browser would make it. */
    void agentSets(long ticket, String body) throws Exception {
        String auth = Base64.getEncoder().encodeToString("agent@example.com/token:sim-zendesk-token"
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                zendesk.baseUri().resolve("/api/v2/tickets/" + ticket + ".json"))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    String ticketId(long zendeskId) {
        return jdbc.sql("SELECT id::text FROM tickets WHERE source = 'ZENDESK' AND external_id = :id")
                .param("id", Long.toString(zendeskId)).query(String.class).optional().orElse(null);
    }

    List<StubRequest> calls(String path, String ticketOrDecision) {
        return classify.received(r -> r.path().equals(path) && r.bodyText().contains(ticketOrDecision));
    }

    /** A kept source field of the ticket; null while it has none. */
    String sourceField(String ticketId, String field) {
        return jdbc.sql("SELECT source_fields->>:field FROM tickets WHERE id = :t::uuid").param("field", field)
                .param("t", ticketId).query((rs, n) -> rs.getString(1)).list().getFirst();
    }

    long openPublications() {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
                .single();
    }

    @Test
    void ourEchoIsNoCorrectionAndAnAgentsChangeBecomesAValidatedLabelAndFeedback() throws Exception {
        publishMapping();
        zendesk.webhookTarget(URI.create("http://127.0.0.1:" + port + "/webhooks/zendesk"), SECRET);
        long id = zendesk.createTicket(SimJson.parse("""
                {"subject":"Charged twice","description":"My card was charged twice for one order",
                 "priority":"normal","requester_id":4242}
                """)).path("id").asLong();
        clock.advance(Duration.ofMinutes(1));

        // Written back: group and priority set, one internal note.
        await().atMost(Duration.ofSeconds(30)).until(() -> zendesk.ticket(id).orElseThrow().path("group_id")
                .asLong() == 1001);
        String ticketId = ticketId(id);
        String decisionId = jdbc.sql("SELECT decision_id::text FROM ticket_decisions WHERE ticket_id = :t::uuid")
                .param("t", ticketId).query(String.class).single();
        assertThat(zendesk.ticket(id).orElseThrow().path("priority").asString()).isEqualTo("high");

        // The simulator's webhooks for our own change arrive and are stored, with nothing classified again.
        await().atMost(Duration.ofSeconds(30)).until(() -> "1001".equals(sourceField(ticketId, "group_id"))
                && openPublications() == 0);
        assertThat(calls("/classify", ticketId)).hasSize(1);
        assertThat(zendesk.comments(id).stream().filter(c -> c.path("body").asString().contains("[triage:")))
                .hasSize(1);
        assertThat(calls("/feedback", decisionId)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_labels WHERE ticket_id = :t::uuid").param("t", ticketId)
                .query(Long.class).single()).isZero();

        // An agent moves it to Technical Support at low priority.
        clock.advance(Duration.ofMinutes(1));
        agentSets(id, "{\"ticket\":{\"group_id\":1002,\"priority\":\"low\"}}");

        StubRequest feedback = await().atMost(Duration.ofSeconds(30))
                .until(() -> calls("/feedback", decisionId), l -> !l.isEmpty()).getFirst();
        JsonNode sent = tree(feedback.bodyText());
        assertThat(sent.path("department").asString()).isEqualTo("Technical Support");
        assertThat(sent.path("urgency").asString()).isEqualTo("Low");
        assertThat(sent.path("source").asString()).isEqualTo("ticketing-system");
        assertThat(feedback.header("X-API-Key")).isEqualTo(ApiKeys.INGESTION_SERVICE);
        var label = jdbc.sql("SELECT department, urgency, source FROM ticket_labels WHERE ticket_id = :t::uuid")
                .param("t", ticketId).query().singleRow();
        assertThat(label).containsEntry("department", "Technical Support").containsEntry("urgency", "Low")
                .containsEntry("source", "source-system");

        // A later edit that leaves group and priority as the agent set them records nothing more.
        clock.advance(Duration.ofMinutes(1));
        agentSets(id, "{\"ticket\":{\"status\":\"pending\"}}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "PENDING".equalsIgnoreCase(sourceField(ticketId, "status"))
                && openPublications() == 0);
        assertThat(calls("/feedback", decisionId)).hasSize(1);
        assertThat(calls("/classify", ticketId)).as("no edit of group or priority is classified again").hasSize(1);
        assertThat(meters.counter("ingestion_corrections_total", "source", "zendesk", "outcome", "recorded")
                .count()).isEqualTo(1);
    }
}
