package io.triage.classify.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.triage.classify.feedback.AuditFeedback;
import io.triage.classify.model.HeadPrediction;
import io.triage.classify.model.ModelAnswer;
import io.triage.classify.model.ModelTier;
import io.triage.classify.testing.Downstreams;
import io.triage.classify.testing.Stubs.Neighbour;
import io.triage.classify.testing.Stubs;
import io.triage.classify.testing.TestModel;
import io.triage.classify.tier.ClassificationResult;
import io.triage.classify.tier.Explanation;
import io.triage.classify.tier.LabelScore;
import io.triage.classify.tier.RoutingMethod;
import io.triage.classify.tier.SkippedTier;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubServer;
import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tier chain on the real service with real Postgres and Redis; rules-engine, embedding-service, audit-service
 * and the LLM are loopback HTTP servers speaking their wire formats. Each tier is driven to be the deciding one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The rules tier's remote mode: these tests drive POST /rules/evaluate (LocalRulesIT covers local mode).
        "triage.classify.tiers.rules.evaluation=remote",
        "triage.classify.tiers.llm.api-key=stub-key",
        "triage.classify.tiers.llm.model=stub-model",
        "triage.classify.tiers.audit-redeliver-after=1s",
        // Generous deadlines: the shared test machine is slow; slowRulesEngineIsCutAtItsDeadline exceeds this one.
        "triage.classify.tiers.rules.timeout=1s",
        "triage.classify.tiers.cache.timeout=2s",
        "spring.http.serviceclient.rules.read-timeout=10s",
        "triage.classify.tiers.audit-redelivery-interval=PT1S",
        "triage.platform.resilience.open-state-wait=2s",
        "triage.platform.resilience.initial-backoff=10ms",
        // Circuits stay closed here so one test's outage skips no tier in the next; ClassifyEndpointIT opens one.
        "triage.platform.resilience.minimum-calls=1000"})
@IsolatedBackingServices
@Import(TestModel.class)
class TierChainIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Downstreams downstreams = new Downstreams();
    static final StubServer llm = new StubServer();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ModelTier model;

    @DynamicPropertySource
    static void dependencies(DynamicPropertyRegistry registry) {
        downstreams.register(registry);
        registry.add("triage.classify.tiers.llm.base-url", () -> llm.baseUrl() + "/v1");
    }

    @AfterAll
    static void stopServers() {
        downstreams.close();
        llm.close();
    }

    @BeforeEach
    void quietDependencies() {
        downstreams.quiet();
        llm.start();
        llm.delay(Duration.ZERO);
        llm.clearReceived();
        llm.onAny("/", request -> StubReply.json(Stubs.chatCompletion(
                Stubs.llmAnswer("Billing", "Medium", "Neutral", 0.8), request.bodyText().length() / 4, 30)));
    }

    ClassificationResult classify(TicketInput ticket) {
        var response = ServiceHttp.onPort(port).post("/classify", ApiKeys.CLASSIFIER, JSON.writeValueAsString(ticket));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), ClassificationResult.class);
    }

    static TicketInput ticket(String id, String subject, String description) {
        return new TicketInput(id, subject, description, "email", "CUST-42", "servicenow");
    }

    @Test
    void confidentRuleDecidesAndTheModelAddsSentiment() {
        downstreams.rules().onAny("/", request -> StubReply.json(
                Stubs.ruleFired("R001", "Security", "High", 0.95, "account locked")));
        ClassificationResult result = classify(ticket("T-RULE-1", "Locked out",
                "My account locked after three attempts, please help"));

        assertThat(result.routingMethod()).isEqualTo(RoutingMethod.RULE);
        assertThat(result.department()).isEqualTo(new LabelScore("Security", 0.95));
        assertThat(result.urgency()).extracting(LabelScore::label).isEqualTo("High");
        assertThat(result.sentiment()).isNotNull();
        assertThat(result.ruleSetVersion()).isEqualTo("7");
        assertThat(result.modelVersion()).isEqualTo(TestModel.VERSION);
        assertThat(result.explanation().matchedRule()).isEqualTo("R001");
        assertThat(result.explanation().matchedText()).isEqualTo("account locked");
        assertThat(downstreams.embedding().received()).as("later tiers are not asked").isEmpty();
        assertThat(downstreams.rules().received("/rules/evaluate").getFirst().header("X-API-Key"))
                .as("classify-service's own identity, not the ticketing system's key")
                .isEqualTo(ApiKeys.CLASSIFY_SERVICE);
    }

    @Test
    void textIsSanitisedBeforeAnyTierSeesIt() {
        classify(ticket("T-PII-1", "Refund", "Please refund jane.doe@example.com, card 4111 1111 1111 1111"));
        String sent = downstreams.rules().received("/rules/evaluate").getFirst().bodyText();
        assertThat(sent).doesNotContain("jane.doe@example.com").doesNotContain("4111 1111 1111 1111");
    }

    @Test
    void ruleBelowTheShortCircuitThresholdDoesNotDecide() {
        downstreams.rules().onAny("/", request -> StubReply.json(
                Stubs.ruleFired("R002", "Billing", "Medium", 0.7, "refund")));
        ClassificationResult result = classify(ticket("T-RULE-2", "Refund?", "I might want a refund one day"));
        assertThat(result.routingMethod()).isNotEqualTo(RoutingMethod.RULE);
        assertThat(result.explanation().matchedRule()).isEqualTo("R002");
    }

    @Test
    void nearDuplicateWithGoodHistoryDecidesFromTheCache() {
        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of(
                new Neighbour("H-1", 0.96, "Shipping/Delivery", "Low", "Negative"),
                new Neighbour("H-2", 0.81, "Billing", "Low", "Neutral")))));
        ClassificationResult result = classify(ticket("T-CACHE-1", "Parcel", "My parcel never arrived"));

        assertThat(result.routingMethod()).isEqualTo(RoutingMethod.CACHE);
        assertThat(result.department()).extracting(LabelScore::label).isEqualTo("Shipping/Delivery");
        assertThat(result.department()).extracting(LabelScore::confidence).isEqualTo(0.9);
        assertThat(result.sentiment()).extracting(LabelScore::label).isEqualTo("Negative");
        assertThat(result.explanation().similarTickets()).extracting(Explanation.Neighbour::ticketId)
                .containsExactly("H-1", "H-2");
        assertThat(llm.received()).isEmpty();
    }

    @Test
    void anUnlabelledNearDuplicateDoesNotHideTheNearestLabelledOne() {
        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of(
                new Neighbour("NEW-1", 0.99, null, null, null),
                new Neighbour("H-4", 0.95, "Shipping/Delivery", "Low", "Negative")))));
        ClassificationResult reused = classify(ticket("T-CACHE-4", "Parcel", "My parcel never arrived"));

        assertThat(reused.routingMethod()).isEqualTo(RoutingMethod.CACHE);
        assertThat(reused.department()).extracting(LabelScore::label).isEqualTo("Shipping/Delivery");
        assertThat(reused.explanation().summary()).contains("H-4");

        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of(
                new Neighbour("NEW-2", 0.99, null, null, null),
                new Neighbour("H-5", 0.60, "Billing", "Low", "Neutral")))));
        ClassificationResult far = classify(ticket("T-CACHE-5", "Parcel", "My parcel never arrived"));
        assertThat(far.routingMethod()).as("the labelled one is judged by the same similarity bar")
                .isNotEqualTo(RoutingMethod.CACHE);
    }

    @Test
    void cacheRefusesAHitWhenHistoricalAccuracyIsBelowTheBar() {
        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of(
                new Neighbour("H-BAD", 0.97, "Sales", "Low", "Positive")))));
        ClassificationResult first = classify(ticket("T-CACHE-2", "Upgrade", "Can I upgrade my plan?"));
        assertThat(first.routingMethod()).isEqualTo(RoutingMethod.CACHE);

        HttpResult feedback = post("/feedback", """
                {"decisionId":"%s","department":"Billing"}""".formatted(first.decisionId()));
        assertThat(feedback.status()).isEqualTo(201);

        ClassificationResult second = classify(ticket("T-CACHE-3", "Upgrade", "Can I upgrade my plan?"));
        assertThat(second.routingMethod()).isNotEqualTo(RoutingMethod.CACHE);
        assertThat(second.explanation().summary() + second.skippedTiers()).doesNotContain("near-duplicate");
        assertThat(jdbc.sql("SELECT reuses || '/' || correct FROM cache_reuse_accuracy"
                + " WHERE neighbour_ticket_id = 'H-BAD'")
                .query(String.class).single()).isEqualTo("1/0");
    }

    @Test
    void confidentModelDecides() {
        SyntheticTicket sure = new TicketGenerator(11).generate(200).stream()
                .filter(t -> confident(model.predict(t.subject() + "\n" + t.description(), null)))
                .findFirst().orElseThrow();
        ClassificationResult result = classify(ticket("T-ML-1", sure.subject(), sure.description()));

        assertThat(result.routingMethod()).isEqualTo(RoutingMethod.ML);
        assertThat(result.modelVersion()).isEqualTo(TestModel.VERSION);
        assertThat(result.alternatives()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(result.explanation().strongestNgrams()).isNotEmpty();
        assertThat(llm.received()).isEmpty();
    }

    @Test
    void unsureTicketGoesToTheLlmWithSimilarTicketsAsExamples() {
        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of(
                new Neighbour("H-10", 0.84, "Billing", "Medium", "Neutral"),
                new Neighbour("H-11", 0.80, "Billing", "Low", "Neutral")))));
        ClassificationResult result = classify(ticket("T-LLM-1", "zork", "blorp quux frobnicate wibble"));

        assertThat(result.routingMethod()).as(result.toString()).isEqualTo(RoutingMethod.LLM);
        assertThat(result.department()).isEqualTo(new LabelScore("Billing", 0.8));
        JsonNode request = JsonBody.tree(llm.received("/v1/chat/completions").getFirst().bodyText());
        assertThat(request.path("model").asString()).isEqualTo("stub-model");
        assertThat(request.path("response_format").path("type").asString()).isEqualTo("json_schema");
        assertThat(JsonBody.elements(request.path("messages"))).anySatisfy(message -> assertThat(
                message.path("content").asString()).contains("Similar resolved tickets", "department=Billing"));
        assertThat(llm.received().getFirst().header("X-API-Key")).isNull();
        assertThat(jdbc.sql("SELECT llm_mode FROM decisions WHERE id = :id").param("id", result.decisionId())
                .query(String.class).single()).isEqualTo("rag");
        assertThat(jdbc.sql("SELECT count(*) FROM llm_calls WHERE outcome = 'valid'").query(Long.class).single())
                .isPositive();
    }

    @Test
    void farNeighboursMeanAZeroShotPrompt() {
        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of(
                new Neighbour("H-20", 0.41, "Sales", "Low", "Positive")))));
        ClassificationResult result = classify(ticket("T-LLM-2", "zork", "snark plugh xyzzy grue"));

        assertThat(result.routingMethod()).as(result.toString()).isEqualTo(RoutingMethod.LLM);
        assertThat(llm.received("/v1/chat/completions").getFirst().bodyText())
                .doesNotContain("Similar resolved tickets");
    }

    @Test
    void invalidLlmOutputIsRetriedOnceThenNeedsReview() {
        llm.onAny("/", request -> StubReply.json(Stubs.chatCompletion("{\"department\":\"Mystery\"}", 100, 10)));
        ClassificationResult result = classify(ticket("T-LLM-3", "zork", "gleep glorp snerk fnord"));

        assertThat(result.routingMethod()).isEqualTo(RoutingMethod.NEEDS_REVIEW);
        assertThat(result.department()).isNull();
        assertThat(result.candidates().get("department")).isNotEmpty();
        assertThat(llm.received("/v1/chat/completions")).hasSize(2);
    }

    @Test
    void repeatedPromptIsAnsweredFromTheRedisCache() {
        TicketInput same = ticket("T-LLM-4", "zork", "quux wibble plover frotz");
        ClassificationResult first = classify(same);
        ClassificationResult second = classify(same);

        assertThat(first.routingMethod()).as(first.toString()).isEqualTo(RoutingMethod.LLM);
        assertThat(second.routingMethod()).isEqualTo(RoutingMethod.LLM);
        assertThat(llm.received("/v1/chat/completions")).hasSize(1);
        assertThat(jdbc.sql("SELECT llm_prompt_tokens FROM decisions WHERE id = :id")
                .param("id", second.decisionId()).query(Long.class).single()).isZero();
    }

    @Test
    void deadRulesEngineAndEmbeddingServiceAreSkippedNotErrors() {
        downstreams.rules().stop();
        downstreams.embedding().stop();
        ClassificationResult result = classify(ticket("T-DOWN-1", "Locked", "account locked again"));

        assertThat(result.skippedTiers()).extracting(SkippedTier::tier)
                .contains(RoutingMethod.RULE, RoutingMethod.CACHE);
        assertThat(result.routingMethod()).isIn(RoutingMethod.ML, RoutingMethod.LLM, RoutingMethod.NEEDS_REVIEW);
        assertThat(result.department() != null || !result.candidates().isEmpty()).isTrue();
    }

    @Test
    void deadLlmEndpointMeansReviewNotAnError() {
        llm.stop();
        ClassificationResult result = classify(ticket("T-LLM-DOWN", "zork", "vorpal snicker-snack callooh"));

        assertThat(result.routingMethod()).isEqualTo(RoutingMethod.NEEDS_REVIEW);
        assertThat(result.skippedTiers()).anySatisfy(skipped -> {
            assertThat(skipped.tier()).isEqualTo(RoutingMethod.LLM);
            assertThat(skipped.reason()).startsWith("llm unavailable");
        });
        assertThat(result.candidates().get("department")).isNotEmpty();
    }

    @Test
    void slowRulesEngineIsCutAtItsDeadline() {
        downstreams.rules().delay(Duration.ofSeconds(3));
        downstreams.rules().onAny("/", request -> StubReply.json(
                Stubs.ruleFired("R001", "Security", "High", 0.95, "locked")));
        ClassificationResult result = classify(ticket("T-SLOW-1", "Locked", "account locked again"));

        assertThat(result.routingMethod()).isNotEqualTo(RoutingMethod.RULE);
        assertThat(result.skippedTiers()).anySatisfy(skipped -> {
            assertThat(skipped.tier()).isEqualTo(RoutingMethod.RULE);
            assertThat(skipped.reason()).contains("no answer within 1000 ms");
        });
    }

    @Test
    void everyDecisionIsLoggedAndReachesAuditServiceEvenAfterAnOutage() {
        downstreams.audit().stop();
        downstreams.rules().onAny("/", request -> StubReply.json(
                Stubs.ruleFired("R001", "Security", "High", 0.95, "locked")));
        ClassificationResult result = classify(ticket("T-AUDIT-1", "Locked", "account locked"));
        assertThat(jdbc.sql("SELECT routing_method FROM decisions WHERE id = :id").param("id", result.decisionId())
                .query(String.class).single()).isEqualTo(result.routingMethod().name());

        downstreams.audit().start();
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(
                downstreams.auditEvents()).anySatisfy(body -> {
                    assertThat(body.path("eventId").asString()).isEqualTo(result.decisionId().toString());
                    assertThat(body.path("ticketId").asString()).isEqualTo("T-AUDIT-1");
                    assertThat(body.path("modelVersion").asString()).isEqualTo(TestModel.VERSION);
                    assertThat(body.path("routingMethod").asString()).isEqualTo("RULES");
                    assertThat(body.path("prediction").path("department").asString()).isEqualTo("Security");
                    assertThat(body.path("confidence").decimalValue()).isEqualByComparingTo("0.9500");
                    assertThat(body.path("userId").asString()).isEqualTo("local-classifier");
                }));
        assertThat(downstreams.audit().received("/audit/events")).allSatisfy(event -> assertThat(event.bodyText())
                .doesNotContain("account locked"));
        assertThat(downstreams.audit().received("/audit/events")).allSatisfy(event -> assertThat(
                event.header("X-API-Key")).isEqualTo(ApiKeys.CLASSIFY_SERVICE));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_outbox WHERE decision_id = :id")
                .param("id", result.decisionId()).query(Long.class).single()).as("delivered events leave the outbox")
                .isZero();
    }

    @Test
    void theTierCallsAndTheAuditDeliveryContinueTheCallersTrace() {
        downstreams.rules().onAny("/", request -> StubReply.json(
                Stubs.ruleFired("R001", "Security", "High", 0.95, "locked")));
        // Alone in its batch, so the relay's span is the request's child rather than a new trace linking several.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM audit_outbox WHERE rejected IS NULL").query(Long.class).single() == 0);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> response = ServiceHttp.onPort(port).send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/classify"))
                .header("X-API-Key", ApiKeys.CLASSIFIER).header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        ticket("T-TRACE-1", "Locked", "account locked")))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String decisionId = JsonBody.tree(response.body()).path("decisionId").asString();

        assertThat(downstreams.rules().received("/rules/evaluate")).as("the rules tier's call, on its own thread")
                .anySatisfy(request -> assertThat(request.header("traceparent")).contains(traceId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                downstreams.audit().received("/audit/events")).filteredOn(
                        request -> request.bodyText().contains(decisionId))
                .singleElement().satisfies(request -> assertThat(request.header("traceparent"))
                        .as("the relay's delivery, later and on another thread").contains(traceId)));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_outbox WHERE decision_id = CAST(:id AS uuid)")
                .param("id", decisionId).query(Long.class).single()).isZero();
    }

    @Test
    void feedbackIsForwardedToRulesEngineAndEmbeddingService() {
        downstreams.rules().onAny("/", request -> request.path().equals("/rules/feedback") ? StubReply.status(204)
                : StubReply.json(Stubs.ruleFired("R005", "Billing", "Medium", 0.9, "refund")));
        downstreams.embedding().onAny("/", request -> request.method().equals("PATCH") ? StubReply.json("{}")
                : StubReply.json(Stubs.neighbours(List.of())));
        classify(ticket("T-FB-1", "Refund", "refund please"));

        HttpResult response = post("/feedback", """
                {"ticketId":"T-FB-1","department":"Security","urgency":"High","source":"ticketing-system"}""");
        assertThat(response.status()).isEqualTo(201);
        JsonNode receipt = JsonBody.tree(response.body());
        assertThat(receipt.path("departmentCorrect").isBoolean()).isTrue();
        assertThat(receipt.path("departmentCorrect").asBoolean()).isFalse();
        assertThat(receipt.path("routingMethod").asString()).isEqualTo("RULE");
        assertThat(JsonBody.tree(post("/feedback", """
                {"ticketId":"T-FB-1","department":"Security"}""").body()).path("duplicate").asBoolean()).isTrue();

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            assertThat(downstreams.rules().received("/rules/feedback")).singleElement()
                    .satisfies(r -> {
                        JsonNode body = JsonBody.tree(r.bodyText());
                        assertThat(body.path("ruleId").asString()).isEqualTo("R005");
                        assertThat(body.path("correctDepartment").asString()).isEqualTo("Security");
                        assertThat(body.path("ruleSetVersion").isIntegralNumber()).isTrue();
                        assertThat(body.path("ruleSetVersion").asInt()).isEqualTo(7);
                    });
            assertThat(downstreams.embedding().received("/embeddings/T-FB-1/labels")).singleElement()
                    .satisfies(r -> assertThat(JsonBody.tree(r.bodyText()).path("department").asString())
                            .isEqualTo("Security"));
        });
        JsonNode accuracy = JsonBody.tree(ServiceHttp.onPort(port).get("/feedback/accuracy", ApiKeys.OPS));
        assertThat(JsonBody.elements(accuracy)).anySatisfy(figure -> {
            assertThat(figure.path("tier").asString()).isEqualTo("RULE");
            assertThat(figure.path("head").asString()).isEqualTo("department");
        });
        assertThat(ServiceHttp.onPort(port).get("/metrics", ApiKeys.OPS).body())
                .contains("routing_decisions_total{method=\"RULE\"", "classification_accuracy{", "cache_hit_rate",
                        "llm_cost_daily", "classify_tier_latency_seconds");
    }

    @Test
    void decisionEventCarriesChannelLanguageAndCustomerSegment() {
        ClassificationResult result = classify(new TicketInput("T-LANG-1", "Refund", "refund please", "chat",
                "CUST-42", null, "EN-gb", "Enterprise"));
        ClassificationResult unknown = classify(ticket("T-LANG-2", "Refund", "refund please"));

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            assertThat(downstreams.auditEvents()).anySatisfy(body -> {
                assertThat(body.path("eventId").asString()).isEqualTo(result.decisionId().toString());
                assertThat(body.path("channel").asString()).isEqualTo("chat");
                assertThat(body.path("language").asString()).isEqualTo("en-GB");
                assertThat(body.path("customerSegment").asString()).isEqualTo("enterprise");
            });
            assertThat(downstreams.auditEvents()).anySatisfy(body -> {
                assertThat(body.path("eventId").asString()).isEqualTo(unknown.decisionId().toString());
                assertThat(body.path("language").isNull()).as("nothing detects a language").isTrue();
                assertThat(body.path("customerSegment").isNull()).isTrue();
            });
        });
    }

    @Test
    void feedbackReachesAuditServiceAtLeastOnceWithAStableFeedbackId() {
        ClassificationResult result = classify(ticket("T-FB-AUDIT", "Refund", "refund please"));
        downstreams.audit().stop();
        assertThat(post("/feedback", """
                {"decisionId":"%s","department":"Security","urgency":"High","source":"ticketing-system"}"""
                .formatted(result.decisionId())).status()).isEqualTo(201);

        downstreams.audit().start();
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(
                downstreams.audit().received("/audit/feedback")).isNotEmpty());
        assertThat(downstreams.audit().received("/audit/feedback")).allSatisfy(request -> {
            JsonNode body = JsonBody.tree(request.bodyText());
            assertThat(body.path("decisionEventId").asString()).isEqualTo(result.decisionId().toString());
            assertThat(body.path("feedbackId").asString())
                    .isEqualTo(AuditFeedback.idOf(result.decisionId()).toString());
            assertThat(body.path("correctDepartment").asString()).isEqualTo("Security");
            assertThat(body.path("correctUrgency").asString()).isEqualTo("High");
            assertThat(body.path("source").asString()).isEqualTo("ticketing-system");
        });
    }

    @Test
    void feedbackForAnUnknownDecisionIs404AndWithoutAnyIdIs400() {
        assertThat(post("/feedback", """
                {"decisionId":"00000000-0000-0000-0000-000000000000","department":"Sales"}""").status())
                .isEqualTo(404);
        HttpResult missing = post("/feedback", "{\"department\":\"Sales\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(JsonBody.tree(missing.body()).path("field").asString()).isEqualTo("decisionId");
    }

    static boolean confident(ModelAnswer answer) {
        HeadPrediction department = answer.heads().get("department");
        return department != null && !department.needsReview();
    }

    record HttpResult(int status, String body) {
    }

    HttpResult post(String path, String json) {
        var response = ServiceHttp.onPort(port).post(path, ApiKeys.CLASSIFIER, json);
        return new HttpResult(response.statusCode(), response.body());
    }
}
