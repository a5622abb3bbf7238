package io.triage.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.jayway.jsonpath.JsonPath;
import io.triage.gdpr.erasure.CustomerHash;
import io.triage.gdpr.erasure.DeletionRequests;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.stub.StubFailure;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubRequest;
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
 * The erasure saga over the four stores, each a stand-in speaking its contract: ingestion-service answers with the
 * ids of the tickets it erased (the same on a replay), embedding-service with its vector counts, classify-service
 * with its records and details, audit-service with the events it cleared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.gdpr.redeliver-after=1s",
        "triage.gdpr.redelivery-interval=PT1S",
        "triage.platform.resilience.open-state-wait=1s",
        "triage.platform.resilience.initial-backoff=20ms"})
@IsolatedBackingServices
class ErasureSagaIT {

    static final StoreStandIns stores = new StoreStandIns();
    static final StubServer ingestion = stores.ingestion;
    static final StubServer embedding = stores.embedding;
    static final StubServer classify = stores.classify;
    static final StubServer audit = stores.audit;
    /** The tickets ingestion "erased" per request id: two per customer, none for customers named CUST-none*. */
    static final Map<String, List<String>> tickets = new ConcurrentHashMap<>();
    /** The paths of the ticket-id releases ingestion answered. */
    static final Set<String> released = ConcurrentHashMap.newKeySet();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeletionRequests requests;

    @Autowired
    CustomerHash hash;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        stores.register(registry);
    }

    @BeforeAll
    static void contracts() {
        ingestion.on("POST", "/internal/erasures", request -> {
            String id = JsonPath.read(request.bodyText(), "$.requestId");
            String customer = JsonPath.read(request.bodyText(), "$.customerId");
            boolean replayed = tickets.containsKey(id);
            List<String> erased = tickets.computeIfAbsent(id, k -> customer.startsWith("CUST-none") ? List.of()
                    : List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()));
            return StubReply.json("""
                    {"requestId":"%s","store":"ingestion","deletedRecords":%d,"replayed":%s,"ticketIds":[%s]}"""
                    .formatted(id, erased.size(), replayed, String.join(",", erased.stream()
                            .map(t -> "\"" + t + "\"").toList())));
        });
        ingestion.on("DELETE", "/internal/erasures", request -> {
            released.add(request.path());
            return StubReply.status(204);
        });
        embedding.on("DELETE", "/vectors", request -> StubReply.json("""
                {"customerId":"%s","deletedFromPostgres":2,"deletedFromIndex":2,"deletedFromInactiveIndexes":1,"blankedBackfillLines":1}"""
                .formatted(request.query("customerId"))));
        classify.on("POST", "/internal/erasures", request -> StubReply.json("""
                {"requestId":"%s","store":"classify","deletedRecords":3,"replayed":false,
                 "details":{"decisions":2,"feedback":1,"llmCacheEntries":0}}"""
                .formatted((String) JsonPath.read(request.bodyText(), "$.requestId"))));
        audit.on("POST", "/audit/anonymise", request -> {
            List<String> ids = JsonPath.read(request.bodyText(), "$.ticketIds");
            return StubReply.json("{\"requestId\":\"%s\",\"tickets\":%d,\"eventsCleared\":5}"
                    .formatted((String) JsonPath.read(request.bodyText(), "$.requestId"), ids.size()));
        });
    }

    @AfterEach
    void heal() {
        stores.heal();
    }

    @AfterAll
    static void stop() {
        stores.close();
    }

    String requestErasure(String customerId) {
        return StoreStandIns.requestErasure(port, customerId);
    }

    String status(String id) {
        return StoreStandIns.status(port, id);
    }

    static String receipt(String body, String store, String field) {
        List<Object> values = JsonPath.read(body, "$.receipts[?(@.store == '" + store + "')]." + field);
        assertThat(values).as("%s of the %s receipt", field, store).hasSize(1);
        return String.valueOf(values.getFirst());
    }

    String awaitCompleted(String id) {
        return StoreStandIns.awaitCompleted(port, id);
    }

    static List<StubRequest> callsFor(StubServer store, String id) {
        return store.received(request -> request.bodyText().contains(id) || id.equals(request.query("requestId")));
    }

    @Test
    void theRequestCompletesOnlyOnceEveryStoreHasAnswered() {
        classify.fail("/internal/erasures", StubFailure.status(503));
        String id = requestErasure("CUST-classify-down");

        String stuck = await().atMost(Duration.ofMinutes(1)).until(() -> status(id),
                body -> "FAILED".equals(receipt(body, "classify", "state"))
                        && "DONE".equals(receipt(body, "audit", "state"))
                        && "DONE".equals(receipt(body, "embedding", "state")));
        assertThat((String) JsonPath.read(stuck, "$.status")).isEqualTo("IN_PROGRESS");
        assertThat(receipt(stuck, "ingestion", "state")).isEqualTo("DONE");
        assertThat(receipt(stuck, "classify", "lastError")).isNotBlank().isNotEqualTo("null");
        assertThat(receipt(stuck, "classify", "deletedRecords")).isEqualTo("null");
        assertThat((String) JsonPath.read(stuck, "$.customerId")).as("still needed").isEqualTo("CUST-classify-down");
        int triedWhileDown = classify.received("/internal/erasures").size();

        classify.heal();
        String done = awaitCompleted(id);

        assertThat(classify.received("/internal/erasures").size()).as("delivered again until it answered")
                .isGreaterThan(triedWhileDown);
        assertThat(receipt(done, "classify", "state")).isEqualTo("DONE");
        assertThat(receipt(done, "classify", "deletedRecords")).isEqualTo("3");
        assertThat(receipt(done, "classify", "lastError")).isEqualTo("null");
        assertThat(receipt(done, "classify", "details.decisions")).isEqualTo("2");
        assertThat(receipt(done, "embedding", "deletedRecords")).isEqualTo("6");
        assertThat(receipt(done, "embedding", "details.deletedFromInactiveIndexes")).isEqualTo("1");
        assertThat(receipt(done, "embedding", "details.blankedBackfillLines")).isEqualTo("1");
        assertThat(receipt(done, "audit", "deletedRecords")).isEqualTo("5");
        assertThat((String) JsonPath.read(done, "$.completedAt")).isNotNull();
    }

    @Test
    void everyStoreIsCalledWithGdprServicesOwnKeyNotACompliancePersons() {
        String id = requestErasure("CUST-identity");
        awaitCompleted(id);
        List<StubRequest> calls = new ArrayList<>();
        for (StubServer store : List.of(ingestion, classify, audit)) {
            assertThat(callsFor(store, id)).isNotEmpty();
            calls.addAll(callsFor(store, id));
        }
        calls.addAll(embedding.received(request -> "CUST-identity".equals(request.query("customerId"))));
        assertThat(calls).hasSizeGreaterThan(3)
                .allSatisfy(call -> assertThat(call.header("X-API-Key")).isEqualTo(ApiKeys.GDPR_SERVICE));
    }

    @Test
    void theTicketIdsFromIngestionsReceiptReachClassifyAndAudit() {
        String id = requestErasure("CUST-tickets");
        awaitCompleted(id);

        List<String> erased = tickets.get(id);
        assertThat(erased).hasSize(2);
        List<StubRequest> toClassify = callsFor(classify, id);
        assertThat(toClassify).hasSize(1);
        assertThat((List<String>) JsonPath.read(toClassify.getFirst().bodyText(), "$.ticketIds"))
                .containsExactlyElementsOf(erased);
        assertThat((String) JsonPath.read(toClassify.getFirst().bodyText(), "$.customerId")).isEqualTo("CUST-tickets");
        List<StubRequest> toAudit = callsFor(audit, id);
        assertThat(toAudit).hasSize(1);
        assertThat((List<String>) JsonPath.read(toAudit.getFirst().bodyText(), "$.ticketIds"))
                .containsExactlyElementsOf(erased);
        assertThat(embedding.received(request -> "CUST-tickets".equals(request.query("customerId")))).hasSize(1);
        assertThat(receipt(status(id), "ingestion", "details.tickets")).isEqualTo("2");
    }

    static boolean released(String id) {
        return released.contains("/internal/erasures/" + id + "/ticket-ids");
    }

    @Test
    void ingestionReleasesTheTicketIdsOnceTheirReceiptIsRecorded() {
        String id = requestErasure("CUST-release");
        awaitCompleted(id);

        await().atMost(Duration.ofSeconds(30)).until(() -> released(id));
        assertThat(callsFor(ingestion, id)).as("ingestion asked once").hasSize(1);
    }

    @Test
    void aFailedReleaseIsRetriedWithoutAskingIngestionToEraseAgain() {
        ingestion.fail(request -> "DELETE".equals(request.method()), StubFailure.status(503));
        String id = requestErasure("CUST-release-retry");
        await().atMost(Duration.ofSeconds(30)).until(() -> !ingestion.received(request ->
                "DELETE".equals(request.method()) && request.path().contains(id)).isEmpty());
        assertThat(released(id)).isFalse();
        ingestion.heal();

        await().atMost(Duration.ofSeconds(30)).until(() -> released(id));
        awaitCompleted(id);
        assertThat(callsFor(ingestion, id)).as("the erasure itself is not repeated").hasSize(1);
    }

    @Test
    void aRepeatedDeliveryCountsNothingTwice() {
        String id = requestErasure("CUST-repeat");
        String before = awaitCompleted(id);
        int calls = callsFor(ingestion, id).size() + callsFor(classify, id).size() + callsFor(audit, id).size();

        // Every delivery of this request again, as after a crash before their completion was recorded.
        int republished = jdbc.sql("""
                UPDATE event_publication SET completion_date = NULL, status = 'FAILED'
                 WHERE serialized_event LIKE :id
                """).param("id", "%" + id + "%").update();
        assertThat(republished).as("the ingestion step and the three stores after it").isEqualTo(4);
        await().atMost(Duration.ofMinutes(1)).until(() -> jdbc.sql(
                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE :id")
                .param("id", "%" + id + "%").query(Long.class).single() == 0);
        boolean counted = requests.recordReceipt(UUID.fromString(id), "classify", 99, Map.of(), null);

        assertThat(counted).isFalse();
        String after = status(id);
        for (String store : List.of("ingestion", "embedding", "classify", "audit")) {
            assertThat(receipt(after, store, "deletedRecords")).as(store)
                    .isEqualTo(receipt(before, store, "deletedRecords"));
            assertThat(receipt(after, store, "attempts")).as(store).isEqualTo(receipt(before, store, "attempts"));
        }
        assertThat(callsFor(ingestion, id).size() + callsFor(classify, id).size() + callsFor(audit, id).size())
                .as("a store that answered is not called again").isEqualTo(calls);
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :id")
                .param("id", "%" + id + "%").query(Long.class).single()).as("no second fan-out").isEqualTo(4);
    }

    @Test
    void noPlainCustomerIdRemainsInAnyTableAfterCompletion() {
        String customer = "CUST-plain-5521";
        String id = requestErasure(customer);
        String done = awaitCompleted(id);

        assertThat((Object) JsonPath.read(done, "$.customerId")).isNull();
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                """).query(String.class).list();
        assertThat(tables).contains("deletion_requests", "deletion_receipts", "event_publication");
        for (String table : tables) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " t WHERE CAST(t AS text) LIKE :customer")
                    .param("customer", "%" + customer + "%").query(Long.class).single()).as(table).isZero();
        }
        assertThat(jdbc.sql("SELECT customer_hash FROM deletion_requests WHERE id = CAST(:id AS uuid)")
                .param("id", id).query(String.class).single()).isEqualTo(hash.of(customer));
        assertThat(jdbc.sql("SELECT ticket_ids IS NULL FROM deletion_requests WHERE id = CAST(:id AS uuid)")
                .param("id", id).query(Boolean.class).single()).as("ticket ids are not kept either").isTrue();
    }

    @Test
    void aCustomerWithoutTicketsCompletesWithoutAnAuditCall() {
        String id = requestErasure("CUST-none-1");
        String done = awaitCompleted(id);

        assertThat(callsFor(audit, id)).as("audit-service refuses an empty ticket list").isEmpty();
        assertThat(receipt(done, "audit", "deletedRecords")).isEqualTo("0");
        assertThat(callsFor(classify, id)).hasSize(1);
    }

    @Test
    void aRequestOpenAtTheUpgradeReachesTheStoresAddedSince() {
        String listener = jdbc.sql("SELECT listener_id FROM event_publication WHERE event_type LIKE "
                + "'%CustomerErasureRequested' LIMIT 1").query(String.class).optional()
                .orElseGet(() -> {
                    awaitCompleted(requestErasure("CUST-first"));
                    return jdbc.sql("SELECT listener_id FROM event_publication WHERE event_type LIKE "
                            + "'%CustomerErasureRequested' LIMIT 1").query(String.class).single();
                });
        UUID id = UUID.randomUUID();
        // As V3/V4 leave it: open, only the stores of the time planned, the ingestion step due again.
        jdbc.sql("""
                INSERT INTO deletion_requests (id, customer_id, customer_hash, requested_by, status, due_at)
                VALUES (:id, 'CUST-upgraded', 'h', 'test', 'IN_PROGRESS', now() + interval '30 days')
                """).param("id", id).update();
        jdbc.sql("""
                INSERT INTO deletion_receipts (request_id, store, state) VALUES (:id, 'ingestion', 'PENDING'),
                                                                              (:id, 'embedding', 'PENDING')
                """).param("id", id).update();
        jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                               completion_date, status)
                VALUES (gen_random_uuid(), :listener, 'io.triage.gdpr.erasure.CustomerErasureRequested',
                        :event, now() - interval '1 hour', NULL, 'FAILED')
                """).param("listener", listener).param("event", "{\"requestId\":\"" + id + "\"}").update();

        String done = awaitCompleted(id.toString());

        assertThat((List<String>) JsonPath.read(done, "$.receipts[*].store"))
                .containsExactly("audit", "classify", "embedding", "ingestion");
        assertThat(callsFor(classify, id.toString())).hasSize(1);
        assertThat(callsFor(audit, id.toString())).hasSize(1);
    }
}
