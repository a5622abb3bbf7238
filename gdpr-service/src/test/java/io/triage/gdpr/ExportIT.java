package io.triage.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubFailure;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Right-of-access exports, ingestion-service and classify-service stood in by stubs speaking their
 * {@code POST /internal/exports} contracts (their own ITs run the real endpoints): the job runs in the background,
 * its document is encrypted at rest and served once DONE, a failing service is retried, a job left RUNNING by a
 * stopped instance is resumed, expired exports are purged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.gdpr.export.poll-interval=PT0.2S",
        "triage.gdpr.export.retry-delay=200ms",
        "triage.gdpr.export.stale-after=2s",
        "triage.gdpr.export.max-attempts=3",
        "triage.gdpr.export.purge-interval=PT0.5S",
        "triage.platform.resilience.max-attempts=1",
        "triage.platform.resilience.minimum-calls=1000",
        "spring.http.serviceclient.embedding.base-url=http://127.0.0.1:9",
        "spring.http.serviceclient.audit.base-url=http://127.0.0.1:9"})
@IsolatedBackingServices
class ExportIT {

    static final StubServer ingestion = new StubServer();
    static final StubServer classify = new StubServer();
    static final String TEXT = "My card 4111 1111 1111 1111 was charged twice";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.http.serviceclient.ingestion.base-url", ingestion::baseUrl);
        registry.add("spring.http.serviceclient.classify.base-url", classify::baseUrl);
    }

    @BeforeAll
    static void contracts() {
        ingestion.on("POST", "/internal/exports", request -> {
            String customer = JsonPath.read(request.bodyText(), "$.customerId");
            String t = "T-" + customer;
            return StubReply.json("""
                    {"tickets":[
                     {"id":"%s-1","source":"ZENDESK","externalId":"Z-1","channel":"email","subject":"Charged",
                      "description":"%s","sourceUpdatedAt":"2026-11-01T10:00:00Z","receivedAt":"2026-11-01T10:00:01Z",
                      "sanitised":{"text":"My card <CARD> was charged twice","piiTypes":["CARD"],
                                   "sanitisedAt":"2026-11-01T10:00:02Z"},
                      "labels":{"department":"Billing","urgency":null,"sentiment":null,"source":"agent-feedback",
                                "validatedBy":"agent-7","validatedAt":"2026-11-02T10:00:00Z"}},
                     {"id":"%s-2","source":"JIRA","externalId":"J-2","channel":null,"subject":"Again",
                      "description":"Still charged","sourceUpdatedAt":"2026-11-03T10:00:00Z",
                      "receivedAt":"2026-11-03T10:00:01Z","sanitised":null,"labels":null}]}"""
                    .formatted(t, TEXT, t));
        });
        classify.on("POST", "/internal/exports", request -> {
            List<String> tickets = JsonPath.read(request.bodyText(), "$.ticketIds");
            return StubReply.json("""
                    {"decisions":[{"id":"%s","ticketId":"%s","routingMethod":"LLM","department":"Billing",
                      "decidedAt":"2026-11-01T10:00:03Z","feedback":{"department":"Billing","urgency":null,
                      "sentiment":null,"source":"agent","departmentCorrect":true,
                      "receivedAt":"2026-11-02T10:00:00Z"}}]}"""
                    .formatted(UUID.randomUUID(), tickets.getFirst()));
        });
    }

    @AfterEach
    void heal() {
        ingestion.heal();
        classify.heal();
        ingestion.delay(Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        ingestion.close();
        classify.close();
    }

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    HttpResponse<String> requestExport(String customerId) {
        return http().post("/gdpr/export-customer-data", ApiKeys.COMPLIANCE,
                "{\"customerId\":\"" + customerId + "\"}");
    }

    String location(String customerId) {
        HttpResponse<String> response = requestExport(customerId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return response.headers().firstValue("Location").orElseThrow();
    }

    String awaitState(String location, String state) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> http().get(location, ApiKeys.COMPLIANCE).body(),
                body -> state.equals(JsonPath.read(body, "$.state")));
    }

    double metric(String name) {
        return http().get("/actuator/prometheus", ApiKeys.OPS).body().lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    @Test
    void anExportRunsInTheBackgroundAndServesTheCustomersTicketsDecisionsAndLabels() {
        double requested = metric("gdpr_exports_requested_total");
        double completed = metric("gdpr_exports_completed_total");
        HttpResponse<String> accepted = requestExport("CUST-exp-1");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/gdpr/exports/" + JsonPath.read(accepted.body(), "$.id"));
        assertThat((String) JsonPath.read(accepted.body(), "$.state")).isEqualTo("QUEUED");
        assertThat((String) JsonPath.read(accepted.body(), "$.expiresAt")).isNotNull();

        String done = awaitState(location, "DONE");
        HttpResponse<String> data = http().get(location + "/data", ApiKeys.COMPLIANCE);

        assertThat((Integer) JsonPath.read(done, "$.counts.tickets")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(done, "$.counts.sanitisedTickets")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(done, "$.counts.labelledTickets")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(done, "$.counts.decisions")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(done, "$.counts.feedback")).isEqualTo(1);
        assertThat(data.statusCode()).as(data.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(data.body(), "$.customerId")).isEqualTo("CUST-exp-1");
        assertThat((String) JsonPath.read(data.body(), "$.tickets[0].description")).isEqualTo(TEXT);
        assertThat((String) JsonPath.read(data.body(), "$.tickets[0].sanitised.text")).contains("<CARD>");
        assertThat((String) JsonPath.read(data.body(), "$.tickets[0].labels.department")).isEqualTo("Billing");
        assertThat((String) JsonPath.read(data.body(), "$.decisions[0].feedback.department")).isEqualTo("Billing");
        assertThat(classify.received("/internal/exports")).anySatisfy(call -> assertThat(
                (List<String>) JsonPath.read(call.bodyText(), "$.ticketIds"))
                .containsExactly("T-CUST-exp-1-1", "T-CUST-exp-1-2"));
        assertThat(metric("gdpr_exports_requested_total")).isEqualTo(requested + 1);
        assertThat(metric("gdpr_exports_completed_total")).isEqualTo(completed + 1);
    }

    @Test
    void theStoredDocumentIsEncryptedAndTheCustomerIdIsNotKept() {
        String location = location("CUST-exp-secret-4417");
        awaitState(location, "DONE");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        byte[] stored = jdbc.sql("SELECT document FROM exports WHERE id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes(1)).single();
        String asText = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain("CUST-exp-secret-4417").doesNotContain("charged").doesNotContain("4111");
        assertThat(jdbc.sql("SELECT count(*) FROM exports e WHERE CAST(e AS text) LIKE '%CUST-exp-secret-4417%'")
                .query(Long.class).single()).isZero();
        jdbc.sql("UPDATE exports SET document = set_byte(document, 20, get_byte(document, 20) # 1) WHERE id = :id")
                .param("id", id).update();
        assertThat(http().get(location + "/data", ApiKeys.COMPLIANCE).statusCode()).as("an altered document")
                .isEqualTo(500);
    }

    @Test
    void theDataIs409UntilTheExportIsDone() {
        ingestion.delay(Duration.ofSeconds(3));
        String location = location("CUST-exp-slow");
        awaitState(location, "RUNNING");

        HttpResponse<String> early = http().get(location + "/data", ApiKeys.COMPLIANCE);

        PlatformContract.assertProblem(early, 409);
        ingestion.delay(Duration.ZERO);
        awaitState(location, "DONE");
        assertThat(http().get(location + "/data", ApiKeys.COMPLIANCE).statusCode()).isEqualTo(200);
        PlatformContract.assertProblem(http().get("/gdpr/exports/" + UUID.randomUUID() + "/data",
                ApiKeys.COMPLIANCE), 404);
    }

    @Test
    void aFailingServiceIsRetriedAndTheExportFailsAfterTheLastAttempt() {
        double failed = metric("gdpr_exports_failed_total");
        classify.fail("/internal/exports", StubFailure.status(503));
        String location = location("CUST-exp-down");

        String body = awaitState(location, "FAILED");

        assertThat((Integer) JsonPath.read(body, "$.attempts")).isEqualTo(3);
        assertThat((String) JsonPath.read(body, "$.lastError")).isEqualTo("HTTP 503 Service Unavailable");
        assertThat(classify.received(call -> call.bodyText().contains("CUST-exp-down"))).hasSize(3);
        PlatformContract.assertProblem(http().get(location + "/data", ApiKeys.COMPLIANCE), 409);
        assertThat(metric("gdpr_exports_failed_total")).isEqualTo(failed + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM exports WHERE customer_id = 'CUST-exp-down'").query(Long.class)
                .single()).as("the customer id goes when the job ends").isZero();
    }

    @Test
    void anExportLeftRunningByAStoppedInstanceIsResumed() {
        UUID id = UUID.randomUUID();
        // What a crash mid-run leaves: RUNNING under a claim nobody will finish.
        jdbc.sql("""
                INSERT INTO exports (id, customer_id, customer_hash, requested_by, state, attempts, claim, claimed_at,
                                     started_at, expires_at)
                VALUES (:id, 'CUST-exp-crash', 'hash', 'local-compliance', 'RUNNING', 1, :claim,
                        now() - interval '1 hour', now() - interval '1 hour', now() + interval '7 days')
                """).param("id", id).param("claim", UUID.randomUUID()).update();

        String body = awaitState("/gdpr/exports/" + id, "DONE");

        assertThat((Integer) JsonPath.read(body, "$.attempts")).isEqualTo(2);
        assertThat((String) JsonPath.read(http().get("/gdpr/exports/" + id + "/data", ApiKeys.COMPLIANCE).body(),
                "$.customerId")).isEqualTo("CUST-exp-crash");
    }

    @Test
    void expiredExportsArePurged() {
        String location = location("CUST-exp-old");
        awaitState(location, "DONE");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        jdbc.sql("UPDATE exports SET expires_at = now() - interval '1 second' WHERE id = :id").param("id", id)
                .update();

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM exports WHERE id = :id")
                .param("id", id).query(Long.class).single() == 0);

        PlatformContract.assertProblem(http().get(location, ApiKeys.COMPLIANCE), 404);
    }

    @Test
    void anErasureRequestDeletesTheCustomersExports() {
        String location = location("CUST-exp-erase");
        awaitState(location, "DONE");

        HttpResponse<String> erasure = http().post("/gdpr/delete-customer-data", ApiKeys.COMPLIANCE,
                "{\"customerId\":\"CUST-exp-erase\"}");

        assertThat(erasure.statusCode()).isEqualTo(202);
        PlatformContract.assertProblem(http().get(location, ApiKeys.COMPLIANCE), 404);
    }

    @Test
    void aBlankCustomerIdIs400NamingTheFieldAndOtherRolesAreRefused() {
        long before = jdbc.sql("SELECT count(*) FROM exports").query(Long.class).single();

        HttpResponse<String> blank = requestExport(" ");

        PlatformContract.assertProblem(blank, 400);
        PlatformContract.assertNamesField(blank, "customerId");
        PlatformContract.assertProblem(http().post("/gdpr/export-customer-data", ApiKeys.OPS,
                "{\"customerId\":\"CUST-exp-1\"}"), 403);
        PlatformContract.assertProblem(http().get("/gdpr/exports/" + UUID.randomUUID(), ApiKeys.ANALYST), 403);
        assertThat(jdbc.sql("SELECT count(*) FROM exports").query(Long.class).single()).isEqualTo(before);
    }
}
