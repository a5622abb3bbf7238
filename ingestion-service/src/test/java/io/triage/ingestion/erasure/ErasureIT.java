package io.triage.ingestion.erasure;

import static io.triage.testsupport.JsonBody.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.ticket.NewTicket;
import io.triage.ingestion.ticket.SourceAttributes;
import io.triage.ingestion.ticket.TicketIntake;
import io.triage.ingestion.ticket.TicketRepository;
import io.triage.ingestion.ticket.TicketSource;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.BackingServices;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /internal/erasures} as gdpr-service's saga needs it: the receipt names the erased tickets (the ids
 * classify-service and audit-service know), a replay names the same ones, and nothing of the customer id is kept
 * but its keyed hash.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"triage.ingestion.flow.classify=false", "triage.ingestion.flow.index=false"})
@IsolatedBackingServices
class ErasureIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ErasureService erasures;

    @Autowired
    CustomerHash hash;

    @Autowired
    Flyway flyway;

    @Autowired
    TicketIntake intake;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PlatformTransactionManager transactions;

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    String store(String externalId, String customer) {
        HttpResponse<String> stored = http().post("/tickets", ApiKeys.OPS, """
                {"source":"JIRA","externalId":"%s","customerId":"%s","subject":"Card declined",
                 "description":"declined twice","sourceUpdatedAt":"2026-11-01T10:00:00Z"}""".formatted(externalId,
                customer));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        return JsonPath.read(stored.body(), "$.ticketId");
    }

    HttpResponse<String> erase(UUID requestId, String customer) {
        HttpResponse<String> response = http().post("/internal/erasures", ApiKeys.GDPR_SERVICE,
                "{\"requestId\":\"%s\",\"customerId\":\"%s\"}".formatted(requestId, customer));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    @Test
    void receiptNamesTheErasedTicketsAndAReplayNamesTheSame() {
        List<String> tickets = List.of(store("E-1", "C-ids"), store("E-2", "C-ids"));
        String other = store("E-3", "C-other");
        UUID request = UUID.randomUUID();

        HttpResponse<String> first = erase(request, "C-ids");
        store("E-4", "C-ids"); // arrives after the erasure: not part of it
        HttpResponse<String> replay = erase(request, "C-ids");

        assertThat(json(first)).extractingPath("$.ticketIds").asInstanceOf(
                LIST).containsExactlyInAnyOrderElementsOf(tickets);
        assertThat(json(first)).extractingPath("$.deletedRecords").isEqualTo(2);
        assertThat(json(replay)).extractingPath("$.replayed").isEqualTo(true);
        assertThat(json(replay)).extractingPath("$.ticketIds").asInstanceOf(
                LIST).containsExactlyInAnyOrderElementsOf(tickets);
        assertThat(json(replay)).extractingPath("$.ticketIds").asInstanceOf(
                LIST).doesNotContain(other);
    }

    @Test
    void anErasedTicketDeliveredAgainIsDroppedWhileTheCustomersNewTicketsAreStored() {
        store("S-1", "C-suppressed");
        erase(UUID.randomUUID(), "C-suppressed");
        double droppedBefore = dropped();

        HttpResponse<String> reimport = http().post("/tickets", ApiKeys.OPS, """
                {"source":"JIRA","externalId":"S-1","customerId":"C-suppressed","subject":"Card declined",
                 "description":"declined twice","sourceUpdatedAt":"2026-11-02T10:00:00Z"}""");
        // As a webhook or a pull would bring it: through the intake, with a newer version.
        Optional<TicketRepository.Upsert> pulled = intake.store(new NewTicket(TicketSource.JIRA, "S-1", "C-suppressed",
                "web", "Card declined", "declined again", Instant.parse("2026-11-03T10:00:00Z")),
                SourceAttributes.NONE);
        String fresh = store("S-2", "C-suppressed");

        assertThat(reimport.statusCode()).as(reimport.body()).isEqualTo(409);
        assertThat(pulled).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE external_id = 'S-1'").query(Long.class).single())
                .as("the erased ticket is not stored again").isZero();
        assertThat(fresh).as("a new ticket of the same customer is stored").isNotBlank();
        assertThat(dropped()).isEqualTo(droppedBefore + 2);
        assertThat(jdbc.sql("SELECT count(*) FROM suppressed_tickets s WHERE CAST(s AS text) LIKE '%S-1%'")
                .query(Long.class).single()).as("the list holds no id in the clear").isZero();
    }

    @Test
    void anErasureWaitsForADeliveryInFlightAndErasesWhatItStored() throws Exception {
        store("W-1", "C-race");
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CompletableFuture<HttpResponse<String>> erasure = new CompletableFuture<>();
        String[] inFlight = new String[1];
        transaction.executeWithoutResult(status -> {
            // A pull page or webhook storing the customer's ticket, not yet committed when the erasure arrives.
            inFlight[0] = intake.store(new NewTicket(TicketSource.JIRA, "W-2", "C-race", "web", "Card declined",
                    "declined in flight", Instant.parse("2026-11-01T10:00:00Z")), SourceAttributes.NONE)
                    .orElseThrow().ticket().id().toString();
            Thread.ofVirtual().start(() -> erasure.complete(erase(UUID.randomUUID(), "C-race")));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted""")
                    .query(Long.class).single() > 0);
            assertThat(erasure).as("the erasure waits for the delivery's transaction").isNotDone();
        });

        HttpResponse<String> receipt = erasure.get(30, TimeUnit.SECONDS);
        assertThat(json(receipt)).extractingPath("$.ticketIds").asInstanceOf(LIST).contains(inFlight[0]);
        assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE customer_id = 'C-race'").query(Long.class).single())
                .isZero();
    }

    private double dropped() {
        return meters.get("ingestion.tickets.suppressed").counter().count();
    }

    @Test
    void appliedErasuresKeepOnlyAKeyedHashOfTheCustomerId() {
        store("E-5", "C-hashed-42");
        UUID request = UUID.randomUUID();
        erase(request, "C-hashed-42");

        assertThat(jdbc.sql("""
                SELECT count(*) FROM information_schema.columns
                 WHERE table_schema = 'ingestion' AND table_name = 'erasures' AND column_name = 'customer_id'
                """).query(Long.class).single()).as("no plain customer-id column").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM erasures e WHERE CAST(e AS text) LIKE '%C-hashed-42%'")
                .query(Long.class).single()).as("the id appears in no column").isZero();
        assertThat(jdbc.sql("SELECT customer_hash FROM erasures WHERE request_id = ?").param(request)
                .query(String.class).single()).isEqualTo(hash.of("C-hashed-42")).hasSize(64);
    }

    @Test
    void ticketIdsAreDroppedWhenGdprServiceReleasesThem() {
        store("E-7", "C-release");
        UUID request = UUID.randomUUID();
        erase(request, "C-release");

        HttpResponse<String> released = http().delete("/internal/erasures/" + request + "/ticket-ids",
                ApiKeys.GDPR_SERVICE);
        HttpResponse<String> again = http().delete("/internal/erasures/" + request + "/ticket-ids",
                ApiKeys.GDPR_SERVICE);

        assertThat(released.statusCode()).isEqualTo(204);
        assertThat(again.statusCode()).as("idempotent").isEqualTo(204);
        assertThat(jdbc.sql("SELECT ticket_ids IS NULL FROM erasures WHERE request_id = ?").param(request)
                .query(Boolean.class).single()).isTrue();
        HttpResponse<String> replay = erase(request, "C-release");
        assertThat(json(replay)).extractingPath("$.ticketIds").isNull();
        assertThat(json(replay)).extractingPath("$.deletedRecords").isEqualTo(1);
    }

    @Test
    void releasingTheTicketIdsOfAnUnknownRequestIs404AndIsForGdprServiceOnly() {
        assertThat(http().delete("/internal/erasures/" + UUID.randomUUID() + "/ticket-ids", ApiKeys.GDPR_SERVICE)
                .statusCode()).isEqualTo(404);
        assertThat(http().delete("/internal/erasures/" + UUID.randomUUID() + "/ticket-ids", ApiKeys.OPS)
                .statusCode()).isEqualTo(403);
    }

    @Test
    void anotherTicketsDecisionKeepsItsAnswerWithTheErasedTicketReplaced() {
        String erased = store("E-8", "C-neighbour");
        String kept = store("E-9", "C-keeps");
        jdbc.sql("""
                INSERT INTO ticket_decisions (ticket_id, ticket_version, status, answer)
                VALUES (CAST(:id AS uuid), now(), 'DECIDED', CAST(:answer AS jsonb))
                ON CONFLICT (ticket_id) DO UPDATE SET answer = EXCLUDED.answer
                """).param("id", kept).param("answer", """
                {"department":"Billing","explanation":{"summary":"nearest ticket %s has similarity 0.5",
                 "similarTickets":[{"ticketId":"%s","similarity":0.5},{"ticketId":"%s","similarity":0.4}]}}"""
                .formatted(erased, erased, kept)).update();
        jdbc.sql("""
                INSERT INTO writebacks (id, ticket_id, decision_id, source, external_id, level, mapping_version, state,
                                        plan)
                VALUES (gen_random_uuid(), CAST(:id AS uuid), gen_random_uuid(), 'JIRA', 'E-9', 'suggest', 1,
                        'PENDING', CAST(:plan AS jsonb))
                """).param("id", kept).param("plan", "{\"note\":\"Why: similar tickets %s (0.50)\"}"
                .formatted(erased)).update();

        erase(UUID.randomUUID(), "C-neighbour");

        String answer = jdbc.sql("SELECT CAST(answer AS text) FROM ticket_decisions WHERE ticket_id = CAST(? AS uuid)")
                .param(kept).query(String.class).single();
        assertThat(answer).doesNotContain(erased).contains("\"erased\"").contains(kept).contains("Billing");
        String plan = jdbc.sql("SELECT CAST(plan AS text) FROM writebacks WHERE ticket_id = CAST(? AS uuid)")
                .param(kept).query(String.class).single();
        assertThat(plan).doesNotContain(erased).contains("similar tickets erased");
    }

    @Test
    void ticketIdsAreForgottenAfterTheRetention() {
        store("E-6", "C-old");
        UUID request = UUID.randomUUID();
        erase(request, "C-old");
        jdbc.sql("UPDATE erasures SET applied_at = now() - interval '31 days' WHERE request_id = ?").param(request)
                .update();

        erasures.forgetOldTicketIds();

        HttpResponse<String> replay = erase(request, "C-old");
        assertThat(json(replay)).extractingPath("$.ticketIds").isNull();
        assertThat(json(replay)).extractingPath("$.deletedRecords").isEqualTo(1);
    }

    @Test
    void migrationHashesTheCustomerIdsOfEarlierErasuresAndDropsThem() {
        TestDatabase database = BackingServices.get().createDatabase();
        Flyway older = Flyway.configure().configuration(flyway.getConfiguration())
                .dataSource(database.jdbcUrl(), database.adminUser(), database.adminPassword()).target("12").load();
        older.migrate();
        List<UUID> requests = new ArrayList<>();
        try (var connection = new SingleConnectionDataSource(database.jdbcUrl(), database.adminUser(),
                database.adminPassword(), true)) {
            JdbcClient earlier = JdbcClient.create(connection);
            for (String customer : List.of("C-a", "C-b", "C-a")) {
                UUID request = UUID.randomUUID();
                requests.add(request);
                earlier.sql("INSERT INTO ingestion.erasures (request_id, customer_id, deleted_tickets) VALUES (?, ?, 1)")
                        .params(request, customer).update();
            }

            Flyway.configure().configuration(flyway.getConfiguration())
                    .dataSource(database.jdbcUrl(), database.adminUser(), database.adminPassword()).load().migrate();

            assertThat(earlier.sql("SELECT customer_hash FROM ingestion.erasures WHERE request_id = ?")
                    .param(requests.get(0)).query(String.class).single()).isEqualTo(hash.of("C-a"));
            assertThat(earlier.sql("SELECT customer_hash FROM ingestion.erasures WHERE request_id = ?")
                    .param(requests.get(1)).query(String.class).single()).isEqualTo(hash.of("C-b"));
            assertThat(earlier.sql("""
                    SELECT count(*) FROM information_schema.columns
                     WHERE table_schema = 'ingestion' AND table_name = 'erasures' AND column_name = 'customer_id'
                    """).query(Long.class).single()).isZero();
        }
    }
}
