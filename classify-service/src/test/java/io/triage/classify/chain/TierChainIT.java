package io.triage.classify.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.triage.classify.cache.CacheCalibrations;
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

    @Autowired
    CacheCalibrations calibrations;

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

    /** The test model's department for a ticket, so that the neighbours below agree or disagree with it. */
    String modelSays(String subject, String description) {
        return model.predict(subject + "\n" + description, null).heads().get("department").label();
    }

    /** A department the test model does not give for the ticket. */
    String modelDoesNotSay(String subject, String description) {
        String said = modelSays(subject, description);
        return "Billing".equals(said) ? "Sales" : "Billing";
    }

    static String explained(ClassificationResult result) {
        return result.explanation().summary() + " | " + String.join(" | ", result.explanation().passedOver());
    }

    @Test
    void ruleFedEnoughWrongFeedbackNoLongerShortCircuitsButItsMatchStillShows() {
        downstreams.rules().onAny("/", request -> request.path().equals("/rules/feedback") ? StubReply.status(204)
                : StubReply.json(Stubs.ruleFired("R-WRONG", "Security", "High", 0.95, "password")));
        downstreams.embedding().onAny("/", request -> request.method().equals("PATCH") ? StubReply.json("{}")
                : StubReply.json(Stubs.neighbours(List.of())));
        // 60 confirmed outcomes (the default minimum), every one saying the rule's department was wrong.
        for (int i = 1; i <= 60; i++) {
            ClassificationResult decided = classify(ticket("T-RW-" + i, "Password", "password reset mail"));
            assertThat(decided.routingMethod()).as("outcome %d: fewer than 60 keep the declared confidence", i)
                    .isEqualTo(RoutingMethod.RULE);
            assertThat(post("/feedback", """
                    {"decisionId":"%s","department":"Billing"}""".formatted(decided.decisionId())).status())
                    .isEqualTo(201);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM decisions WHERE rule_id = 'R-WRONG' AND rule_department = 'Security'"
                + " AND rule_short_circuit AND model_department IS NOT NULL").query(Long.class).single())
                .as("the model's prediction is stored beside the rule's for every rule-decided ticket").isEqualTo(60);

        ClassificationResult after = classify(ticket("T-RW-61", "Password", "password reset mail"));

        assertThat(after.routingMethod()).isNotEqualTo(RoutingMethod.RULE);
        assertThat(after.explanation().matchedRule()).isEqualTo("R-WRONG");
        assertThat(after.explanation().matchedText()).isEqualTo("password");
        assertThat(explained(after)).contains("RULE: rule R-WRONG matched but no longer short-circuits: it was "
                + "right 0 of 60 confirmed times (lower bound 0.000 < 0.95)");
        assertThat(jdbc.sql("SELECT rule_short_circuit FROM decisions WHERE id = :id")
                .param("id", after.decisionId()).query(Boolean.class).single()).isFalse();
    }

    @Test
    void nearDuplicateWhoseNeighboursAndModelAgreeDecidesFromTheCache() {
        String department = modelSays("Parcel", "My parcel never arrived");
        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of(
                new Neighbour("H-1", 0.96, department, "Low", "Negative"),
                new Neighbour("H-1B", 0.95, department, "Low", "Negative"),
                new Neighbour("H-1C", 0.94, department, "Medium", "Neutral"),
                new Neighbour("H-2", 0.81, "Other", "Low", "Neutral")))));
        ClassificationResult result = classify(ticket("T-CACHE-1", "Parcel", "My parcel never arrived"));

        assertThat(result.routingMethod()).isEqualTo(RoutingMethod.CACHE);
        assertThat(result.department()).isEqualTo(new LabelScore(department, 0.96));
        assertThat(result.sentiment()).extracting(LabelScore::label).isEqualTo("Negative");
        assertThat(result.explanation().summary()).contains("H-1", "the 3 nearest labelled tickets agree",
                "model's top candidate", "0 confirmed outcomes (fewer than 5)", "similarity and agreement alone");
        assertThat(result.explanation().similarTickets()).extracting(Explanation.Neighbour::ticketId)
                .as("the explanation names the 3 nearest").containsExactly("H-1", "H-1B", "H-1C");
        assertThat(llm.received()).isEmpty();
    }

    @Test
    void cacheAbstainsWhenTheNearestNeighboursDisagree() {
        String department = modelSays("Parcel", "My parcel never arrived");
        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of(
                new Neighbour("H-D1", 0.99, department, "Low", "Negative"),
                new Neighbour("H-D2", 0.97, "Other", "Low", "Negative"),
                new Neighbour("H-D3", 0.96, department, "Low", "Negative")))));
        ClassificationResult result = classify(ticket("T-CACHE-6", "Parcel", "My parcel never arrived"));

        assertThat(result.routingMethod()).isNotEqualTo(RoutingMethod.CACHE);
        assertThat(explained(result)).contains("CACHE: the 3 nearest labelled tickets disagree", "H-D2 (Other");
    }

    @Test
    void cacheAbstainsWhenTooFewLabelledNeighboursCanAgree() {
        String department = modelSays("Parcel", "My parcel never arrived");
        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of(
                new Neighbour("H-F1", 0.99, department, "Low", "Negative"),
                new Neighbour("NEW-F", 0.98, null, null, null)))));
        ClassificationResult result = classify(ticket("T-CACHE-7", "Parcel", "My parcel never arrived"));

        assertThat(result.routingMethod()).isNotEqualTo(RoutingMethod.CACHE);
        assertThat(explained(result)).contains("CACHE: only 1 labelled similar ticket found");
    }

    @Test
    void cacheAbstainsWhenTheModelsTopCandidateContradictsTheNeighbours() {
        String other = modelDoesNotSay("Parcel", "My parcel never arrived");
        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of(
                new Neighbour("H-M1", 0.99, other, "Low", "Negative"),
                new Neighbour("H-M2", 0.98, other, "Low", "Negative"),
                new Neighbour("H-M3", 0.97, other, "Low", "Negative")))));
        ClassificationResult result = classify(ticket("T-CACHE-8", "Parcel", "My parcel never arrived"));

        assertThat(result.routingMethod()).isNotEqualTo(RoutingMethod.CACHE);
        assertThat(explained(result)).contains("CACHE: the model's top candidate", "contradicts " + other);
    }

    @Test
    void theThresholdCalibratedForTheModelAppliesOnlyWithTheCachesEncoder() {
        String department = modelSays("Parcel", "My parcel never arrived");
        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of(
                new Neighbour("H-C1", 0.96, department, "Low", "Negative"),
                new Neighbour("H-C2", 0.955, department, "Low", "Negative"),
                new Neighbour("H-C3", 0.95, department, "Low", "Negative")))));
        jdbc.sql("""
                INSERT INTO cache_calibrations (model_version, encoder, target_precision, threshold, validation_pairs,
                    curve) VALUES (:v, 'all-minilm-l6-v2-q-384', 0.999, 0.97, 1000, '[]')""")
                .param("v", TestModel.VERSION).update();
        calibrations.forget(TestModel.VERSION);
        try {
            ClassificationResult calibrated = classify(ticket("T-CAL-1", "Parcel", "My parcel never arrived"));
            assertThat(calibrated.routingMethod()).isNotEqualTo(RoutingMethod.CACHE);
            assertThat(explained(calibrated)).contains(
                    "CACHE: nearest ticket H-C1 has similarity 0.96 < 0.97 (calibrated for model test-model-1)");

            jdbc.sql("UPDATE cache_calibrations SET encoder = 'bge-small-en-v1.5-q' WHERE model_version = :v")
                    .param("v", TestModel.VERSION).update();
            calibrations.forget(TestModel.VERSION);
            ClassificationResult fixed = classify(ticket("T-CAL-2", "Parcel", "My parcel never arrived"));
            assertThat(fixed.routingMethod()).as("another encoder's calibration: the fixed 0.92")
                    .isEqualTo(RoutingMethod.CACHE);
            assertThat(fixed.explanation().summary()).contains("similarity 0.96 >= 0.92");
        } finally {
            jdbc.sql("DELETE FROM cache_calibrations WHERE model_version = :v").param("v", TestModel.VERSION).update();
            calibrations.forget(TestModel.VERSION);
        }
    }

    @Test
    void anUnlabelledNearDuplicateDoesNotHideTheNearestLabelledOne() {
        String department = modelSays("Parcel", "My parcel never arrived");
        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of(
                new Neighbour("NEW-1", 0.99, null, null, null),
                new Neighbour("H-4", 0.95, department, "Low", "Negative"),
                new Neighbour("H-4B", 0.94, department, "Low", "Negative"),
                new Neighbour("H-4C", 0.93, department, "Low", "Negative")))));
        ClassificationResult reused = classify(ticket("T-CACHE-4", "Parcel", "My parcel never arrived"));

        assertThat(reused.routingMethod()).isEqualTo(RoutingMethod.CACHE);
        assertThat(reused.department()).extracting(LabelScore::label).isEqualTo(department);
        assertThat(reused.explanation().summary()).contains("H-4");

        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of(
                new Neighbour("NEW-2", 0.99, null, null, null),
                new Neighbour("H-5", 0.60, department, "Low", "Neutral"),
                new Neighbour("H-5B", 0.59, department, "Low", "Neutral"),
                new Neighbour("H-5C", 0.58, department, "Low", "Neutral")))));
        ClassificationResult far = classify(ticket("T-CACHE-5", "Parcel", "My parcel never arrived"));
        assertThat(far.routingMethod()).as("the labelled one is judged by the same similarity bar")
                .isNotEqualTo(RoutingMethod.CACHE);
        assertThat(explained(far)).contains("CACHE: nearest labelled ticket H-5 has similarity 0.6 < 0.92");
    }

    @Test
    void oneWrongReuseIsNoPriorButFiveConfirmedOutcomesBelowTheBarStopReuse() {
        String department = modelSays("Upgrade", "Can I upgrade my plan?");
        String right = modelDoesNotSay("Upgrade", "Can I upgrade my plan?");
        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of(
                new Neighbour("H-BAD", 0.97, department, "Low", "Positive"),
                new Neighbour("H-BAD2", 0.96, department, "Low", "Positive"),
                new Neighbour("H-BAD3", 0.95, department, "Low", "Positive")))));
        for (int i = 1; i <= 5; i++) {
            ClassificationResult reused = classify(ticket("T-CACHE-2-" + i, "Upgrade", "Can I upgrade my plan?"));
            assertThat(reused.routingMethod()).as("reuse %d: %d confirmed outcomes are fewer than 5", i, i - 1)
                    .isEqualTo(RoutingMethod.CACHE);
            HttpResult feedback = post("/feedback", """
                    {"decisionId":"%s","department":"%s"}""".formatted(reused.decisionId(), right));
            assertThat(feedback.status()).isEqualTo(201);
        }

        ClassificationResult refused = classify(ticket("T-CACHE-3", "Upgrade", "Can I upgrade my plan?"));
        assertThat(refused.routingMethod()).isNotEqualTo(RoutingMethod.CACHE);
        assertThat(explained(refused)).contains("CACHE: reusing H-BAD's label was right only 0 of 5 confirmed times");
        assertThat(jdbc.sql("SELECT reuses || '/' || correct FROM cache_reuse_accuracy"
                + " WHERE neighbour_ticket_id = 'H-BAD'")
                .query(String.class).single()).isEqualTo("5/0");
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
