package io.triage.classify.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.triage.classify.testing.Downstreams;
import io.triage.classify.testing.Stubs;
import io.triage.classify.testing.TestModel;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubServer;
import org.jspecify.annotations.Nullable;
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

/**
 * {@code POST /internal/exports} on the real service (real Postgres and Redis): decisions made through
 * {@code /classify} and feedback through {@code /feedback}, read back for one customer; rules-engine,
 * embedding-service, audit-service and the LLM are loopback stubs in their wire formats, as in the erasure test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.classify.tiers.llm.api-key=stub-key",
        "triage.classify.tiers.llm.model=stub-model",
        "triage.classify.customer-hash-key=export-it-customer-hash-key-0123456789",
        "triage.classify.tiers.rules.timeout=2s",
        "triage.classify.tiers.cache.timeout=2s",
        "triage.platform.resilience.minimum-calls=1000"})
@IsolatedBackingServices
@Import(TestModel.class)
class CustomerExportIT {

    static final Downstreams downstreams = new Downstreams();
    static final StubServer llm = new StubServer();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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
        llm.onAny("/", request -> StubReply.json(Stubs.chatCompletion(
                Stubs.llmAnswer("Billing", "Medium", "Neutral", 0.8), 120, 30)));
    }

    @Test
    void theCustomersDecisionsComeWithTheirFeedbackFoundByTicketOrCustomer() {
        UUID byTicketAndCustomer = classify("EX-1", "CUST-X", "blorp quux frobnicate wibble");
        UUID byCustomerOnly = classify(null, "CUST-X", "snark plugh xyzzy grue");
        UUID byTicketOnly = classify("EX-3", null, "gleep glorp snerk fnord");
        UUID otherCustomer = classify("EX-9", "CUST-Y", "quux wibble plover frotz");
        feedback(byTicketAndCustomer, "Shipping/Delivery");
        feedback(otherCustomer, "Billing");
        long decisionsBefore = jdbc.sql("SELECT count(*) FROM decisions").query(Long.class).single();

        HttpResponse<String> response = export("{\"customerId\":\"CUST-X\",\"ticketIds\":[\"EX-1\",\"EX-3\"]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String body = response.body();
        assertThat((List<String>) JsonPath.read(body, "$.decisions[*].id")).containsExactlyInAnyOrder(
                byTicketAndCustomer.toString(), byCustomerOnly.toString(), byTicketOnly.toString());
        String first = "$.decisions[?(@.id=='" + byTicketAndCustomer + "')]";
        assertThat((List<String>) JsonPath.read(body, first + ".ticketId")).containsExactly("EX-1");
        assertThat((List<String>) JsonPath.read(body, first + ".routingMethod")).singleElement().isNotNull();
        assertThat((List<String>) JsonPath.read(body, first + ".feedback.department"))
                .containsExactly("Shipping/Delivery");
        assertThat((List<Object>) JsonPath.read(body, "$.decisions[?(@.id=='" + byCustomerOnly + "')].feedback"))
                .containsExactly((Object) null);
        assertThat(jdbc.sql("SELECT count(*) FROM decisions").query(Long.class).single())
                .as("read-only").isEqualTo(decisionsBefore);
    }

    @Test
    void aBadBodyIs400NamingTheFieldAndOtherRolesAreRefused() {
        assertThat(badField("{\"customerId\":\" \",\"ticketIds\":[]}")).isEqualTo("customerId");
        assertThat(badField("{\"customerId\":\"CUST-X\"}")).isEqualTo("ticketIds");
        assertThat(badField("{\"customerId\":\"CUST-X\",\"ticketIds\":[\"EX-1\",\"\"]}")).isEqualTo("ticketIds[1]");
        String body = "{\"customerId\":\"CUST-X\",\"ticketIds\":[]}";
        PlatformContract.assertProblem(http().post("/internal/exports", ApiKeys.CLASSIFIER, body), 403);
        PlatformContract.assertProblem(http().post("/internal/exports", ApiKeys.OPS, body), 403);
        PlatformContract.assertProblem(http().post("/internal/exports", ApiKeys.COMPLIANCE, body), 403);
    }

    private ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    private HttpResponse<String> export(String body) {
        return http().post("/internal/exports", ApiKeys.GDPR_SERVICE, body);
    }

    private String badField(String body) {
        HttpResponse<String> response = export(body);
        PlatformContract.assertProblem(response, 400);
        return JsonBody.tree(response).path("field").asString();
    }

    private UUID classify(@Nullable String ticketId, @Nullable String customerId, String description) {
        String json = """
                {"ticketId":%s,"subject":"zork","description":"%s","channel":"email","customerId":%s,
                 "sourceSystem":"servicenow"}""".formatted(quoted(ticketId), description, quoted(customerId));
        HttpResponse<String> response = http().post("/classify", ApiKeys.CLASSIFIER, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return UUID.fromString(JsonBody.tree(response).path("decisionId").asString());
    }

    private void feedback(UUID decision, String department) {
        HttpResponse<String> response = http().post("/feedback", ApiKeys.CLASSIFIER,
                "{\"decisionId\":\"%s\",\"department\":\"%s\"}".formatted(decision, department));
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    private static String quoted(@Nullable String value) {
        return value == null ? "null" : '"' + value + '"';
    }
}
