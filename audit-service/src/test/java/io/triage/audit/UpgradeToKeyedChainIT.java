package io.triage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.triage.audit.chain.AuditEvent;
import io.triage.audit.chain.CanonicalForm;
import io.triage.audit.chain.Prediction;
import io.triage.audit.chain.RoutingMethod;
import io.triage.audit.checkpoint.Checkpoint;
import io.triage.audit.checkpoint.MerkleTree;
import io.triage.audit.config.AuditProperties;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.BackingServices;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A log written before the hardening (schema V2: unkeyed chain, a checkpoint, no mirror) is migrated by the
 * service: its rows stay {@code audit-event/v1} and verify, its checkpoint is copied to the mirror once, and
 * events appended afterwards are keyed ({@code audit-event/v2}).
 */
class UpgradeToKeyedChainIT {

    static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path storage;

    @Test
    void rowsFromBeforeTheKeyedChainStillVerifyAndNewOnesAreKeyed() throws Exception {
        TestDatabase database = BackingServices.get().createDatabase();
        Flyway.configure().dataSource(database.jdbcUrl(), database.adminUser(), database.adminPassword())
                .schemas("audit").defaultSchema("audit").createSchemas(true)
                .locations("classpath:db/platform", "classpath:db/migration/audit")
                .placeholders(Map.of("app_role", "audit_app", "archiver_role", "audit_archiver"))
                .target("2").load().migrate();
        List<UUID> earlier = writeUnkeyedLog(database, 3);

        try (ConfigurableApplicationContext service = start(database)) {
            ServiceHttp http = ServiceHttp.onPort(
                    Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port")));
            assertThat(verify(http).get("eventsChecked").asLong()).isEqualTo(3);
            assertThat(Files.exists(storage.resolve("mirror/checkpoint-%019d.json".formatted(1)))).isTrue();

            UUID later = UUID.randomUUID();
            assertThat(http.post("/audit/events", ApiKeys.CLASSIFY_SERVICE, Decisions.event(later, "T-after"))
                    .statusCode()).isEqualTo(201);

            JsonNode report = verify(http);
            assertThat(report.get("eventsChecked").asLong()).isEqualTo(4);
            assertThat(proof(http, earlier.getFirst()).get("scheme").asString()).isEqualTo("audit-event/v1");
            assertThat(proof(http, later).get("scheme").asString()).isEqualTo("audit-event/v2");
        }
    }

    JsonNode verify(ServiceHttp http) {
        HttpResponse<String> response = http.get("/audit/verify", ApiKeys.COMPLIANCE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = AuditServiceIT.JSON.readTree(response.body());
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        return report;
    }

    JsonNode proof(ServiceHttp http, UUID eventId) {
        HttpResponse<String> response = http.get("/audit/events/" + eventId + "/proof", ApiKeys.COMPLIANCE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return AuditServiceIT.JSON.readTree(response.body());
    }

    ConfigurableApplicationContext start(TestDatabase database) {
        // arguments, not builder properties: those are default properties, below the platform's defaults
        return new SpringApplicationBuilder(AuditServiceApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.flyway.user=" + database.adminUser(),
                "--spring.flyway.password=" + database.adminPassword(),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--spring.lifecycle.timeout-per-shutdown-phase=2s",
                "--triage.audit.archive.directory=" + storage.resolve("archive"),
                "--triage.audit.checkpoint-mirror.directory=" + storage.resolve("mirror"),
                "--triage.audit.archiver.signing.key-file=" + storage.resolve("keys/archiver.properties"));
    }

    /** What the service wrote before V3: v1 hashes, the chain head, and one checkpoint signed with the local key. */
    List<UUID> writeUnkeyedLog(TestDatabase database, int events) throws Exception {
        Instant now = CanonicalForm.truncate(Instant.now());
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<UUID> ids = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        byte[] prev = CanonicalForm.GENESIS;
        try (Connection connection = database.connect();
                PreparedStatement row = connection.prepareStatement("""
                        INSERT INTO audit.audit_log (seq, event_id, recorded_at, occurred_at, ticket_ref, model_version,
                            routing_method, department, confidence, tier_latencies, prev_hash, hash)
                        VALUES (?, ?, ?, ?, ?, 'm1', 'ML', 'billing', 0.9, '', ?, ?)""");
                PreparedStatement id = connection.prepareStatement(
                        "INSERT INTO audit.audit_event_ids (event_id, seq, recorded_at) VALUES (?, ?, ?)")) {
            for (long seq = 1; seq <= events; seq++) {
                UUID eventId = UUID.randomUUID();
                AuditEvent event = new AuditEvent(seq, eventId, now, now, "ref-" + seq, null, null, null, null, null,
                        "m1", null, RoutingMethod.ML, new Prediction("billing", null, null), new BigDecimal("0.9"),
                        null, null, null, Map.of(), null, HEX.formatHex(prev), "");
                byte[] hash = CanonicalForm.hash(prev, event);
                row.setLong(1, seq);
                row.setObject(2, eventId);
                row.setObject(3, at);
                row.setObject(4, at);
                row.setString(5, "ref-" + seq);
                row.setBytes(6, prev);
                row.setBytes(7, hash);
                row.executeUpdate();
                id.setObject(1, eventId);
                id.setLong(2, seq);
                id.setObject(3, at);
                id.executeUpdate();
                ids.add(eventId);
                hashes.add(hash);
                prev = hash;
            }
            try (PreparedStatement head = connection.prepareStatement(
                    "UPDATE audit.chain_head SET seq = ?, hash = ?, recorded_at = ?")) {
                head.setLong(1, events);
                head.setBytes(2, prev);
                head.setObject(3, at);
                head.executeUpdate();
            }
            insertCheckpoint(connection, events, hashes, now);
        }
        return ids;
    }

    void insertCheckpoint(Connection connection, long to, List<byte[]> hashes, Instant createdAt) throws Exception {
        String keyId = "local-dev-NOT-FOR-PRODUCTION";
        Checkpoint unsigned = new Checkpoint(0, 1, to, HEX.formatHex(MerkleTree.root(hashes)),
                HEX.formatHex(hashes.getLast()), createdAt, keyId, "");
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(AuditProperties.LOCAL_SIGNING_PRIVATE_KEY))));
        ed25519.update(unsigned.statement().getBytes(StandardCharsets.UTF_8));
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO audit.checkpoints (from_seq, to_seq, root, last_hash, created_at, key_id, signature)
                VALUES (1, ?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, to);
            insert.setBytes(2, MerkleTree.root(hashes));
            insert.setBytes(3, hashes.getLast());
            insert.setObject(4, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
            insert.setString(5, keyId);
            insert.setBytes(6, ed25519.sign());
            insert.executeUpdate();
        }
    }
}
