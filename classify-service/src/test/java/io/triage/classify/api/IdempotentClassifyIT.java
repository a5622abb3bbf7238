package io.triage.classify.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.triage.classify.chain.Admission;
import io.triage.classify.testing.Downstreams;
import io.triage.classify.testing.Stubs;
import io.triage.classify.testing.TestModel;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubReply;
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
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /classify} with an {@code Idempotency-Key}, as ingestion-service's at-least-once outbox sends it: a
 * redelivered request is answered from the decision log and never makes a second decision, row or audit event.
 * rules-engine, embedding-service and audit-service are loopback servers in their wire formats.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Remote rules evaluation: POST /rules/evaluate counts how often the chain ran.
        "triage.classify.tiers.rules.evaluation=remote",
        "triage.classify.tiers.rules.timeout=5s",
        "spring.http.serviceclient.rules.read-timeout=10s",
        "triage.classify.tiers.cache.timeout=2s",
        "triage.platform.resilience.initial-backoff=10ms",
        "triage.platform.resilience.minimum-calls=1000"})
@IsolatedBackingServices
@Import(TestModel.class)
class IdempotentClassifyIT {

    static final Downstreams downstreams = new Downstreams();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Admission admission;

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

    private HttpResponse<String> classify(@Nullable String idempotencyKey, String json) {
        ServiceHttp http = ServiceHttp.onPort(port);
        HttpRequest.Builder request = http.request("/classify", ApiKeys.CLASSIFIER)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request);
    }

    /** The status line and body of a /classify request whose Idempotency-Key is these raw bytes. */
    private String rawClassify(byte[] idempotencyKey, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST /classify HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\n" + ApiKeys.HEADER + ": " + ApiKeys.CLASSIFIER + "\r\n"
                + "Content-Length: " + body.length + "\r\nIdempotency-Key: ").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(idempotencyKey);
        request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request.toByteArray());
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String ticket(String ticketId, String description) {
        return """
                {"ticketId":"%s","subject":"Access","description":"%s","channel":"email","customerId":"C-7",
                 "sourceSystem":"servicenow"}""".formatted(ticketId, description);
    }

    private static String decisionId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonBody.tree(response).path("decisionId").asString();
    }

    private static @Nullable String replayed(HttpResponse<String> response) {
        return response.headers().firstValue("Idempotent-Replayed").orElse(null);
    }

    private long decisions() {
        return jdbc.sql("SELECT count(*) FROM decisions").query(Long.class).single();
    }

    private long decisionsWithKey(String key) {
        return jdbc.sql("SELECT count(*) FROM decisions WHERE idempotency_key = :key").param("key", key)
                .query(Long.class).single();
    }

    /** Audit events delivered for a decision, once the outbox holds none for it any more. */
    private long auditPublications(String decisionId) {
        await().atMost(Duration.ofMinutes(1)).until(() -> jdbc.sql(
                "SELECT count(*) FROM audit_outbox WHERE decision_id = CAST(:id AS uuid)").param("id", decisionId)
                .query(Long.class).single() == 0);
        return auditEventIdsDelivered().stream().filter(decisionId::equals).count();
    }

    private List<String> auditEventIdsDelivered() {
        return downstreams.auditEvents().stream().map(event -> event.path("eventId").asString()).toList();
    }

    private double replaysCounted() {
        String metrics = ServiceHttp.onPort(port).get("/metrics", ApiKeys.OPS).body();
        return metrics.lines().filter(line -> line.startsWith("classify_idempotent_replays_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }

    @Test
    void repeatedKeyIsAnsweredFromTheLogWithoutASecondDecisionOrAuditEvent() {
        downstreams.rules().onAny("/", request -> StubReply.json(
                Stubs.ruleFired("R001", "Security", "High", 0.95, "account locked")));
        String key = "ingestion:T-IDEM-1:v3";
        String body = ticket("T-IDEM-1", "My account locked after three attempts");
        double replaysBefore = replaysCounted();

        HttpResponse<String> first = classify(key, body);
        HttpResponse<String> second = classify(key, body);

        String decisionId = decisionId(first);
        assertThat(decisionId(second)).isEqualTo(decisionId);
        assertThat(JsonBody.tree(first).path("routingMethod").asString()).isEqualTo("RULE");
        assertThat(JsonBody.tree(second)).as("the stored answer, as first sent").isEqualTo(JsonBody.tree(first));
        assertThat(replayed(first)).isNull();
        assertThat(replayed(second)).isEqualTo("true");
        assertThat(downstreams.rules().received("/rules/evaluate")).as("the chain ran once").hasSize(1);
        assertThat(decisionsWithKey(key)).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM decisions WHERE ticket_id = 'T-IDEM-1'").query(Long.class)
                .single()).isOne();
        assertThat(auditPublications(decisionId)).isOne();
        // Scoped to this ticket: the relay may still be delivering other tests' events in later batches.
        assertThat(downstreams.auditEvents().stream().filter(event -> event.path("ticketId").asString()
                .equals("T-IDEM-1")).map(event -> event.path("eventId").asString()).toList())
                .containsExactly(decisionId);
        assertThat(replaysCounted()).isEqualTo(replaysBefore + 1);
    }

    @Test
    void overloadIsRefusedWith503AndRetryAfterAndChangesNothingSoTheRetryWithTheKeyDecides() {
        Bulkhead slots = admission.bulkhead();
        int taken = 0;
        while (slots.tryAcquirePermission()) {
            taken++;
        }
        String key = "ingestion:T-IDEM-BUSY:v1";
        String body = ticket("T-IDEM-BUSY", "My account locked after three attempts");
        long before = decisions();
        HttpResponse<String> refused;
        try {
            refused = classify(key, body);
        } finally {
            for (int i = 0; i < taken; i++) {
                slots.onComplete();
            }
        }

        assertThat(taken).as("the default limit").isEqualTo(16);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonBody.tree(refused).path("detail").asString()).contains("16 requests");
        assertThat(decisions()).as("nothing logged").isEqualTo(before);
        assertThat(downstreams.rules().received("/rules/evaluate")).as("no tier ran").isEmpty();
        String metrics = ServiceHttp.onPort(port).get("/metrics", ApiKeys.OPS).body();
        assertThat(metrics).containsPattern("(?m)^classify_admission_rejected_total(\\{[^}]*\\})? [1-9]");

        HttpResponse<String> retried = classify(key, body);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(replayed(retried)).as("the refused request left no decision to replay").isNull();
        assertThat(decisionsWithKey(key)).isOne();
    }

    @Test
    void needsReviewAnswersAreReplayedTheSameWay() {
        String key = UUID.randomUUID().toString();
        String body = ticket("T-IDEM-NR", "blorp quux frobnicate wibble");

        HttpResponse<String> first = classify(key, body);
        HttpResponse<String> second = classify(key, body);

        assertThat(JsonBody.tree(first).path("routingMethod").asString()).isEqualTo("NEEDS_REVIEW");
        assertThat(decisionId(second)).isEqualTo(decisionId(first));
        assertThat(JsonBody.tree(second)).isEqualTo(JsonBody.tree(first));
        assertThat(replayed(second)).isEqualTo("true");
        assertThat(decisionsWithKey(key)).isOne();
        assertThat(auditPublications(decisionId(first))).isOne();
    }

    @Test
    void sameKeyWithAnotherDescriptionIs422AndStoresNothing() {
        String key = "ingestion:T-IDEM-2:v1";
        decisionId(classify(key, ticket("T-IDEM-2", "Where is my parcel?")));
        long before = decisions();
        downstreams.rules().clearReceived();

        HttpResponse<String> reused = classify(key, ticket("T-IDEM-2", "Where is my refund?"));

        PlatformContract.assertProblem(reused, 422);
        assertThat(JsonBody.tree(reused).path("title").asString())
                .isEqualTo("Idempotency-Key reused with a different request");
        assertThat(JsonBody.tree(reused).path("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(decisions()).isEqualTo(before);
        assertThat(downstreams.rules().received()).as("the chain did not run").isEmpty();
    }

    @Test
    void invalidKeyIs400NamingTheHeaderAndStoresNothing() throws IOException {
        long before = decisions();
        for (String key : List.of("k".repeat(201), "tab\there")) {
            HttpResponse<String> response = classify(key, ticket("T-IDEM-3", "Where is my parcel?"));
            PlatformContract.assertProblem(response, 400);
            assertThat(JsonBody.tree(response).path("field").asString()).as(key).isEqualTo("Idempotency-Key");
        }
        // java.net.http sends a non-ASCII header character as '?' and refuses control characters other than tab, so
        // these bytes go over a plain socket. DEL and other controls never reach the application: Tomcat refuses the
        // request line itself with a bare 400.
        String parcel = ticket("T-IDEM-3", "Where is my parcel?");
        assertThat(rawClassify(new byte[] {'c', 'l', (byte) 0xE9}, parcel)).startsWith("HTTP/1.1 400")
                .contains("application/problem+json").contains("\"field\":\"Idempotency-Key\"");
        assertThat(rawClassify(new byte[] {'k', 0x7F, 'y'}, parcel)).startsWith("HTTP/1.1 400");
        assertThat(rawClassify(new byte[] {'k', 0x01, 'y'}, parcel)).startsWith("HTTP/1.1 400");
        assertThat(decisions()).isEqualTo(before);
        assertThat(downstreams.rules().received()).as("the chain did not run").isEmpty();
        assertThat(decisionId(classify("k".repeat(200), ticket("T-IDEM-3", "Where is my parcel?"))))
                .as("200 characters are a key").hasSize(36);
    }

    @Test
    void withoutAKeyEveryCallIsANewDecision() {
        String body = ticket("T-IDEM-4", "Where is my parcel?");

        HttpResponse<String> first = classify(null, body);
        HttpResponse<String> second = classify(null, body);

        assertThat(decisionId(second)).isNotEqualTo(decisionId(first));
        assertThat(replayed(first)).isNull();
        assertThat(replayed(second)).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM decisions WHERE ticket_id = 'T-IDEM-4' AND idempotency_key IS NULL")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void concurrentFirstRequestsWithOneKeyLogExactlyOneDecision() throws Exception {
        // rules-engine answers slowly, so every request has passed the replay lookup before the first one is logged:
        // the unique index, not the lookup, has to decide.
        downstreams.rules().delay(Duration.ofSeconds(1));
        String key = "ingestion:T-IDEM-5:v1";
        String body = ticket("T-IDEM-5", "My account locked after three attempts");
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return classify(key, body);
                }));
            }
            for (Future<HttpResponse<String>> response : sent) {
                responses.add(response.get());
            }
        }

        assertThat(downstreams.rules().received("/rules/evaluate")).as("the requests raced through the chain")
                .hasSizeGreaterThan(1);
        String decisionId = decisionId(responses.getFirst());
        assertThat(responses).extracting(IdempotentClassifyIT::decisionId).containsOnly(decisionId);
        assertThat(responses).filteredOn(response -> replayed(response) == null).hasSize(1);
        assertThat(decisionsWithKey(key)).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM decisions WHERE ticket_id = 'T-IDEM-5'").query(Long.class)
                .single()).isOne();
        assertThat(auditPublications(decisionId)).isOne();
    }
}
