package io.triage.classify.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.classify.testing.Downstreams;
import io.triage.classify.testing.Stubs;
import io.triage.classify.testing.TrainingJobClient;
import io.triage.classify.tier.ClassificationResult;
import io.triage.classify.tier.RoutingMethod;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment's taxonomy on the real service (Postgres, Redis): configured departments until a model serves the
 * head; then, after a model trained on Banking77-style intents is promoted through the module's own training API,
 * {@code GET /taxonomy}, the LLM's prompt and schema and the validation of its answer use the model's labels. The
 * LLM is a loopback server speaking the OpenAI wire format; the ML tier does not decide here, so every ticket
 * reaches it. And the channels a ticketing system sends: mapped, or kept and counted, never refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.classify.taxonomy.departments=Retail,Wholesale",
        "triage.classify.tiers.model.enabled=false",
        "triage.classify.tiers.llm.api-key=stub-key",
        "triage.classify.tiers.llm.model=stub-model",
        "triage.classify.models.sentence-encoder=none",
        "triage.classify.models.poll-interval=1h"})
@IsolatedBackingServices
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaxonomyIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> INTENTS = List.of("card_arrival", "exchange_rate", "lost_or_stolen_card");
    static final Downstreams downstreams = new Downstreams();
    static final StubServer llm = new StubServer();
    static long modelVersion = -1;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

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
        llm.clearReceived();
        answering("Retail");
    }

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    void answering(String department) {
        llm.onAny("/", request -> StubReply.json(Stubs.chatCompletion(
                Stubs.llmAnswer(department, "High", "Negative", 0.9), 200, 30)));
    }

    JsonNode taxonomy(String apiKey) {
        HttpResponse<String> response = http().get("/taxonomy", apiKey);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonBody.tree(response.body());
    }

    HttpResponse<String> classify(String json) {
        return http().post("/classify", ApiKeys.CLASSIFIER, json);
    }

    ClassificationResult classified(String json) {
        HttpResponse<String> response = classify(json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), ClassificationResult.class);
    }

    String loggedChannel(ClassificationResult result) {
        return jdbc.sql("SELECT channel FROM decisions WHERE id = :id").param("id", result.decisionId())
                .query(String.class).single();
    }

    /** A department-only model on three Banking77 intents, trained and promoted once for the tests that need it. */
    long productionModelOnIntents() {
        if (modelVersion < 0) {
            StringBuilder csv = new StringBuilder("text,department\n");
            for (int i = 0; i < 30; i++) {
                csv.append("\"my new card has not arrived yet, order ").append(i).append("\",card_arrival\n");
                csv.append("\"what exchange rate do you use for currency ").append(i).append("\",exchange_rate\n");
                csv.append("\"my card was stolen, please block it, case ").append(i)
                        .append("\",lost_or_stolen_card\n");
            }
            JsonNode trained = TrainingJobClient.result(new TrainingJobClient(http()).train(csv.toString()));
            long version = trained.get("version").asLong();
            HttpResponse<String> promoted = http().post("/models/" + version + "/promote", ApiKeys.ANALYST, "");
            assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
            modelVersion = version;
        }
        return modelVersion;
    }

    @Test
    @Order(1)
    void configuredDepartmentsServeWhileNoModelServesTheHead() {
        JsonNode taxonomy = taxonomy(ApiKeys.ANALYST);
        assertThat(strings(taxonomy.path("departments"))).containsExactly("Retail", "Wholesale");
        assertThat(taxonomy.path("origins").path("department").asString()).isEqualTo("configuration");

        ClassificationResult result = classified("{\"description\":\"blorp quux frobnicate\"}");
        assertThat(result.routingMethod()).as(result.toString()).isEqualTo(RoutingMethod.LLM);
        assertThat(result.department().label()).isEqualTo("Retail");
    }

    @Test
    @Order(2)
    void theProductionModelsLabelsAreTheTaxonomyEveryRoleReads() {
        long version = productionModelOnIntents();
        JsonNode taxonomy = taxonomy(ApiKeys.CLASSIFIER);

        assertThat(strings(taxonomy.path("departments"))).containsExactlyInAnyOrderElementsOf(INTENTS);
        assertThat(taxonomy.path("origins").path("department").asString()).isEqualTo("model:" + version);
        assertThat(taxonomy.path("origins").path("urgency").asString()).isEqualTo("configuration");
        assertThat(strings(taxonomy.path("urgencies"))).containsExactly("Low", "Medium", "High", "Critical");
        assertThat(strings(taxonomy.path("channels"))).contains("email", "api");
        for (String role : List.of(ApiKeys.ANALYST, ApiKeys.OPS, ApiKeys.COMPLIANCE, ApiKeys.ADMIN)) {
            assertThat(taxonomy(role).path("departments")).isEqualTo(taxonomy.path("departments"));
        }
        assertThat(http().get("/taxonomy", null).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void theLlmIsAskedForTheModelsLabelsAndItsAnswerInThemIsAccepted() {
        productionModelOnIntents();
        answering("exchange_rate");
        ClassificationResult result = classified("{\"description\":\"zork snark plugh\"}");

        assertThat(result.routingMethod()).as(result.toString()).isEqualTo(RoutingMethod.LLM);
        assertThat(result.department().label()).isEqualTo("exchange_rate");
        JsonNode request = JsonBody.tree(llm.received("/v1/chat/completions").getFirst().bodyText());
        JsonNode schema = request.path("response_format").path("json_schema").path("schema");
        assertThat(strings(schema.path("properties").path("department").path("enum")))
                .containsExactlyInAnyOrderElementsOf(INTENTS);
        assertThat(strings(schema.path("properties").path("urgency").path("enum")))
                .containsExactly("Low", "Medium", "High", "Critical");
        String system = JsonBody.elements(request.path("messages")).getFirst().path("content").asString();
        assertThat(system).contains(INTENTS).doesNotContain("Retail");
    }

    @Test
    @Order(4)
    void anLlmAnswerOutsideTheModelsLabelsIsRefused() {
        productionModelOnIntents();
        answering("Retail");
        ClassificationResult result = classified("{\"description\":\"gleep glorp snerk fnord\"}");

        assertThat(result.routingMethod()).as(result.toString()).isEqualTo(RoutingMethod.NEEDS_REVIEW);
        assertThat(llm.received("/v1/chat/completions")).as("asked again once, then given up").hasSize(2);
    }

    @Test
    @Order(5)
    void aServiceNowContactTypeIsMappedToThePlatformsChannel() {
        ClassificationResult result = classified("""
                {"description":"printer on fire","channel":"self-service","sourceSystem":"servicenow"}""");
        assertThat(loggedChannel(result)).isEqualTo("web");
    }

    @Test
    @Order(6)
    void aTicketingSystemsUnmappedChannelIsKeptAndCountedNeverRefused() {
        double before = unmapped("servicenow");
        ClassificationResult result = classified("""
                {"description":"printer on fire","channel":"Carrier-Pigeon","sourceSystem":"servicenow"}""");

        assertThat(loggedChannel(result)).isEqualTo("carrier-pigeon");
        assertThat(unmapped("servicenow")).isEqualTo(before + 1);
    }

    @Test
    @Order(7)
    void anUnknownChannelWithoutATicketingSystemIs400NamingTheFieldAndChangesNothing() {
        long decisions = jdbc.sql("SELECT count(*) FROM decisions").query(Long.class).single();
        HttpResponse<String> response = classify("""
                {"description":"printer on fire","channel":"carrier-pigeon"}""");

        PlatformContract.assertProblem(response, 400);
        assertThat(JsonBody.tree(response.body()).path("field").asString()).isEqualTo("channel");
        assertThat(response.body()).contains("email, phone, chat, web, social, api");
        assertThat(jdbc.sql("SELECT count(*) FROM decisions").query(Long.class).single()).isEqualTo(decisions);
    }

    double unmapped(String source) {
        Counter counter = meters.find("classify_unmapped_channels").tag("source", source).counter();
        return counter == null ? 0 : counter.count();
    }

    static List<String> strings(JsonNode array) {
        return JsonBody.elements(array).stream().map(JsonNode::asString).toList();
    }
}
