package io.triage.classify.lifecycle.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.triage.classify.lifecycle.ingestion.IngestionStub.Validated;
import io.triage.classify.testing.Downstreams;
import io.triage.classify.testing.Stubs;
import io.triage.classify.testing.TrainingJobClient;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubRequest;
import io.triage.testsupport.stub.StubServer;
import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;
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

/**
 * classify-service and ingestion-service's validated labels, over real HTTP (ingestion-service is a loopback stub
 * serving its shared wire fixture) and Postgres: agents' feedback is forwarded as validated labels, and retraining
 * learns from the validated tickets of the last 90 days. Ordered: the retraining story ends with a promoted model
 * that must keep serving while ingestion-service is down. The sentence encoder is off: where the training data
 * comes from does not depend on the model kind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.classify.models.poll-interval=1h",
        "triage.classify.models.sentence-encoder=none",
        "triage.classify.models.retraining.page-size=150",
        "triage.classify.tiers.audit-redelivery-interval=PT1S",
        "triage.classify.tiers.audit-redeliver-after=PT3S",
        "triage.platform.resilience.initial-backoff=10ms",
        "triage.platform.resilience.open-state-wait=2s",
        // Circuits stay closed, so the outage test does not decide the later ones.
        "triage.platform.resilience.minimum-calls=1000"})
@IsolatedBackingServices
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetrainingFromIngestionIT {

    static final StubServer ingestion = new StubServer();
    static final Downstreams downstreams = new Downstreams();
    static final IngestionStub stub = new IngestionStub();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void dependencies(DynamicPropertyRegistry registry) {
        registry.add("spring.http.serviceclient.ingestion.base-url", ingestion::baseUrl);
        downstreams.register(registry);
    }

    @AfterAll
    static void stopServers() {
        ingestion.close();
        downstreams.close();
    }

    @BeforeEach
    void quietDependencies() {
        downstreams.quiet();
        ingestion.start();
        ingestion.clearReceived();
        // Feedback is forwarded here: rules-engine and embedding-service acknowledge it.
        downstreams.rules().onAny("/", request -> request.path().equals("/rules/feedback") ? StubReply.status(204)
                : StubReply.json(Stubs.noRule()));
        downstreams.embedding().onAny("/", request -> request.method().equals("PATCH") ? StubReply.json("{}")
                : StubReply.json(Stubs.neighbours(List.of())));
        ingestion.onAny("/", request -> request.method().equals("PUT") ? StubReply.json("{}")
                : stub.serve(request, List.of()));
    }

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    /** Classifies a ticket (a decision to give feedback on) under the given ticket id. */
    void classify(String ticketId) {
        HttpResponse<String> response = http().post("/classify", ApiKeys.CLASSIFIER, """
                {"ticketId":"%s","subject":"Locked out","description":"My account is locked, please help",
                 "channel":"email","customerId":"C-7"}""".formatted(ticketId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    HttpResponse<String> feedback(String json) {
        return http().post("/feedback", ApiKeys.CLASSIFIER, json);
    }

    List<StubRequest> labelled(String ticketId) {
        return ingestion.received("/tickets/" + ticketId + "/labels");
    }

    boolean ingestionDeliveryCompleted(String ticketId) {
        return jdbc.sql("""
                SELECT count(*) FROM event_publication
                 WHERE listener_id LIKE '%toIngestionService%' AND serialized_event LIKE :ticket
                   AND completion_date IS NOT NULL""")
                .param("ticket", "%" + ticketId + "%").query(Long.class).single() == 1;
    }

    @Test
    @Order(1)
    void agentFeedbackArrivesAtIngestionAsValidatedLabels() {
        String ticketId = UUID.randomUUID().toString();
        classify(ticketId);
        Instant before = Instant.now();
        assertThat(feedback("""
                {"ticketId":"%s","department":"Security","urgency":"High","sentiment":"Negative"}"""
                .formatted(ticketId)).statusCode()).isEqualTo(201);

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(labelled(ticketId)).hasSize(1));
        StubRequest put = labelled(ticketId).getFirst();
        JsonNode body = IngestionStub.JSON.readTree(put.bodyText());
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.header("X-API-Key")).isEqualTo(ApiKeys.CLASSIFY_SERVICE);
        assertThat(body.get("department").asString()).isEqualTo("Security");
        assertThat(body.get("urgency").asString()).isEqualTo("High");
        assertThat(body.get("sentiment").asString()).isEqualTo("Negative");
        assertThat(body.get("source").asString()).isEqualTo("agent-feedback");
        assertThat(Instant.parse(body.get("validatedAt").asString()))
                .isBetween(before.minusSeconds(5), Instant.now());
    }

    @Test
    @Order(2)
    void feedbackOnATicketIngestionDoesNotKnowByIdIsNotSent() {
        classify("T-EXTERNAL-1");
        assertThat(feedback("{\"ticketId\":\"T-EXTERNAL-1\",\"department\":\"Billing\"}").statusCode())
                .isEqualTo(201);
        await().atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> assertThat(downstreams.embedding().received("/embeddings/T-EXTERNAL-1/labels"))
                        .hasSize(1));
        assertThat(ingestion.received()).as("no call for a ticket id that is not ingestion's").isEmpty();
    }

    @Test
    @Order(3)
    void refusalByIngestionIsFinal() {
        ingestion.onAny("/", request -> StubReply.json(404, """
                {"type":"about:blank","title":"Not found","status":404,"detail":"No ticket"}"""));
        String ticketId = UUID.randomUUID().toString();
        classify(ticketId);
        feedback("{\"ticketId\":\"%s\",\"department\":\"Billing\"}".formatted(ticketId));

        await().atMost(Duration.ofMinutes(2)).until(() -> ingestionDeliveryCompleted(ticketId));
        assertThat(labelled(ticketId)).as("a 4xx is not retried").hasSize(1);
    }

    @Test
    @Order(4)
    void transientIngestionFailureIsRetriedUntilDelivered() {
        AtomicInteger calls = new AtomicInteger();
        // Fails every attempt of the first delivery (3 retries inside it); the redelivery schedule sends it again.
        ingestion.onAny("/", request -> calls.incrementAndGet() <= 3 ? StubReply.json(503, "{}")
                : StubReply.json("{}"));
        String ticketId = UUID.randomUUID().toString();
        classify(ticketId);
        feedback("""
                {"ticketId":"%s","department":"Billing","source":"ticketing-system"}""".formatted(ticketId));

        await().atMost(Duration.ofMinutes(2)).until(() -> ingestionDeliveryCompleted(ticketId));
        assertThat(labelled(ticketId)).hasSizeGreaterThan(3)
                .allSatisfy(put -> assertThat(JsonBody.tree(put.bodyText()).path("source").asString())
                        .isEqualTo("source-system"));
    }

    static List<Validated> validatedTickets(int count) {
        List<Validated> tickets = new ArrayList<>();
        Instant at = Instant.now().minus(Duration.ofDays(30));
        for (SyntheticTicket t : new TicketGenerator(5).generate(count)) {
            tickets.add(new Validated(UUID.randomUUID().toString(), t.subject() + "\n" + t.description(),
                    t.department(), t.urgency(), t.sentiment(), at));
            at = at.plusSeconds(60);
        }
        return tickets;
    }

    @Test
    @Order(5)
    void retrainingLearnsFromTheValidatedTicketsOfTheLast90Days() {
        List<Validated> served = new ArrayList<>(validatedTickets(400));
        Validated first = served.getFirst();
        // Re-validated while retraining pages through: its latest labels count, once.
        served.add(new Validated(first.id(), first.text(), "Security", first.urgency(), first.sentiment(),
                served.getLast().validatedAt().plusSeconds(60)));
        ingestion.onAny("/", request -> stub.serve(request, served));

        JsonNode retrained = TrainingJobClient.result(new TrainingJobClient(http()).retrain());

        assertThat(retrained.get("stage").asString()).isEqualTo("STAGING");
        assertThat(retrained.get("heads").valueStream().map(h -> h.get("head").asString()))
                .containsExactlyInAnyOrder("department", "urgency", "sentiment");
        long version = retrained.get("version").asLong();
        JsonNode report = IngestionStub.JSON.readTree(
                http().get("/models/" + version + "/report", ApiKeys.ANALYST).body());
        assertThat(report.get("examples").asInt()).isEqualTo(400);

        List<StubRequest> pages = ingestion.received("/tickets/validated");
        assertThat(pages).hasSize(3)
                .allSatisfy(page -> assertThat(page.header("X-API-Key")).isEqualTo(ApiKeys.CLASSIFY_SERVICE));
        assertThat(IngestionStub.query(pages.get(0))).doesNotContainKey("after").containsEntry("limit", "150");
        assertThat(IngestionStub.query(pages.get(1))).containsEntry("after", "offset-150");
        assertThat(IngestionStub.query(pages.get(2))).containsEntry("after", "offset-300");
        Instant since = Instant.parse(IngestionStub.query(pages.get(0)).get("since"));
        assertThat(since).isBetween(Instant.now().minus(Duration.ofDays(90)).minusSeconds(120),
                Instant.now().minus(Duration.ofDays(90)));

        HttpResponse<String> promoted = http().post("/models/" + version + "/promote", ApiKeys.ANALYST, "");
        assertThat(JsonBody.tree(promoted).path("stage").asString()).isEqualTo("PRODUCTION");
    }

    @Test
    @Order(6)
    void emptyWindowIs422AndRegistersNothing() {
        long versions = versions();
        JsonNode error = TrainingJobClient.error(new TrainingJobClient(http()).retrain(), 422);
        assertThat(error.get("detail").asString()).contains("no validated tickets in the last 90 days");
        assertThat(versions()).isEqualTo(versions);
    }

    @Test
    @Order(7)
    void ingestionDownIs503NamingItAndProductionKeepsServing() {
        long versions = versions();
        ingestion.stop();

        JsonNode error = TrainingJobClient.error(new TrainingJobClient(http()).retrain(), 503);

        assertThat(error.get("detail").asString()).contains("ingestion-service");
        assertThat(versions()).isEqualTo(versions);
        HttpResponse<String> predicted = http().post("/models/predict", ApiKeys.ANALYST,
                "{\"subject\":\"Refund\",\"description\":\"I was charged twice\",\"ticketId\":\"T-9\"}");
        assertThat(predicted.statusCode()).as(predicted.body()).isEqualTo(200);
    }

    long versions() {
        return jdbc.sql("SELECT count(*) FROM model_versions").query(Long.class).single();
    }
}
