package io.triage.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.triage.audit.chain.AuditEvent;
import io.triage.audit.chain.AuditLog;
import io.triage.audit.chain.CanonicalForm;
import io.triage.audit.chain.ChainHasher;
import io.triage.audit.checkpoint.Checkpoint;
import io.triage.audit.checkpoint.CheckpointMirror;
import io.triage.audit.checkpoint.Checkpoints;
import io.triage.audit.verify.ChainHash;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
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
 * The log is append-only in the database (for the service role by privileges, for a superuser by the trigger), and
 * whatever a superuser does anyway — bypassing the trigger — is reported by {@code /audit/verify}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedBackingServices
class TamperEvidenceIT {

    @TempDir
    static Path storage;

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

    @Autowired
    AuditLog log;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    ChainHasher chainHasher;

    @Autowired
    CheckpointMirror mirror;

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    /**
     * Appends twelve events and returns the second position: each test tampers with and verifies the ten in the
     * middle, so the tampering of one test never reaches into another's range.
     */
    long appendTen() {
        HttpResponse<String> response = http().post("/audit/events", ApiKeys.CLASSIFY_SERVICE,
                Decisions.batch(12, "T-" + System.nanoTime() + "-"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return AuditServiceIT.JSON.readTree(response.body()).get("events").get(0).get("seq").asLong() + 1;
    }

    JsonNode verify(long from, long to) {
        HttpResponse<String> response = http().get("/audit/verify?from=" + from + "&to=" + to, ApiKeys.COMPLIANCE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return AuditServiceIT.JSON.readTree(response.body());
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

    /** Runs statements as the superuser with triggers bypassed, as an attacker with full database access would. */
    void tamper(String... statements) throws SQLException {
        try (Connection connection = superuser(); Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    static String currentPartition() {
        LocalDate now = LocalDate.now(ZoneOffset.UTC);
        return "audit_log_%d_%02d".formatted(now.getYear(), now.getMonthValue());
    }

    @Test
    void serviceRoleCanNeitherUpdateNorDeleteNorTruncate() {
        long seq = appendTen();
        for (String sql : List.of("UPDATE audit_log SET department = 'x' WHERE seq = " + seq,
                "DELETE FROM audit_log WHERE seq = " + seq, "TRUNCATE audit_log",
                "UPDATE " + currentPartition() + " SET department = 'x' WHERE seq = " + seq,
                "DELETE FROM " + currentPartition() + " WHERE seq = " + seq,
                "DELETE FROM checkpoints", "DELETE FROM audit_event_ids",
                "INSERT INTO chain_schemes VALUES (" + (seq + 100) + ", 'audit-event/v1')", "DELETE FROM chain_schemes",
                "UPDATE checkpoint_mirror_start SET first_checkpoint_id = 0")) {
            assertThatThrownBy(() -> serviceRole.sql(sql).update()).as(sql)
                    .hasStackTraceContaining("permission denied");
        }
        assertThat(verify(seq, seq + 9).get("valid").asBoolean()).isTrue();
    }

    @Test
    void privilegedRoleIsStoppedByTheTrigger() throws SQLException {
        long seq = appendTen();
        try (Connection connection = superuser(); Statement statement = connection.createStatement()) {
            for (String sql : List.of("UPDATE audit_log SET department = 'x' WHERE seq = " + seq,
                    "DELETE FROM audit_log WHERE seq = " + seq, "TRUNCATE audit_log",
                    "TRUNCATE " + currentPartition(), "DELETE FROM " + currentPartition() + " WHERE seq = " + seq,
                    "UPDATE checkpoints SET to_seq = 0")) {
                assertThatThrownBy(() -> statement.execute(sql)).as(sql).hasMessageContaining("append-only");
            }
        }
        assertThat(verify(seq, seq + 9).get("valid").asBoolean()).isTrue();
    }

    @Test
    void theErasureSwitchCannotChangeChainedFields() throws SQLException {
        long seq = appendTen();
        try (Connection connection = superuser(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('audit.erasure', 'on', false)");
            assertThatThrownBy(() -> statement.execute("UPDATE audit_log SET department = 'x', ticket_id = NULL, "
                    + "user_id = NULL WHERE seq = " + seq)).hasMessageContaining("append-only");
        }
    }

    @Test
    void editedRowIsDetected() throws SQLException {
        long seq = appendTen();
        tamper("UPDATE audit_log SET department = 'fraud' WHERE seq = " + (seq + 4));
        JsonNode report = verify(seq, seq + 9);
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(seq + 4);
        assertThat(report.get("findings").get(0).get("kind").asString()).isEqualTo("ALTERED");
    }

    @Test
    void deletedRowIsDetected() throws SQLException {
        long seq = appendTen();
        tamper("DELETE FROM audit_log WHERE seq = " + (seq + 4));
        JsonNode report = verify(seq, seq + 9);
        assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(seq + 4);
        assertThat(report.get("findings").get(0).get("kind").asString()).isEqualTo("REMOVED");
    }

    @Test
    void deletedRowHiddenByRenumberingIsDetected() throws SQLException {
        long seq = appendTen();
        tamper("DELETE FROM audit_log WHERE seq = " + (seq + 4),
                "UPDATE audit_log SET seq = seq - 1 WHERE seq BETWEEN " + (seq + 5) + " AND " + (seq + 9));
        JsonNode report = verify(seq, seq + 8);
        assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(seq + 4);
        assertThat(report.get("findings").get(0).get("kind").asString()).isEqualTo("REMOVED");
    }

    @Test
    void insertedRowIsDetected() throws SQLException {
        long seq = appendTen();
        tamper("INSERT INTO audit_log SELECT seq, gen_random_uuid(), recorded_at + interval '1 microsecond', "
                + "occurred_at, ticket_ref, user_ref, ticket_id, user_id, model_version, rule_set_version, "
                + "routing_method, 'forged', urgency, sentiment, confidence, channel, language, customer_segment, "
                + "tier_latencies, trace_id, prev_hash, hash FROM audit_log WHERE seq = " + (seq + 4));
        JsonNode report = verify(seq, seq + 9);
        assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(seq + 4);
        assertThat(report.get("findings").get(0).get("kind").asString()).isEqualTo("INSERTED");
    }

    @Test
    void swappedRowsAreDetected() throws SQLException {
        long seq = appendTen();
        tamper("UPDATE audit_log SET seq = -1 WHERE seq = " + (seq + 4),
                "UPDATE audit_log SET seq = " + (seq + 4) + " WHERE seq = " + (seq + 5),
                "UPDATE audit_log SET seq = " + (seq + 5) + " WHERE seq = -1");
        JsonNode report = verify(seq, seq + 9);
        assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(seq + 4);
        assertThat(report.get("findings").get(0).get("kind").asString()).isEqualTo("REORDERED");
    }

    @Test
    void chainRecomputedWithoutTheKeyIsDetected() throws SQLException {
        long seq = appendTen();
        tamper("UPDATE audit_log SET department = 'fraud' WHERE seq = " + (seq + 4));
        rehash(seq + 4, seq + 9, CanonicalForm::hash);

        JsonNode report = verify(seq, seq + 9);
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(seq + 4);
        assertThat(report.get("findings").get(0).get("kind").asString()).isEqualTo("ALTERED");
    }

    @Test
    void rewriteByAHolderOfTheChainKeyIsCaughtByTheSignedCheckpoint() throws SQLException {
        long seq = appendTen();
        checkpoints.create(seq, seq + 9);
        tamper("UPDATE audit_log SET department = 'fraud' WHERE seq = " + (seq + 4));
        rehash(seq + 4, seq + 9, chainHasher::hash);

        JsonNode report = verify(seq, seq + 9);
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("findings").get(0).get("kind").asString()).isEqualTo("CHECKPOINT_MISMATCH");
        assertThat(report.get("findings").toString()).as("every link and hash re-computes").doesNotContain("REMOVED",
                "INSERTED", "REORDERED", "no longer matches its hash");
    }

    @Test
    void checkpointRootChangedInTheDatabaseDisagreesWithTheMirror() throws SQLException {
        long seq = appendTen();
        Checkpoint checkpoint = checkpoints.create(seq, seq + 9);
        tamper("UPDATE checkpoints SET root = sha256(root) WHERE id = " + checkpoint.id());

        JsonNode report = verify(seq, seq + 9);
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("findings").toString()).contains("MIRROR_MISMATCH",
                "checkpoint " + checkpoint.id() + " (positions " + seq + ".." + (seq + 9)
                        + ") differs from its write-once copy");
    }

    @Test
    void checkpointDeletedFromTheDatabaseIsStillInTheMirror() throws SQLException {
        long seq = appendTen();
        Checkpoint checkpoint = checkpoints.create(seq, seq + 9);
        tamper("DELETE FROM checkpoints WHERE id = " + checkpoint.id());

        JsonNode report = verify(seq, seq + 9);
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("findings").toString()).contains("MIRROR_MISMATCH",
                "is in the write-once mirror but not in the database");
    }

    @Test
    void mirrorFilesAreWrittenOnceAndReadOnly() throws Exception {
        long seq = appendTen();
        Checkpoint checkpoint = checkpoints.create(seq, seq + 9);
        Path copy = storage.resolve("mirror").resolve("checkpoint-%019d.json".formatted(checkpoint.id()));

        assertThat(AuditServiceIT.JSON.readTree(Files.readString(copy)).get("root").asString())
                .isEqualTo(checkpoint.root());
        // permission bits, not Files.isWritable: a test run as root may write anything
        assertThat(Files.getPosixFilePermissions(copy)).doesNotContain(PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
        Checkpoint forged = new Checkpoint(checkpoint.id(), checkpoint.fromSeq(), checkpoint.toSeq(), "00".repeat(32),
                checkpoint.lastHash(), checkpoint.createdAt(), checkpoint.keyId(), checkpoint.signature());
        assertThatThrownBy(() -> mirror.write(forged)).hasMessageContaining("already holds a different checkpoint");
        assertThat(mirror.read(checkpoint.id())).contains(checkpoint);
    }

    /** What an attacker would do after an edit: re-compute every later hash, with or without the chain key. */
    void rehash(long from, long to, ChainHash chainHash) throws SQLException {
        List<AuditEvent> rows = new ArrayList<>();
        log.forEachInRange(from, to, rows::add);
        HexFormat hex = HexFormat.of();
        byte[] prev = hex.parseHex(rows.getFirst().prevHash());
        try (Connection connection = superuser();
                Statement replica = connection.createStatement();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?")) {
            replica.execute("SET session_replication_role = replica");
            for (AuditEvent row : rows) {
                byte[] hash = chainHash.of(prev, row);
                update.setBytes(1, prev);
                update.setBytes(2, hash);
                update.setLong(3, row.seq());
                update.executeUpdate();
                prev = hash;
            }
        }
    }
}
