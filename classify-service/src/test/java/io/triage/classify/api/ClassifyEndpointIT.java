package io.triage.classify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.triage.classify.testing.Downstreams;
import io.triage.classify.testing.TestModel;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubReply;
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
 * {@code /classify} and {@code /batch-classify} as shipped: no LLM configured (the default), bad input, batches,
 * and circuit breaking when rules-engine keeps failing. Dependencies are loopback servers in their wire formats.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Remote rules evaluation: the circuit test opens rules-engine's circuit on POST /rules/evaluate.
        "triage.classify.tiers.rules.evaluation=remote",
        "triage.classify.tiers.rules.timeout=2s",
        "triage.classify.tiers.cache.timeout=2s",
        "triage.platform.resilience.initial-backoff=10ms",
        "triage.platform.resilience.max-attempts=1",
        "triage.platform.resilience.minimum-calls=4",
        "triage.platform.resilience.sliding-window-size=4",
        "triage.platform.resilience.open-state-wait=60s"})
@IsolatedBackingServices
@Import(TestModel.class)
class ClassifyEndpointIT implements PlatformContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Downstreams downstreams = new Downstreams();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void dependencies(DynamicPropertyRegistry registry) {
        downstreams.register(registry);
    }

    @AfterAll
    static void stopServers() {
        downstreams.close();
    }

    @BeforeEach
    void answeringDependencies() {
        downstreams.quiet();
    }

    @Override
    public ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    @Override
    public String jsonEndpoint() {
        return "/classify";
    }

    private HttpResponse<String> classify(String json) {
        return http().post("/classify", ApiKeys.CLASSIFIER, json);
    }

    private static String field(HttpResponse<String> problem) {
        return JsonBody.tree(problem).path("field").asString();
    }

    private long decisions() {
        return jdbc.sql("SELECT count(*) FROM decisions").query(Long.class).single();
    }

    @Test
    void withoutAnLlmAnUnsureTicketNeedsReviewWithItsCandidates() {
        HttpResponse<String> response = classify("""
                {"ticketId":"T-NR-1","subject":"zork","description":"blorp quux frobnicate wibble",
                 "channel":"chat"}""");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("routingMethod").asString()).isEqualTo("NEEDS_REVIEW");
        assertThat(body.get("department").isNull()).isTrue();
        assertThat(body.get("candidates").get("department").size()).isBetween(1, 3);
        assertThat(JsonBody.elements(body.get("skippedTiers"))).anySatisfy(skipped -> {
            assertThat(skipped.path("tier").asString()).isEqualTo("LLM");
            assertThat(skipped.path("reason").asString()).contains("no LLM configured");
        });
        assertThat(body.get("explanation").get("summary").asString()).contains("a person should decide");
        assertThat(body.get("decisionId").asString()).hasSize(36);
    }

    @Test
    void classifierRoleIsRequired() {
        PlatformContract.assertProblem(http().post("/classify", ApiKeys.ANALYST, "{\"description\":\"x\"}"), 403);
        PlatformContract.assertProblem(http().post("/classify", ApiKeys.GDPR_SERVICE, "{\"description\":\"x\"}"),
                403);
    }

    @Test
    void feedbackIsTakenOnlyFromTheCallerWhoseDecisionItIs() {
        // A ticketing system's key corrects its own decisions, not those another caller asked for (issue 19,
        // finding 2): it cannot skew accuracy, the cache or the forwarded training labels of other systems' tickets.
        assertThat(http().post("/classify", ApiKeys.INGESTION_SERVICE,
                "{\"ticketId\":\"T-OWN-1\",\"description\":\"blorp quux frobnicate\",\"channel\":\"chat\"}")
                .statusCode()).isEqualTo(200);
        assertThat(http().post("/batch-classify", ApiKeys.CLASSIFIER,
                "{\"tickets\":[{\"ticketId\":\"T-OWN-2\",\"description\":\"wibble quux\",\"channel\":\"chat\"}]}")
                .statusCode()).isEqualTo(200);
        String feedbackOnOne = "{\"ticketId\":\"T-OWN-1\",\"department\":\"Sales\"}";
        String feedbackOnTwo = "{\"ticketId\":\"T-OWN-2\",\"department\":\"Sales\"}";

        PlatformContract.assertProblem(http().post("/feedback", ApiKeys.CLASSIFIER, feedbackOnOne), 404);
        PlatformContract.assertProblem(http().post("/feedback", ApiKeys.INGESTION_SERVICE, feedbackOnTwo), 404);
        assertThat(feedbackRows("T-OWN-1") + feedbackRows("T-OWN-2")).as("refused feedback changes nothing").isZero();

        assertThat(http().post("/feedback", ApiKeys.INGESTION_SERVICE, feedbackOnOne).statusCode()).isEqualTo(201);
        assertThat(http().post("/feedback", ApiKeys.CLASSIFIER, feedbackOnTwo).statusCode()).isEqualTo(201);
    }

    private long feedbackRows(String ticketId) {
        return jdbc.sql("SELECT count(*) FROM decision_feedback f JOIN decisions d ON d.id = f.decision_id "
                + "WHERE d.ticket_id = :ticket").param("ticket", ticketId).query(Long.class).single();
    }

    @Test
    void ingestionServiceClassifiesStoredTicketsButDoesNotBatch() {
        HttpResponse<String> response = http().post("/classify", ApiKeys.INGESTION_SERVICE,
                "{\"ticketId\":\"T-ING-1\",\"description\":\"blorp quux frobnicate wibble\",\"channel\":\"chat\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        PlatformContract.assertProblem(http().post("/batch-classify", ApiKeys.INGESTION_SERVICE,
                "{\"tickets\":[{\"description\":\"x\"}]}"), 403);
    }

    @Test
    void missingDescriptionIs400NamingTheFieldAndLogsNothing() {
        long before = decisions();
        HttpResponse<String> response = classify("{\"subject\":\"only a subject\"}");
        PlatformContract.assertProblem(response, 400);
        assertThat(field(response)).isEqualTo("description");
        assertThat(decisions()).isEqualTo(before);
    }

    @Test
    void unknownChannelAndInvalidIdsAre400NamingTheField() {
        HttpResponse<String> channel = classify("{\"description\":\"help\",\"channel\":\"fax\"}");
        PlatformContract.assertProblem(channel, 400);
        assertThat(field(channel)).isEqualTo("channel");
        HttpResponse<String> id = classify("{\"description\":\"help\",\"ticketId\":\"has spaces\"}");
        PlatformContract.assertProblem(id, 400);
        assertThat(field(id)).isEqualTo("ticketId");
    }

    @Test
    void oversizedTextIs413NamingTheField() {
        HttpResponse<String> response = classify("{\"description\":\"" + "a".repeat(30_000) + "\"}");
        PlatformContract.assertProblem(response, 413);
        assertThat(field(response)).isEqualTo("description");
    }

    @Test
    void batchIsAnsweredInRequestOrder() {
        String tickets = String.join(",", IntStream.range(0, 25).mapToObj(i -> """
                {"ticketId":"B-%d","subject":"Order %d","description":"Where is my parcel number %d?"}"""
                .formatted(i, i, i)).toList());
        HttpResponse<String> response = http().post("/batch-classify", ApiKeys.CLASSIFIER,
                "{\"tickets\":[" + tickets + "]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode results = JSON.readTree(response.body()).get("results");
        List<String> ids = new ArrayList<>();
        results.forEach(result -> ids.add(result.get("ticketId").asString()));
        assertThat(ids).containsExactlyElementsOf(IntStream.range(0, 25).mapToObj(i -> "B-" + i).toList());
    }

    @Test
    void batchWithOneBadTicketIsRefusedWhole() {
        long before = decisions();
        HttpResponse<String> response = http().post("/batch-classify", ApiKeys.CLASSIFIER, """
                {"tickets":[{"description":"fine"},{"subject":"no description"}]}""");
        PlatformContract.assertProblem(response, 400);
        assertThat(field(response)).isEqualTo("tickets[1].description");
        assertThat(decisions()).isEqualTo(before);
    }

    @Test
    void malformedLanguageOrSegmentIs400NamingTheFieldAndLogsNothing() {
        long before = decisions();
        HttpResponse<String> language = classify("{\"description\":\"help\",\"language\":\"english\"}");
        PlatformContract.assertProblem(language, 400);
        assertThat(field(language)).isEqualTo("language");
        HttpResponse<String> segment = http().post("/batch-classify", ApiKeys.CLASSIFIER, """
                {"tickets":[{"description":"fine","language":"en"},
                            {"description":"fine","customerSegment":"big spender"}]}""");
        PlatformContract.assertProblem(segment, 400);
        assertThat(field(segment)).isEqualTo("tickets[1].customerSegment");
        assertThat(decisions()).isEqualTo(before);
    }

    @Test
    void batchOverTheLimitIs413() {
        String tickets = String.join(",", IntStream.range(0, 1001).mapToObj(i -> "{\"description\":\"d\"}").toList());
        HttpResponse<String> response = http().post("/batch-classify", ApiKeys.CLASSIFIER,
                "{\"tickets\":[" + tickets + "]}");
        PlatformContract.assertProblem(response, 413);
        assertThat(field(response)).isEqualTo("tickets");
    }

    @Test
    void failingRulesEngineOpensItsCircuitAndIsNoLongerCalled() {
        downstreams.rules().onAny("/", request -> StubReply.json(503, "{\"title\":\"Service unavailable\"}"));
        downstreams.rules().clearReceived();
        List<JsonNode> skipped = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = classify("""
                    {"ticketId":"T-CB-%d","description":"my account is locked"}""".formatted(i));
            assertThat(response.statusCode()).as("a degraded answer, not an error").isEqualTo(200);
            skipped.add(JSON.readTree(response.body()).get("skippedTiers"));
        }
        assertThat(skipped).allSatisfy(tiers -> assertThat(JsonBody.elements(tiers))
                .anySatisfy(tier -> assertThat(tier.path("tier").asString()).isEqualTo("RULE")));
        assertThat(JsonBody.elements(skipped.getLast())).anySatisfy(tier -> {
            assertThat(tier.path("tier").asString()).isEqualTo("RULE");
            assertThat(tier.path("reason").asString()).contains("rules-engine unavailable (OPEN)");
        });
        assertThat(downstreams.rules().received("/rules/evaluate")).as("the open circuit spares rules-engine")
                .hasSizeLessThan(10);
    }
}
