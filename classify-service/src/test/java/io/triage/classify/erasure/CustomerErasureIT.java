package io.triage.classify.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.classify.model.ModelTier;
import io.triage.classify.testing.Downstreams;
import io.triage.classify.testing.Stubs;
import io.triage.classify.testing.Stubs.Neighbour;
import io.triage.classify.testing.TestModel;
import io.triage.classify.tier.Hashes;
import io.triage.platform.PlatformProperties;
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
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /internal/erasures} on the real service with real Postgres and Redis: tickets of two customers are
 * classified through the chain (the LLM, an OpenAI-format stub, answers the unsure ones and fills the Redis response
 * cache), given feedback, and one customer is erased; rules-engine, embedding-service and audit-service are loopback
 * stubs in their wire formats.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.classify.tiers.llm.api-key=stub-key",
        "triage.classify.tiers.llm.model=stub-model",
        "triage.classify.customer-hash-key=" + CustomerErasureIT.HASH_KEY,
        "triage.classify.tiers.rules.timeout=2s",
        "triage.classify.tiers.cache.timeout=2s",
        // The erasure's Redis purge is what is tested here, not the 500 ms that keeps a slow Redis from holding up the
        // LLM tier: on a loaded test machine a purge could exceed that and answer 503 (as it should, but not here).
        "spring.data.redis.timeout=5s",
        "triage.platform.resilience.minimum-calls=1000"})
@IsolatedBackingServices
@Import(TestModel.class)
class CustomerErasureIT {

    static final String HASH_KEY = "erasure-it-customer-hash-key-0123456789";
    static final Downstreams downstreams = new Downstreams();
    static final StubServer llm = new StubServer();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    PlatformProperties platform;

    @Autowired
    MeterRegistry meters;

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
                Stubs.llmAnswer("Billing", "Medium", "Neutral", 0.8), 120, 30)));
    }

    @Test
    void erasingACustomerDeletesEveryRowOfItsTicketsAndKeepsTheOtherCustomers() {
        UUID a1 = classify("ER-A-1", "CUST-A", "blorp quux frobnicate wibble", "idem-A-1", "LLM");
        UUID a2 = classify("ER-A-2", "CUST-A", "snark plugh xyzzy grue", null, "LLM");
        UUID aWithoutId = classify(null, "CUST-A", "gleep glorp snerk fnord", null, "LLM");
        UUID aLegacy = legacyDecision("CUST-A");
        UUID b1 = classify("ER-B-1", "CUST-B", "quux wibble plover frotz", null, "LLM");
        // The cache reuses only when the 3 nearest agree with each other and with the model (issue 23).
        String parcel = model.predict("zork\nMy parcel never arrived", null).heads().get("department").label();
        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of(
                new Neighbour("ER-A-1", 0.96, parcel, "Low", "Negative"),
                new Neighbour("H-2", 0.95, parcel, "Low", "Neutral"),
                new Neighbour("H-3", 0.94, parcel, "Low", "Neutral")))));
        UUID b2 = classify("ER-B-2", "CUST-B", "My parcel never arrived", "idem-B-2", "CACHE");
        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of(
                new Neighbour("ER-B-1", 0.96, parcel, "Low", "Negative"),
                new Neighbour("H-2", 0.95, parcel, "Low", "Neutral"),
                new Neighbour("H-3", 0.94, parcel, "Low", "Neutral")))));
        UUID b3 = classify("ER-B-3", "CUST-B", "My parcel never arrived", null, "CACHE");
        feedback(a1, "Billing");
        feedback(b1, "Billing");
        feedback(b2, parcel);
        feedback(b3, parcel);
        Set<String> aEntries = cacheEntries(indexOfTicket("ER-A-1"), indexOfTicket("ER-A-2"),
                indexOfCustomer(keyed("CUST-A")));
        Set<String> bEntries = cacheEntries(indexOfTicket("ER-B-1"));
        assertThat(aEntries).hasSize(3).allSatisfy(entry -> assertThat(redis.hasKey(entry)).isTrue());
        assertThat(bEntries).hasSize(1).doesNotContainAnyElementsOf(aEntries);
        double appliedBefore = erasures("applied");

        HttpResponse<String> response = erase(UUID.randomUUID(), "CUST-A", List.of("ER-A-1", "ER-A-2", "ER-A-9"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode receipt = JsonBody.tree(response);
        assertThat(receipt.path("store").asString()).isEqualTo("classify");
        assertThat(receipt.path("replayed").asBoolean()).isFalse();
        JsonNode details = receipt.path("details");
        assertThat(details.path("decisions").asLong()).isEqualTo(4);
        assertThat(details.path("decision_feedback").asLong()).isEqualTo(1);
        assertThat(details.path("cache_reuse_accuracy").asLong()).isEqualTo(1);
        assertThat(details.path("llm_calls").asLong()).isEqualTo(3);
        assertThat(details.path("idempotency_keys").asLong()).isEqualTo(1);
        assertThat(details.path("llm_cache_entries").asLong()).isEqualTo(3);
        assertThat(details.path("neighbour_references").asLong()).as("B-2 named ER-A-1 as similar").isEqualTo(1);
        assertThat(receipt.path("deletedRecords").asLong()).isEqualTo(4 + 1 + 1 + 3 + 3);
        assertThat(receipt.toString()).doesNotContain("CUST-A").doesNotContain(keyed("CUST-A"));

        List<UUID> aDecisions = List.of(a1, a2, aWithoutId, aLegacy);
        assertThat(count("SELECT count(*) FROM decisions WHERE id = ANY(CAST(:ids AS uuid[]))"
                + " OR ticket_id LIKE 'ER-A-%' OR customer_hash IN (:keyed, :legacy)", aDecisions)).isZero();
        assertThat(count("SELECT count(*) FROM decisions WHERE idempotency_key = 'idem-A-1'", aDecisions)).isZero();
        assertThat(count("SELECT count(*) FROM decision_feedback WHERE decision_id = ANY(CAST(:ids AS uuid[]))",
                aDecisions)).isZero();
        assertThat(count("SELECT count(*) FROM llm_calls WHERE decision_id = ANY(CAST(:ids AS uuid[]))"
                + " OR ticket_id LIKE 'ER-A-%'", aDecisions)).isZero();
        assertThat(count("SELECT count(*) FROM cache_reuse_accuracy WHERE neighbour_ticket_id LIKE 'ER-A-%'",
                aDecisions)).isZero();
        assertThat(aEntries).allSatisfy(entry -> assertThat(redis.hasKey(entry)).as(entry).isFalse());
        assertThat(redis.hasKey(indexOfTicket("ER-A-1"))).isFalse();
        assertThat(redis.hasKey(indexOfCustomer(keyed("CUST-A")))).isFalse();

        List<UUID> bDecisions = List.of(b1, b2, b3);
        assertThat(count("SELECT count(*) FROM decisions WHERE id = ANY(CAST(:ids AS uuid[]))"
                + " AND customer_hash = '" + keyed("CUST-B") + "'", bDecisions)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM decision_feedback WHERE decision_id = ANY(CAST(:ids AS uuid[]))",
                bDecisions)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE decision_id = ANY(CAST(:ids AS uuid[]))"
                + " AND ticket_id = 'ER-B-1'", bDecisions)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM cache_reuse_accuracy WHERE neighbour_ticket_id = 'ER-B-1'",
                bDecisions)).isEqualTo(1);
        assertThat(bEntries).allSatisfy(entry -> assertThat(redis.hasKey(entry)).as(entry).isTrue());
        assertThat(count("SELECT count(*) FROM decisions t WHERE CAST(t AS text) LIKE '%ER-A-1%'", bDecisions))
                .as("no other decision names an erased ticket").isZero();
        assertThat(count("SELECT count(*) FROM decisions WHERE id = ANY(CAST(:ids AS uuid[]))"
                + " AND CAST(response AS text) LIKE '%\"erased\"%' AND CAST(response AS text) LIKE '%H-2%'"
                + " AND neighbour_ticket_id = 'erased'", List.of(b2)))
                .as("B-2's stored answer keeps its other neighbour").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM decisions WHERE id = ANY(CAST(:ids AS uuid[]))"
                + " AND neighbour_ticket_id = 'ER-B-1'", List.of(b3)))
                .as("references to tickets kept stay").isEqualTo(1);
        assertThat(erasures("applied")).isEqualTo(appliedBefore + 1);
    }

    @Test
    void aRepeatedRequestAnswersTheFirstReceiptAndDeletesNothingNew() {
        UUID first = classify("ER-R-1", "CUST-R", "Where is my parcel number 77?", null, null);
        feedback(first, "Billing");
        UUID requestId = UUID.randomUUID();
        HttpResponse<String> applied = erase(requestId, "CUST-R", List.of("ER-R-1"));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        JsonNode original = JsonBody.tree(applied);
        UUID later = classify("ER-R-2", "CUST-R", "Where is my parcel number 78?", null, null);
        double replayedBefore = erasures("replayed");

        HttpResponse<String> repeat = erase(requestId, "CUST-R", List.of("ER-R-1", "ER-R-2"));

        assertThat(repeat.statusCode()).isEqualTo(200);
        JsonNode replayed = JsonBody.tree(repeat);
        assertThat(replayed.path("replayed").asBoolean()).as(repeat.body()).isTrue();
        assertThat(replayed.path("requestId").asString()).isEqualTo(requestId.toString());
        assertThat(original.path("details").path("decisions").asLong()).isEqualTo(1);
        assertThat(original.path("details").path("decision_feedback").asLong()).isEqualTo(1);
        assertThat(replayed.path("deletedRecords").asLong()).isEqualTo(original.path("deletedRecords").asLong());
        assertThat(replayed.path("details")).isEqualTo(original.path("details"));
        assertThat(count("SELECT count(*) FROM decisions WHERE id = ANY(CAST(:ids AS uuid[]))", List.of(later)))
                .as("a decision made after the first erasure is not touched by its replay").isEqualTo(1);
        assertThat(erasures("replayed")).isEqualTo(replayedBefore + 1);
    }

    @Test
    void theStoredCustomerHashIsKeyedNotThePlainSha256() {
        UUID decision = classify("ER-H-1", "CUST-H", "Where is my parcel number 90?", null, null);

        String stored = jdbc.sql("SELECT customer_hash FROM decisions WHERE id = :id").param("id", decision)
                .query(String.class).single();
        assertThat(stored).isNotEqualTo(Hashes.sha256("CUST-H"))
                .isEqualTo(hmac(HASH_KEY, "CUST-H"))
                .isNotEqualTo(hmac("another-customer-hash-key-0123456789", "CUST-H"));
    }

    @Test
    void aKeyOtherThanGdprServicesIsRefusedAndErasesNothing() {
        UUID decision = classify("ER-F-1", "CUST-F", "Where is my parcel number 91?", null, null);
        String body = body(UUID.randomUUID(), "CUST-F", List.of("ER-F-1"));

        PlatformContract.assertProblem(http().post("/internal/erasures", ApiKeys.CLASSIFIER, body), 403);
        PlatformContract.assertProblem(http().post("/internal/erasures", ApiKeys.OPS, body), 403);
        // People erase through gdpr-service (request, receipts, certificate), never here directly.
        PlatformContract.assertProblem(http().post("/internal/erasures", ApiKeys.COMPLIANCE, body), 403);
        PlatformContract.assertProblem(http().post("/internal/erasures", ApiKeys.INGESTION_SERVICE, body), 403);

        assertThat(count("SELECT count(*) FROM decisions WHERE id = ANY(CAST(:ids AS uuid[]))", List.of(decision)))
                .isEqualTo(1);
    }

    @Test
    void aBadBodyIs400NamingTheFieldAndErasesNothing() {
        UUID decision = classify("ER-V-1", "CUST-V", "Where is my parcel number 92?", null, null);
        long receipts = jdbc.sql("SELECT count(*) FROM erasures").query(Long.class).single();

        assertThat(badField("{\"customerId\":\"CUST-V\",\"ticketIds\":[]}")).isEqualTo("requestId");
        assertThat(badField("{\"requestId\":\"not-a-uuid\",\"customerId\":\"CUST-V\",\"ticketIds\":[]}"))
                .isEqualTo("requestId");
        assertThat(badField("{\"requestId\":\"%s\",\"customerId\":\" \",\"ticketIds\":[]}"
                .formatted(UUID.randomUUID()))).isEqualTo("customerId");
        assertThat(badField("{\"requestId\":\"%s\",\"customerId\":\"CUST-V\"}".formatted(UUID.randomUUID())))
                .isEqualTo("ticketIds");
        assertThat(badField("{\"requestId\":\"%s\",\"customerId\":\"CUST-V\",\"ticketIds\":[\"ER-V-1\",\"\"]}"
                .formatted(UUID.randomUUID()))).isEqualTo("ticketIds[1]");

        assertThat(count("SELECT count(*) FROM decisions WHERE id = ANY(CAST(:ids AS uuid[]))", List.of(decision)))
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM erasures").query(Long.class).single()).isEqualTo(receipts);
    }

    private ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    /** Classifies a ticket (with an Idempotency-Key when given) and answers its decision id. */
    private UUID classify(@Nullable String ticketId, String customerId, String description,
            @Nullable String idempotencyKey, @Nullable String expectedMethod) {
        String json = """
                {"ticketId":%s,"subject":"zork","description":"%s","channel":"email","customerId":"%s",
                 "sourceSystem":"servicenow"}""".formatted(ticketId == null ? "null" : '"' + ticketId + '"',
                description, customerId);
        HttpRequest.Builder request = http().request("/classify", ApiKeys.CLASSIFIER)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http().send(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = JsonBody.tree(response);
        if (expectedMethod != null) {
            assertThat(result.path("routingMethod").asString()).as(response.body()).isEqualTo(expectedMethod);
        }
        return UUID.fromString(result.path("decisionId").asString());
    }

    /** A decision logged before the keyed hash: the customer as plain SHA-256, no ticket id. */
    private UUID legacyDecision(String customerId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO decisions (id, routing_method, text_hash, customer_hash, tier_latencies_micros,
                    skipped_tiers, latency_micros)
                VALUES (:id, 'NEEDS_REVIEW', :text, :customer, '{}', '[]', 1000)
                """).param("id", id).param("text", Hashes.sha256("old text"))
                .param("customer", Hashes.sha256(customerId)).update();
        return id;
    }

    private void feedback(UUID decision, String department) {
        HttpResponse<String> response = http().post("/feedback", ApiKeys.CLASSIFIER,
                "{\"decisionId\":\"%s\",\"department\":\"%s\"}".formatted(decision, department));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private HttpResponse<String> erase(UUID requestId, String customerId, List<String> ticketIds) {
        return http().post("/internal/erasures", ApiKeys.GDPR_SERVICE, body(requestId, customerId, ticketIds));
    }

    private static String body(UUID requestId, String customerId, List<String> ticketIds) {
        return "{\"requestId\":\"%s\",\"customerId\":\"%s\",\"ticketIds\":[%s]}".formatted(requestId, customerId,
                String.join(",", ticketIds.stream().map(id -> '"' + id + '"').toList()));
    }

    private String badField(String body) {
        HttpResponse<String> response = http().post("/internal/erasures", ApiKeys.GDPR_SERVICE, body);
        PlatformContract.assertProblem(response, 400);
        return JsonBody.tree(response).path("field").asString();
    }

    private long count(String sql, List<UUID> ids) {
        var statement = jdbc.sql(sql).param("ids", ids.stream().map(UUID::toString).toArray(String[]::new));
        if (sql.contains(":keyed")) {
            statement = statement.param("keyed", keyed("CUST-A")).param("legacy", Hashes.sha256("CUST-A"));
        }
        return statement.query(Long.class).single();
    }

    private Set<String> cacheEntries(String... indexSets) {
        Set<String> entries = new HashSet<>();
        for (String set : indexSets) {
            Set<String> members = redis.opsForSet().members(set);
            assertThat(members).as(set).isNotEmpty();
            entries.addAll(members);
        }
        return entries;
    }

    private String indexOfTicket(String ticketId) {
        return platform.redisKeyPrefix() + "classify:llm-index:ticket:" + ticketId;
    }

    private String indexOfCustomer(String customerHash) {
        return platform.redisKeyPrefix() + "classify:llm-index:customer:" + customerHash;
    }

    private double erasures(String outcome) {
        var counter = meters.find("classify_erasures").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String keyed(String customerId) {
        return hmac(HASH_KEY, customerId);
    }

    private static String hmac(String key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
