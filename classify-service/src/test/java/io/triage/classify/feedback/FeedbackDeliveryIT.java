package io.triage.classify.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.triage.classify.testing.Downstreams;
import io.triage.classify.testing.Stubs;
import io.triage.classify.testing.TestModel;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubServer;
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

/**
 * Feedback forwarding through Spring Modulith's event publication registry (issue 19, items 6 and 7): the listeners
 * call other services without holding a pooled connection, delivered publications leave the registry, one that keeps
 * failing ends in the dead letter, and rules-engine gets an id per feedback so that a redelivery counts once there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.classify.tiers.rules.evaluation=remote",
        "triage.classify.tiers.llm.api-key=stub-key",
        "triage.classify.tiers.llm.model=stub-model",
        "triage.classify.tiers.rules.timeout=1s",
        "triage.classify.tiers.cache.timeout=2s",
        "triage.classify.tiers.audit-redeliver-after=1s",
        "triage.classify.tiers.audit-redelivery-interval=PT1S",
        "triage.platform.resilience.initial-backoff=10ms",
        "triage.platform.resilience.minimum-calls=1000",
        "triage.platform.events.max-attempts=2",
        "triage.platform.events.completed-retention=0s",
        "triage.platform.events.housekeeping-interval=PT1S",
        // The test pool has 8 connections (IsolatedBackingServices); a request waits at most 2 s for one.
        "spring.datasource.hikari.connection-timeout=2000"})
@IsolatedBackingServices
@Import(TestModel.class)
class FeedbackDeliveryIT {

    static final Downstreams downstreams = new Downstreams();
    static final StubServer llm = new StubServer();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** The pool behind the DataSource (wrapped by datasource-micrometer's JDBC observation proxy). */
    @Autowired
    DataSource dataSource;

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
        downstreams.rules().onAny("/", request -> request.path().equals("/rules/feedback") ? StubReply.status(202)
                : StubReply.json(Stubs.ruleFired("R005", "Billing", "Medium", 0.95, "refund")));
        downstreams.embedding().on("PATCH", "/embeddings/", request -> StubReply.json("{}"));
        llm.start();
        llm.onAny("/", request -> StubReply.json(Stubs.chatCompletion(
                Stubs.llmAnswer("Billing", "Medium", "Neutral", 0.8), 100, 30)));
    }

    @Test
    void aSlowAuditServiceHoldsNoPooledConnectionAndClassifyKeepsAnswering() {
        List<UUID> decisions = List.of(classify("T-SLOW-1"), classify("T-SLOW-2"), classify("T-SLOW-3"));
        CountDownLatch auditAnswers = new CountDownLatch(1);
        downstreams.audit().on("POST", "/audit/feedback", request -> {
            awaitRelease(auditAnswers);
            return StubReply.status(201);
        });
        try {
            decisions.forEach(this::feedback);
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> downstreams.audit().received("/audit/feedback").size() >= decisions.size());

            // All three deliveries are now waiting for audit-service's answer.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                    dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections()).as("pooled connections checked out").isZero());
            assertThat(classifyStatus("T-SLOW-4")).as("/classify while audit-service is slow").isEqualTo(200);
        } finally {
            auditAnswers.countDown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> decisions.stream().mapToLong(this::incomplete).sum() == 0);
    }

    @Test
    void deliveredPublicationsLeaveTheRegistryAndRulesEngineGetsAnIdPerFeedback() {
        UUID decision = classify("T-DONE-1");
        feedback(decision);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(downstreams.audit().received("/audit/feedback")).isNotEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :id")
                    .param("id", "%" + decision + "%").query(Long.class).single())
                    .as("publications of the delivered feedback").isZero();
        });
        assertThat(downstreams.rules().received("/rules/feedback")).singleElement().satisfies(request -> {
            JsonNode body = JsonBody.tree(request.bodyText());
            assertThat(body.path("feedbackId").asString()).isEqualTo(AuditFeedback.idOf(decision).toString());
            assertThat(body.path("decisionId").asString()).isEqualTo(decision.toString());
            assertThat(body.path("ruleId").asString()).isEqualTo("R005");
        });
    }

    @Test
    void aPublicationThatKeepsFailingEndsInTheDeadLetterAndIsNotDeliveredAgain() throws IOException {
        UUID decision = classify("T-DEAD-1");
        downstreams.audit().on("POST", "/audit/feedback", request -> StubReply.status(503));
        feedback(decision);

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication_dead_letter
                 WHERE listener_id LIKE '%toAuditService%' AND serialized_event LIKE :id""")
                .param("id", "%" + decision + "%").query(Long.class).single() == 1);

        assertThat(incomplete(decision)).as("nothing left to redeliver").isZero();
        assertThat(jdbc.sql("""
                SELECT completion_attempts FROM event_publication_dead_letter WHERE serialized_event LIKE :id""")
                .param("id", "%" + decision + "%").query(Integer.class).single()).isGreaterThanOrEqualTo(2);
        var listed = ServiceHttp.onPort(port).get("/ops/events/dead-letters", ApiKeys.OPS);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(JsonBody.elements(JsonBody.tree(listed.body())))
                .anySatisfy(letter -> assertThat(letter.path("listenerId").asString()).contains("toAuditService"))
                .allSatisfy(letter -> assertThat(letter.has("serializedEvent")).as("no payload").isFalse());
        assertThat(ServiceHttp.onPort(port).get("/ops/events/dead-letters", ApiKeys.CLASSIFIER).statusCode())
                .isEqualTo(403);
        String metrics = ServiceHttp.onPort(port).get("/actuator/prometheus", ApiKeys.OPS).body();
        assertThat(metrics).containsPattern("(?m)^events_dead_lettered_total(\\{[^}]*})? [1-9]")
                .containsPattern("(?m)^events_dead_letters(\\{[^}]*})? [1-9]")
                .containsPattern("(?m)^events_outstanding(\\{[^}]*})? ");
        assertThat(Files.readString(Path.of("..", "grafana", "alerts", "triage-alerts.yml")))
                .contains("alert: TriageEventsDeadLettered", "increase(events_dead_lettered_total[");
    }

    UUID classify(String ticketId) {
        var response = ServiceHttp.onPort(port).post("/classify", ApiKeys.CLASSIFIER, ticket(ticketId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return UUID.fromString(JsonBody.tree(response.body()).path("decisionId").asString());
    }

    int classifyStatus(String ticketId) {
        return ServiceHttp.onPort(port).post("/classify", ApiKeys.CLASSIFIER, ticket(ticketId)).statusCode();
    }

    void feedback(UUID decision) {
        var response = ServiceHttp.onPort(port).post("/feedback", ApiKeys.CLASSIFIER, """
                {"decisionId":"%s","department":"Billing"}""".formatted(decision));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    long incomplete(UUID decision) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL "
                + "AND serialized_event LIKE :id").param("id", "%" + decision + "%").query(Long.class).single();
    }

    static String ticket(String id) {
        return """
                {"ticketId":"%s","subject":"Refund","description":"refund please","channel":"email",
                 "customerId":"CUST-42","sourceSystem":"servicenow"}""".formatted(id);
    }

    static void awaitRelease(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
