package io.triage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The local directory store, not declared durable (the default): a month due for archiving is written to the
 * directory, but its partition is kept, counted and reported, run after run, and nothing is recorded as archived.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedBackingServices
class NonDurableArchiveIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-01-20T08:00:00Z"));

    @TempDir
    static Path storage;

    @TestConfiguration
    static class ClockConfiguration {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void localStore(DynamicPropertyRegistry registry) {
        LocalStorage.in(storage, registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return AuditServiceIT.JSON.readTree(response.body());
    }

    double refusals(ServiceHttp http) {
        return http.get("/actuator/prometheus", ApiKeys.OPS).body().lines()
                .filter(line -> line.startsWith("audit_archive_detach_refused_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void aDueMonthIsWrittenButItsPartitionIsKeptCountedAndReported() throws IOException {
        ServiceHttp http = ServiceHttp.onPort(port);
        for (int i = 0; i < 3; i++) {
            json(http.post("/audit/events", ApiKeys.CLASSIFY_SERVICE, Decisions.event(UUID.randomUUID(), "T-jan-" + i)));
        }
        CLOCK.set(Instant.parse("2025-03-02T00:00:00Z"));

        JsonNode first = json(http.post("/audit/archive/run", ApiKeys.OPS, ""));
        JsonNode second = json(http.post("/audit/archive/run", ApiKeys.OPS, ""));

        assertThat(first.get("archived").isEmpty()).isTrue();
        assertThat(first.get("kept").toString()).contains("2024-01");
        assertThat(second.get("kept").toString()).contains("2024-01");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log_2024_01").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM archives").query(Long.class).single()).isZero();
        assertThat(Files.exists(storage.resolve("archive/audit-2024-01.jsonl.gz"))).isTrue();
        assertThat(Files.exists(storage.resolve("archive/audit-2024-01.manifest.json"))).isTrue();
        JsonNode listing = json(http.get("/audit/archive", ApiKeys.OPS));
        assertThat(listing.get("durable").asBoolean()).isFalse();
        assertThat(listing.get("months").isEmpty()).isTrue();
        JsonNode finding = listing.get("findings").get(0);
        assertThat(finding.get("kind").asString()).isEqualTo("PARTITION_KEPT_STORE_NOT_DURABLE");
        assertThat(finding.get("month").asString()).isEqualTo("2024-01");
        assertThat(finding.get("detail").asString()).contains("not durable", "archive files written");
        assertThat(refusals(http)).isEqualTo(2.0);
        assertThat(Files.readString(Path.of("..", "grafana", "alerts", "triage-alerts.yml")))
                .as("the alert watches the series the service exports").contains("audit_archive_detach_refused_total");
        JsonNode verify = json(http.get("/audit/verify", ApiKeys.COMPLIANCE));
        assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.get("from").asLong()).isEqualTo(1);
    }
}
