package io.triage.audit;

import static io.triage.testsupport.JsonBody.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.BackingServices;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.TestDatabase;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the service while a producer streams events: the service runs as a child JVM, is killed mid-stream,
 * restarted on the same database, and receives every event again. Each event must then be stored exactly once and
 * the chain must verify.
 */
class CrashRecoveryIT {

    static final int EVENTS = 1500;

    @TempDir
    Path workDirectory;

    @Test
    void afterKillAndRedeliveryEveryEventIsStoredOnceAndTheChainVerifies() throws Exception {
        TestDatabase database = BackingServices.get().createDatabase();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(Decisions.event(UUID.randomUUID(), "T-crash-" + i));
        }

        int port = freePort();
        Process first = start(database, port, "first");
        ServiceHttp http = ServiceHttp.onPort(port);
        AtomicInteger acknowledged = new AtomicInteger();
        Thread producer = Thread.ofPlatform().start(() -> stream(http, events, acknowledged));
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> acknowledged.get() >= 300 || !producer.isAlive());
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        producer.join(60_000);
        assertThat(acknowledged.get()).as("the crash interrupted the stream").isBetween(300, EVENTS - 1);

        Process second = start(database, port, "second");
        try {
            for (int i = 0; i < EVENTS; i += 50) {
                String batch = "[" + String.join(",", events.subList(i, Math.min(EVENTS, i + 50))) + "]";
                HttpResponse<String> response = http.post("/audit/events", ApiKeys.CLASSIFY_SERVICE, batch);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            }
            HttpResponse<String> verify = http.get("/audit/verify", ApiKeys.COMPLIANCE);
            assertThat(json(verify)).extractingPath("$.valid").as(verify.body()).isEqualTo(true);
        } finally {
            second.destroy();
            second.waitFor(60, TimeUnit.SECONDS);
        }
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT event_id), max(seq) FROM audit.audit_log")) {
            rs.next();
            assertThat(rs.getLong(1)).as("rows").isEqualTo(EVENTS);
            assertThat(rs.getLong(2)).as("distinct event ids").isEqualTo(EVENTS);
            assertThat(rs.getLong(3)).as("gapless positions").isEqualTo(EVENTS);
        }
    }

    /** Sends events one by one (every fifth as a batch of five) until the service dies. */
    static void stream(ServiceHttp http, List<String> events, AtomicInteger acknowledged) {
        try {
            for (int i = 0; i < events.size(); i += 5) {
                for (int j = i; j < i + 4; j++) {
                    if (http.post("/audit/events", ApiKeys.CLASSIFY_SERVICE, events.get(j)).statusCode() < 300) {
                        acknowledged.incrementAndGet();
                    }
                }
                if (http.post("/audit/events", ApiKeys.CLASSIFY_SERVICE, "[" + events.get(i + 4) + "]").statusCode() < 300) {
                    acknowledged.incrementAndGet();
                }
            }
        } catch (UncheckedIOException expected) {
            // the service was killed: the producer stops and will redeliver everything
        }
    }

    Process start(TestDatabase database, int port, String name) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), AuditServiceApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.flyway.user=" + database.adminUser(),
                "--spring.flyway.password=" + database.adminPassword(),
                "--triage.audit.archive.directory=" + workDirectory.resolve("archive"),
                "--triage.audit.checkpoint-mirror.directory=" + workDirectory.resolve("mirror"),
                "--triage.audit.archiver.signing.key-file=" + workDirectory.resolve("keys/archiver.properties")));
        if (!BackingServices.get().trustAuthentication()) {
            command.add("--spring.datasource.username=" + database.adminUser());
            command.add("--spring.datasource.password=" + database.adminPassword());
        }
        Path log = Files.createDirectories(Path.of("target")).resolve("crash-recovery-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceHttp http = ServiceHttp.onPort(port);
        try {
            // A JVM start on a loaded 2-core machine: a generous ceiling, readiness (or an exit) ends the wait.
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                    .ignoreException(UncheckedIOException.class)
                    .until(() -> !process.isAlive()
                            || http.get("/actuator/health/readiness", null).statusCode() == 200);
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("service did not become ready, see " + log.toAbsolutePath());
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("service exited during start-up, see " + log.toAbsolutePath());
        }
        return process;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
