package io.triage.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Who may trim the log: the service role can neither record an archive nor detach a partition nor act as the
 * archiver; the archiver cannot detach a month without a verified, signed manifest, nor the current month; and what
 * a superuser drops anyway is reported by {@code /audit/verify}, which no forged archive record can silence.
 * Each test connects as the real database role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedBackingServices
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArchiverRoleIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-01-10T12:00:00Z"));

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
    static void storage(DynamicPropertyRegistry registry) {
        LocalStorage.in(storage, registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient serviceRole;

    @Autowired
    Environment environment;

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    static String currentMonth() {
        return YearMonth.now(ZoneOffset.UTC).toString();
    }

    JsonNode verify() {
        HttpResponse<String> response = http().get("/audit/verify", ApiKeys.COMPLIANCE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return AuditServiceIT.JSON.readTree(response.body());
    }

    void recordAt(String instant, int events) {
        CLOCK.set(Instant.parse(instant));
        for (int i = 0; i < events; i++) {
            HttpResponse<String> response = http().post("/audit/events", ApiKeys.CLASSIFY_SERVICE,
                    Decisions.event(UUID.randomUUID(), "T-" + instant + "-" + i));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
    }

    Connection connectAs(String user) throws SQLException {
        Connection connection = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                user, "");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path = audit");
        }
        return connection;
    }

    void execute(String user, String... statements) throws SQLException {
        try (Connection connection = connectAs(user); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    boolean partitionExists(String name) {
        return serviceRole.sql("SELECT to_regclass(?) IS NOT NULL").param(name).query(Boolean.class).single();
    }

    @Test
    @Order(1)
    void serviceRoleCanNeitherRecordAnArchiveNorDetachNorBecomeTheArchiver() {
        recordAt("2024-01-10T12:00:00Z", 5);
        recordAt("2024-02-10T12:00:00Z", 5);
        recordAt("2025-03-02T12:00:00Z", 1);
        assertThat(http().post("/audit/checkpoints", ApiKeys.OPS, "").statusCode()).isEqualTo(201);

        for (String month : List.of("2024-02", currentMonth())) {
            for (String sql : List.of("INSERT INTO archives (month, from_seq, to_seq, events, data_file, data_sha256, "
                            + "manifest_file, archived_at) VALUES ('" + month + "', 6, 10, 5, 'x', 'x', 'x', now())",
                    "SELECT detach_archived_partition('" + month + "')", "SET ROLE audit_archiver")) {
                assertThatThrownBy(() -> serviceRole.sql(sql).query().listOfRows()).as(sql)
                        .hasStackTraceContaining("permission denied");
            }
        }
        assertThat(serviceRole.sql("SELECT pg_has_role(current_user, 'audit_archiver', 'MEMBER')")
                .query(Boolean.class).single()).isFalse();
        assertThat(partitionExists("audit_log_2024_02")).isTrue();
        JsonNode report = verify();
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("eventsChecked").asLong()).isEqualTo(11);
    }

    @Test
    @Order(2)
    void theArchiverCannotDetachWithoutAVerifiedManifestNorTheCurrentMonth() throws SQLException {
        assertThatThrownBy(() -> execute("audit_archiver", "SELECT detach_archived_partition('2024-02')"))
                .hasMessageContaining("has no verified, signed archive manifest");
        assertThatThrownBy(() -> execute("audit_archiver", "SELECT detach_archived_partition('" + currentMonth()
                + "')")).hasMessageContaining("is the current or a future month");
        assertThat(partitionExists("audit_log_2024_02")).isTrue();
    }

    @Test
    @Order(3)
    void aPartitionTheSuperuserDropsIsReportedWithTheCheckpointRangeItSigned() throws SQLException {
        execute(environment.getProperty("spring.flyway.user", "postgres"),
                "ALTER TABLE audit_log DETACH PARTITION audit_log_2024_02", "DROP TABLE audit_log_2024_02");

        JsonNode report = verify();

        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(6);
        assertThat(report.get("findings").toString()).contains("CHECKPOINT_ROWS_MISSING",
                "(positions 1..11) signed positions 1..11; 5 of positions 1..11 are missing", "REMOVED",
                "positions 6..10 are missing");
    }

    @Test
    @Order(4)
    void anArchiveRecordWithoutAValidManifestSignatureCoversNothing() throws SQLException {
        execute("audit_archiver", """
                INSERT INTO archives (month, from_seq, to_seq, events, data_file, data_sha256, manifest_file,
                                      archived_at, verified_at, manifest_key_id, manifest_signature)
                VALUES ('2024-02', 6, 10, 5, 'audit-2024-02.jsonl.gz', 'x', 'audit-2024-02.manifest.json', now(),
                        now(), 'forged', '\\x00')""");

        JsonNode report = verify();

        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("findings").toString()).contains("ARCHIVE_UNVERIFIED",
                "the manifest of 2024-02 is signed with key 'forged'", "CHECKPOINT_ROWS_MISSING",
                "positions 6..10 are missing");
    }

    @Test
    @Order(5)
    void aManifestThatDoesNotDescribeThePartitionIsRefused() throws SQLException {
        execute("audit_archiver", """
                INSERT INTO archives (month, from_seq, to_seq, events, data_file, data_sha256, manifest_file,
                                      archived_at, verified_at, manifest_key_id, manifest_signature)
                VALUES ('2024-01', 1, 4, 4, 'audit-2024-01.jsonl.gz', 'x', 'audit-2024-01.manifest.json', now(),
                        now(), 'forged', '\\x00')""");

        assertThatThrownBy(() -> execute("audit_archiver", "SELECT detach_archived_partition('2024-01')"))
                .hasMessageContaining("does not match its manifest");
        assertThat(partitionExists("audit_log_2024_01")).isTrue();
    }

    @Test
    @Order(6)
    void theArchiveJobNeitherArchivesNorDetachesAMonthWithAForgedManifestRecord() {
        CLOCK.set(Instant.parse("2025-03-20T12:00:00Z"));

        HttpResponse<String> run = http().post("/audit/archive/run", ApiKeys.OPS, "");

        assertThat(run.statusCode()).as(run.body()).isEqualTo(409);
        assertThat(run.body()).contains("Refusing to archive 2024-01", "signed with key 'forged'");
        assertThat(partitionExists("audit_log_2024_01")).isTrue();
    }
}
