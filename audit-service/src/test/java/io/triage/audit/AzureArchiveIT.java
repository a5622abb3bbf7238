package io.triage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import io.triage.audit.blob.Azurite;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
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
 * The service with {@code store=azure} for both the archive and the checkpoint mirror, against Azurite: an old month
 * is archived into the container, verified, detached, and the chain still verifies; every checkpoint has its blob,
 * against which a checkpoint rewritten in the database is caught.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedBackingServices
@ExtendWith(Azurite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AzureArchiveIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-01-20T08:00:00Z"));
    static final String ARCHIVE = Azurite.newContainerName("archive");
    static final String CHECKPOINTS = Azurite.newContainerName("checkpoints");

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
    static void azure(DynamicPropertyRegistry registry) {
        LocalStorage.in(storage, registry);
        registry.add("triage.audit.archive.store", () -> "azure");
        registry.add("triage.audit.checkpoint-mirror.store", () -> "azure");
        registry.add("triage.audit.azure.connection-string", Azurite::connectionString);
        registry.add("triage.audit.azure.archive-container", () -> ARCHIVE);
        registry.add("triage.audit.azure.checkpoint-container", () -> CHECKPOINTS);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return AuditServiceIT.JSON.readTree(response.body());
    }

    void record(String ticketId) {
        json(ServiceHttp.onPort(port).post("/audit/events", ApiKeys.CLASSIFY_SERVICE,
                Decisions.event(UUID.randomUUID(), ticketId)));
    }

    static List<String> blobs(String container) {
        return Azurite.container(container).listBlobs().stream().map(BlobItem::getName).toList();
    }

    @Test
    @Order(1)
    void anOldMonthIsArchivedToBlobStorageAndDetachedAndCheckpointsAreMirroredAsBlobs() throws Exception {
        ServiceHttp http = ServiceHttp.onPort(port);
        for (int i = 0; i < 4; i++) {
            record("T-jan-" + i);
        }
        CLOCK.set(Instant.parse("2025-03-02T00:00:00Z"));
        record("T-mar-2025");
        json(http.post("/audit/checkpoints", ApiKeys.OPS, ""));

        JsonNode run = json(http.post("/audit/archive/run", ApiKeys.OPS, ""));

        assertThat(run.get("archived").toString()).contains("2024-01");
        assertThat(run.get("kept").isEmpty()).isTrue();
        assertThat(jdbc.sql("SELECT to_regclass('audit_log_2024_01') IS NULL").query(Boolean.class).single()).isTrue();
        assertThat(blobs(ARCHIVE)).contains("audit-2024-01.jsonl.gz", "audit-2024-01.manifest.json");
        JsonNode listing = json(http.get("/audit/archive", ApiKeys.COMPLIANCE));
        assertThat(listing.get("location").asString()).endsWith("/devstoreaccount1/" + ARCHIVE);
        assertThat(listing.get("durable").asBoolean()).isTrue();
        assertThat(listing.get("findings").isEmpty()).isTrue();
        JsonNode january = listing.get("months").get(0);
        assertThat(january.get("month").asString()).isEqualTo("2024-01");
        assertThat(january.get("filesPresent").asBoolean()).isTrue();
        BlobContainerClient container = Azurite.container(ARCHIVE);
        byte[] data = container.getBlobClient("audit-2024-01.jsonl.gz").downloadContent().toBytes();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)))
                .isEqualTo(january.get("dataSha256").asString());
        JsonNode verify = json(http.get("/audit/verify", ApiKeys.COMPLIANCE));
        assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
        List<Long> checkpointIds = jdbc.sql("SELECT id FROM checkpoints ORDER BY id").query(Long.class).list();
        assertThat(checkpointIds).hasSizeGreaterThanOrEqualTo(2);
        assertThat(blobs(CHECKPOINTS)).containsExactlyElementsOf(
                checkpointIds.stream().map("checkpoint-%019d.json"::formatted).toList());
    }

    @Test
    @Order(2)
    void aCheckpointRewrittenInTheDatabaseByASuperuserDisagreesWithItsBlob() throws SQLException {
        ServiceHttp http = ServiceHttp.onPort(port);
        record("T-mar-2025-b");
        long checkpoint = json(http.post("/audit/checkpoints", ApiKeys.OPS, "")).get("id").asLong();
        String url = environment.getRequiredProperty("spring.datasource.url");
        try (Connection superuser = DriverManager.getConnection(url,
                environment.getProperty("spring.flyway.user", "postgres"),
                environment.getProperty("spring.flyway.password", ""));
                Statement statement = superuser.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute("UPDATE audit.checkpoints SET root = sha256(root) WHERE id = " + checkpoint);
        }

        JsonNode verify = json(http.get("/audit/verify", ApiKeys.COMPLIANCE));

        assertThat(verify.get("valid").asBoolean()).isFalse();
        assertThat(verify.get("findings").toString()).contains("MIRROR_MISMATCH",
                "checkpoint " + checkpoint + " (positions");
    }
}
