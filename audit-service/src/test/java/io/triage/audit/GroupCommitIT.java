package io.triage.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Group commit: concurrent appends share one transaction, and the chain, the positions and the idempotency come out
 * exactly as if they had been appended one after the other. To make callers meet in one group deterministically, a
 * test holds the chain head's row lock from its own connection: the writer then waits inside its transaction while
 * the next requests queue up behind it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedBackingServices
class GroupCommitIT {

    @TempDir
    static Path storage;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        LocalStorage.in(storage, registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Autowired
    MeterRegistry meters;

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    Future<HttpResponse<String>> postLater(ExecutorService callers, String body) {
        return callers.submit(() -> http().post("/audit/events", ApiKeys.CLASSIFY_SERVICE, body));
    }

    boolean chainVerifies() {
        HttpResponse<String> response = http().get("/audit/verify", ApiKeys.COMPLIANCE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return AuditServiceIT.JSON.readTree(response.body()).get("valid").asBoolean();
    }

    long rowsOf(Set<UUID> eventIds) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE event_id = ANY (?)")
                .param(eventIds.toArray(UUID[]::new)).query(Long.class).single();
    }

    double queuedEvents() {
        return meters.get("audit_append_queued_events").gauge().value();
    }

    Connection superuser() throws SQLException {
        Connection connection = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.flyway.user", "postgres"),
                environment.getProperty("spring.flyway.password", ""));
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path = audit");
        }
        return connection;
    }

    /** Takes the chain head's row lock in an open transaction; the writer blocks on it until the caller commits. */
    Connection holdChainHead() throws SQLException {
        Connection connection = superuser();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT seq FROM chain_head WHERE id = 1 FOR UPDATE");
        }
        return connection;
    }

    /** Waits until the group writer is blocked on the chain head lock, i.e. inside its transaction. */
    void awaitWriterBlockedOnTheHead() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                 WHERE wait_event_type = 'Lock' AND query LIKE '%FROM chain_head WHERE id = 1 FOR UPDATE%'""")
                .query(Long.class).single() > 0);
    }

    @Test
    void manyConcurrentWritersLoseNothingDuplicateNothingAndKeepPositionsContiguous() throws Exception {
        double groupsBefore = meters.get("audit_append_group_requests").summary().count();
        double requestsBefore = meters.get("audit_append_requests").counter().count();
        List<UUID> sent = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            int size = i % 3 == 0 ? 1 + i % 7 : 1;
            List<UUID> ids = Stream.generate(UUID::randomUUID).limit(size).toList();
            sent.addAll(ids);
            String events = ids.stream().map(id -> Decisions.event(id, "T-group-" + id))
                    .collect(Collectors.joining(","));
            bodies.add(size == 1 && i % 2 == 0 ? events : "[" + events + "]");
        }
        // Every tenth request is sent twice, so redeliveries race their originals (often inside one group).
        for (int i = 0; i < 240; i += 10) {
            bodies.add(bodies.get(i));
        }
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(16)) {
            bodies.forEach(body -> results.add(postLater(callers, body)));
        }
        for (Future<HttpResponse<String>> result : results) {
            assertThat(result.get().statusCode()).as(result.get().body()).isIn(200, 201);
        }
        Set<UUID> ids = new HashSet<>(sent);
        assertThat(rowsOf(ids)).as("each event exactly once").isEqualTo(ids.size());
        List<Long> seqs = jdbc.sql("SELECT seq FROM audit_log WHERE event_id = ANY (?) ORDER BY seq")
                .param(ids.toArray(UUID[]::new)).query(Long.class).list();
        assertThat(seqs.getLast() - seqs.getFirst() + 1).as("contiguous positions").isEqualTo(ids.size());
        assertThat(jdbc.sql("SELECT seq FROM chain_head").query(Long.class).single()).isEqualTo(seqs.getLast());
        assertThat(chainVerifies()).isTrue();
        double requests = meters.get("audit_append_requests").counter().count() - requestsBefore;
        double groups = meters.get("audit_append_group_requests").summary().count() - groupsBefore;
        assertThat(requests).isEqualTo(bodies.size());
        assertThat(groups).as("concurrent requests shared transactions").isLessThan(requests);
    }

    @Test
    void aDuplicateInsideOneBatchIsReportedAsDuplicateOfItsFirstOccurrence() {
        UUID twice = UUID.randomUUID();
        UUID once = UUID.randomUUID();
        String batch = "[" + Decisions.event(twice, "T-twice") + "," + Decisions.event(once, "T-once") + ","
                + Decisions.event(twice, "T-twice-again") + "]";
        HttpResponse<String> response = http().post("/audit/events", ApiKeys.CLASSIFY_SERVICE, batch);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode receipt = AuditServiceIT.JSON.readTree(response.body());
        assertThat(receipt.get("appended").asInt()).isEqualTo(2);
        assertThat(receipt.get("duplicates").asInt()).isEqualTo(1);
        JsonNode first = receipt.get("events").get(0);
        JsonNode repeat = receipt.get("events").get(2);
        assertThat(first.get("duplicate").asBoolean()).isFalse();
        assertThat(repeat.get("duplicate").asBoolean()).isTrue();
        assertThat(repeat.get("seq")).isEqualTo(first.get("seq"));
        assertThat(repeat.get("hash")).isEqualTo(first.get("hash"));
        assertThat(rowsOf(Set.of(twice, once))).isEqualTo(2);
        assertThat(chainVerifies()).isTrue();
    }

    @Test
    void theSameEventFromTwoCallersInOneGroupIsWrittenOnceAndTheSecondGetsTheOriginal() throws Exception {
        UUID shared = UUID.randomUUID();
        Future<HttpResponse<String>> blocker;
        Future<HttpResponse<String>> one;
        Future<HttpResponse<String>> other;
        try (ExecutorService callers = Executors.newFixedThreadPool(3); Connection head = holdChainHead()) {
            blocker = postLater(callers, Decisions.event(UUID.randomUUID(), "T-blocker"));
            awaitWriterBlockedOnTheHead();
            one = postLater(callers, Decisions.event(shared, "T-first"));
            other = postLater(callers, Decisions.event(shared, "T-second"));
            await().atMost(Duration.ofSeconds(30)).until(() -> queuedEvents() == 2);
            head.commit();
        }
        assertThat(blocker.get().statusCode()).isEqualTo(201);
        List<Integer> statuses = Stream.of(one.get(), other.get()).map(HttpResponse::statusCode).sorted().toList();
        assertThat(statuses).containsExactly(200, 201);
        JsonNode a = AuditServiceIT.JSON.readTree(one.get().body());
        JsonNode b = AuditServiceIT.JSON.readTree(other.get().body());
        assertThat(a.get("hash")).isEqualTo(b.get("hash"));
        assertThat(a.get("ticketId")).isEqualTo(b.get("ticketId"));
        assertThat(rowsOf(Set.of(shared))).isEqualTo(1);
        assertThat(chainVerifies()).isTrue();
    }

    @Test
    void aGroupThatFailsToCommitFailsEveryCallerInItAndWritesNothingOfIt() throws Exception {
        UUID poison = UUID.randomUUID();
        List<UUID> bystanders = Stream.generate(UUID::randomUUID).limit(4).toList();
        try (Connection connection = superuser(); Statement statement = connection.createStatement()) {
            // A fault the writer cannot foresee: the database refuses one row in the middle of the group's insert.
            statement.execute("""
                    CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'refused by the test'; END $$""");
            statement.execute("CREATE TRIGGER refuse_poison BEFORE INSERT ON audit_event_ids FOR EACH ROW "
                    + "WHEN (NEW.event_id = '" + poison + "') EXECUTE FUNCTION refuse_poison()");
        }
        try {
            long headBefore;
            Future<HttpResponse<String>> blocker;
            List<Future<HttpResponse<String>>> group = new ArrayList<>();
            try (ExecutorService callers = Executors.newFixedThreadPool(4); Connection head = holdChainHead()) {
                blocker = postLater(callers, Decisions.event(UUID.randomUUID(), "T-before"));
                awaitWriterBlockedOnTheHead();
                group.add(postLater(callers, Decisions.event(bystanders.get(0), "T-bystander")));
                group.add(postLater(callers, Decisions.event(poison, "T-poison")));
                group.add(postLater(callers, "[" + bystanders.subList(1, 4).stream()
                        .map(id -> Decisions.event(id, "T-bystander-batch")).collect(Collectors.joining(",")) + "]"));
                await().atMost(Duration.ofSeconds(30)).until(() -> queuedEvents() == 5);
                head.commit();
                assertThat(blocker.get().statusCode()).isEqualTo(201);
                headBefore = AuditServiceIT.JSON.readTree(blocker.get().body()).get("seq").asLong();
            }
            for (Future<HttpResponse<String>> caller : group) {
                PlatformContract.assertProblem(caller.get(), 500);
            }
            Set<UUID> failed = new HashSet<>(bystanders);
            failed.add(poison);
            assertThat(rowsOf(failed)).as("nothing of the failed group").isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM audit_event_ids WHERE event_id = ANY (?)")
                    .param(failed.toArray(UUID[]::new)).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT seq FROM chain_head").query(Long.class).single()).isEqualTo(headBefore);
            assertThat(chainVerifies()).isTrue();
            // The bystanders redeliver (at least once) and are recorded normally.
            HttpResponse<String> retry = http().post("/audit/events", ApiKeys.CLASSIFY_SERVICE,
                    Decisions.event(bystanders.get(0), "T-bystander"));
            assertThat(retry.statusCode()).isEqualTo(201);
            assertThat(AuditServiceIT.JSON.readTree(retry.body()).get("seq").asLong()).isEqualTo(headBefore + 1);
        } finally {
            try (Connection connection = superuser(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TRIGGER refuse_poison ON audit_event_ids");
                statement.execute("DROP FUNCTION refuse_poison()");
            }
        }
    }
}
