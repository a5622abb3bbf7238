package io.triage.ingestion.flow;

import static io.triage.testsupport.JsonBody.json;
import static io.triage.testsupport.JsonBody.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubFailure;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubRequest;
import io.triage.testsupport.stub.StubServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A stored ticket flows on to classify-service and embedding-service (stand-ins speaking their wire format): its
 * decision is kept with the ticket, a failed delivery is retried with the same idempotency key, a refusal is kept
 * and not retried, and an unchanged ticket is not sent again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.ingestion.flow.redeliver-after=1s",
        "triage.ingestion.flow.redelivery-interval=PT1S",
        "triage.platform.resilience.max-attempts=1",
        "triage.platform.resilience.open-state-wait=1s"})
@IsolatedBackingServices
class TicketFlowIT {

    static final StubServer classify = new StubServer();
    static final StubServer embedding = new StubServer();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("spring.http.serviceclient.classify.base-url", classify::baseUrl);
        registry.add("spring.http.serviceclient.embedding.base-url", embedding::baseUrl);
    }

    @AfterAll
    static void stop() {
        classify.close();
        embedding.close();
    }

    @BeforeEach
    void answerNormally() {
        classify.reset();
        embedding.reset();
        classify.on("POST", "/classify", TicketFlowIT::decision);
        embedding.on("POST", "/embeddings", request -> StubReply.json("{\"embedded\":1,\"unchanged\":0}"));
    }

    /** classify-service's answer: Billing at 0.93, with a decision id derived from the idempotency key. */
    static StubReply decision(StubRequest request) {
        JsonNode ticket = tree(request.bodyText());
        String key = request.header("Idempotency-Key");
        UUID decisionId = UUID.nameUUIDFromBytes(String.valueOf(key).getBytes(StandardCharsets.UTF_8));
        return StubReply.json("""
                {"decisionId":"%s","ticketId":"%s","routingMethod":"ML",
                 "department":{"label":"Billing","confidence":0.93},"urgency":{"label":"High","confidence":0.8},
                 "sentiment":{"label":"Negative","confidence":0.7},
                 "alternatives":[{"label":"Billing","confidence":0.93},{"label":"Accounts","confidence":0.05}],
                 "candidates":{},"ruleSetVersion":"7","modelVersion":"tfidf-lr-3",
                 "explanation":{"summary":"model"},"skippedTiers":[],"experiments":{},"latencyMillis":4.2}
                """.formatted(decisionId, ticket.path("ticketId").asString()));
    }

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    String importTicket(String externalId, String description, Instant updatedAt) {
        HttpResponse<String> stored = http().post("/tickets", ApiKeys.OPS, """
                {"source":"IMPORT","externalId":"%s","customerId":"cust-42","channel":"email",
                 "subject":"Refund","description":"%s","sourceUpdatedAt":"%s"}
                """.formatted(externalId, description, updatedAt));
        assertThat(stored.statusCode()).isEqualTo(200);
        return tree(stored).path("ticketId").asString();
    }

    JsonNode awaitDecision(String ticketId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> answer = http().get("/tickets/" + ticketId + "/decision", ApiKeys.OPS);
            return answer.statusCode() == 200 ? tree(answer) : null;
        }, d -> d != null);
    }

    List<StubRequest> indexCalls(String ticketId) {
        return embedding.received(r -> r.path().equals("/embeddings") && r.bodyText().contains(ticketId));
    }

    List<StubRequest> classifyCalls(String ticketId) {
        return classify.received(r -> r.path().equals("/classify") && r.bodyText().contains(ticketId));
    }

    @Test
    void aStoredTicketIsClassifiedWithItsSourceAndIndexedWithSanitisedText() {
        String ticketId = importTicket("flow-1", "Refund to jane.doe@example.com please", Instant.now());

        JsonNode decision = awaitDecision(ticketId);
        assertThat(decision.path("status").asString()).isEqualTo("DECIDED");
        assertThat(decision.path("department").asString()).isEqualTo("Billing");
        assertThat(decision.path("routingMethod").asString()).isEqualTo("ML");
        assertThat(decision.path("modelVersion").asString()).isEqualTo("tfidf-lr-3");
        assertThat(decision.path("answer").path("alternatives").size()).isEqualTo(2);

        StubRequest call = classifyCalls(ticketId).getFirst();
        JsonNode sent = tree(call.bodyText());
        assertThat(sent.path("sourceSystem").asString()).isEqualTo("import");
        assertThat(sent.path("channel").asString()).isEqualTo("email");
        assertThat(sent.path("customerId").asString()).isEqualTo("cust-42");
        assertThat(sent.path("description").asString()).contains("refund to <EMAIL>").doesNotContain("jane.doe");
        assertThat(call.header("Idempotency-Key")).startsWith("ingestion:" + ticketId + ":");
        assertThat(call.header("X-API-Key")).isEqualTo(ApiKeys.INGESTION_SERVICE);

        StubRequest indexed = await().atMost(Duration.ofSeconds(30)).until(() -> embedding.received(
                r -> r.bodyText().contains(ticketId)), l -> !l.isEmpty()).getFirst();
        assertThat(json(indexed.bodyText())).extractingPath("$.tickets[0].customerId").isEqualTo("cust-42");
        assertThat(tree(indexed.bodyText()).path("tickets").get(0).path("text").asString())
                .doesNotContain("jane.doe").contains("<EMAIL>");
        assertThat(indexed.header("X-API-Key")).isEqualTo(ApiKeys.INGESTION_SERVICE);
    }

    @Test
    void anUnchangedTicketIsNotSentAgainAndANewerVersionReplacesTheDecision() {
        Instant first = Instant.parse("2026-11-01T10:00:00Z");
        String ticketId = importTicket("flow-2", "My card was charged twice", first);
        String firstDecision = awaitDecision(ticketId).path("decisionId").asString();

        importTicket("flow-2", "My card was charged twice", first);
        importTicket("flow-2", "An older text", first.minusSeconds(60));
        importTicket("flow-2", "My card was charged three times", first.plusSeconds(60));

        JsonNode newer = await().atMost(Duration.ofSeconds(30)).until(() -> awaitDecision(ticketId),
                d -> !d.path("decisionId").asString().equals(firstDecision));
        assertThat(newer.path("ticketVersion").asString()).startsWith("2026-11-01T10:01:00");
        List<StubRequest> calls = classifyCalls(ticketId);
        assertThat(calls).as("the first version, then the newer one; never the repeat or the older one")
                .hasSize(2);
        assertThat(calls.get(0).header("Idempotency-Key")).isNotEqualTo(calls.get(1).header("Idempotency-Key"));
    }

    @Test
    void aNewerVersionWithTheSameTextIsNeitherClassifiedNorIndexedAgain() {
        Instant first = Instant.parse("2026-11-02T10:00:00Z");
        String ticketId = importTicket("flow-same", "Please close my savings account", first);
        awaitDecision(ticketId);
        await().atMost(Duration.ofSeconds(30)).until(() -> !indexCalls(ticketId).isEmpty());

        // A newer version that only moved fields (an agent's change, our own write-back echoed by the source).
        importTicket("flow-same", "Please close my savings account", first.plusSeconds(60));
        // Then one whose text changed: classified and indexed again, which also shows the one before was passed.
        importTicket("flow-same", "Please close my savings account and my card", first.plusSeconds(120));

        await().atMost(Duration.ofSeconds(30)).until(() -> classifyCalls(ticketId).size() == 2
                && indexCalls(ticketId).size() == 2);
        assertThat(classifyCalls(ticketId).get(1).bodyText()).contains("and my card");
        assertThat(indexCalls(ticketId).get(1).bodyText()).contains("and my card");
        assertThat(jdbc.sql("SELECT source_updated_at FROM tickets_clean WHERE ticket_id = :t::uuid")
                .param("t", ticketId).query(java.sql.Timestamp.class).single().toInstant())
                .isEqualTo(first.plusSeconds(120));
    }

    @Test
    void aDeliveryThatFailsIsRetriedWithTheSameKeyUntilTheDecisionIsStored() {
        classify.fail("/classify", StubFailure.status(503));
        String ticketId = importTicket("flow-3", "Internet is down since this morning", Instant.now());

        await().atMost(Duration.ofSeconds(30)).until(() -> classifyCalls(ticketId).size() >= 2);
        assertThat(http().get("/tickets/" + ticketId + "/decision", ApiKeys.OPS).statusCode()).isEqualTo(404);
        classify.heal();

        JsonNode decision = awaitDecision(ticketId);
        assertThat(decision.path("status").asString()).isEqualTo("DECIDED");
        assertThat(classifyCalls(ticketId)).extracting(r -> r.header("Idempotency-Key")).as("one key per version")
                .containsOnly(classifyCalls(ticketId).getFirst().header("Idempotency-Key"));
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL "
                + "AND serialized_event LIKE ?").param("%" + ticketId + "%").query(Long.class).single())
                .as("both steps completed").isZero();
    }

    @Test
    void aTicketClassifyServiceRefusesIsKeptAsRefusedAndNotRetried() {
        classify.fail("/classify", StubFailure.reply(StubReply.json(400, """
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"unknown channel","field":"channel"}
                """)));
        String ticketId = importTicket("flow-4", "Something odd", Instant.now());

        JsonNode decision = awaitDecision(ticketId);
        assertThat(decision.path("status").asString()).isEqualTo("REFUSED");
        assertThat(decision.path("problem").asString()).isEqualTo("400 unknown channel");
        assertThat(decision.path("department").isNull()).isTrue();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> classifyCalls(ticketId).size() == 1);
    }

    @Test
    void aRefusalThatIsNotAProblemDetailIsKeptWithItsStatus() {
        classify.fail("/classify", StubFailure.reply(StubReply.bytes(413, "text/html",
                "<html><body>Request Entity Too Large</body></html>".getBytes(StandardCharsets.UTF_8))));
        String ticketId = importTicket("flow-6", "A very long story", Instant.now());

        JsonNode decision = awaitDecision(ticketId);
        assertThat(decision.path("status").asString()).isEqualTo("REFUSED");
        assertThat(decision.path("problem").asString()).isEqualTo("413 Content Too Large");
    }

    @Test
    void aKeyClassifyServiceRefusesIsRetriedNotHeldAgainstTheTicket() {
        classify.fail("/classify", StubFailure.reply(StubReply.json(403, """
                {"type":"about:blank","title":"Forbidden","status":403,"detail":"the key lacks the role"}
                """)));
        String ticketId = importTicket("flow-7", "Where is my card", Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> classifyCalls(ticketId).size() >= 2);
        assertThat(http().get("/tickets/" + ticketId + "/decision", ApiKeys.OPS).statusCode()).isEqualTo(404);

        classify.heal();
        assertThat(awaitDecision(ticketId).path("status").asString()).isEqualTo("DECIDED");
    }

    @Test
    void anErasedTicketIsNeitherClassifiedNorIndexedAnyMore() {
        classify.fail("/classify", StubFailure.status(503));
        embedding.fail("/embeddings", StubFailure.status(503));
        String ticketId = importTicket("flow-5", "Please close my account", Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> !classifyCalls(ticketId).isEmpty());

        jdbc.sql("DELETE FROM tickets WHERE id = ?").param(UUID.fromString(ticketId)).update();
        int calls = classifyCalls(ticketId).size();
        classify.heal();
        embedding.heal();

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM event_publication "
                + "WHERE completion_date IS NULL AND serialized_event LIKE ?").param("%" + ticketId + "%")
                .query(Long.class).single() == 0);
        assertThat(classifyCalls(ticketId)).hasSize(calls);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_decisions WHERE ticket_id = ?")
                .param(UUID.fromString(ticketId)).query(Long.class).single()).isZero();
    }

    @Test
    void decisionOfAnUnknownTicketIs404AndABadIdIs400() {
        assertThat(http().get("/tickets/" + UUID.randomUUID() + "/decision", ApiKeys.OPS).statusCode())
                .isEqualTo(404);
        HttpResponse<String> bad = http().get("/tickets/not-a-uuid/decision", ApiKeys.OPS);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).contains("problem+json"));
        assertThat(http().get("/tickets/" + UUID.randomUUID() + "/decision", ApiKeys.CLASSIFIER).statusCode())
                .isEqualTo(403);
    }
}
