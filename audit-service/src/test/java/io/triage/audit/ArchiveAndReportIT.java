package io.triage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.PlatformContract;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Monthly report, archive and retention, driven by a clock the test moves: events are recorded in past months,
 * which then age past the archive threshold (13 months) and the retention period (7 years).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedBackingServices
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArchiveAndReportIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2023-06-10T12:00:00Z"));

    @TempDir
    static Path storage;

    static Path archiveDirectory() {
        return storage.resolve("archive");
    }

    @TestConfiguration
    static class ClockConfiguration {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void archiveDirectory(DynamicPropertyRegistry registry) {
        LocalStorage.in(storage, registry);
        // the test's directory stands in for durable storage, so months are detached (NonDurableArchiveIT: kept)
        registry.add("triage.audit.archive.local.durable", () -> "true");
        registry.add("triage.audit.report.min-group-size", () -> "5");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    void record(String event) {
        HttpResponse<String> response = http().post("/audit/events", ApiKeys.CLASSIFY_SERVICE, event);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    void feedback(UUID decision, String correctDepartment) {
        String body = "{\"feedbackId\":\"%s\",\"decisionEventId\":\"%s\",\"correctDepartment\":\"%s\"}"
                .formatted(UUID.randomUUID(), decision, correctDepartment);
        assertThat(http().post("/audit/feedback", ApiKeys.CLASSIFY_SERVICE, body).statusCode()).isEqualTo(201);
    }

    JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return AuditServiceIT.JSON.readTree(response.body());
    }

    JsonNode archived(String month) {
        for (JsonNode entry : json(http().get("/audit/archive", ApiKeys.COMPLIANCE)).get("months")) {
            if (entry.get("month").asString().equals(month)) {
                return entry;
            }
        }
        throw new AssertionError(month + " is not listed as archived");
    }

    @Test
    @Order(1)
    void monthlyReportShowsVolumesAccuracyAndFlagsABiasedChannel() {
        // email: 10 decisions, all correct; chat: 10 decisions, 4 correct, 2 abstentions.
        for (int i = 0; i < 10; i++) {
            UUID id = UUID.randomUUID();
            record(Decisions.event(id, "T-mail-" + i, i < 3 ? "RULES" : "ML", "billing", "0.9", "email", "en",
                    "retail"));
            feedback(id, "billing");
        }
        for (int i = 0; i < 10; i++) {
            UUID id = UUID.randomUUID();
            boolean abstain = i >= 8;
            record(Decisions.event(id, "T-chat-" + i, abstain ? "NEEDS_REVIEW" : "ML", abstain ? null : "billing",
                    abstain ? "0.4" : "0.8", "chat", "en", "retail"));
            if (!abstain) {
                feedback(id, i < 4 ? "billing" : "fraud");
            }
        }
        JsonNode report = json(http().get("/audit/reports/monthly?month=2023-06", ApiKeys.COMPLIANCE));

        assertThat(report.get("decisions").asLong()).isEqualTo(20);
        assertThat(report.get("abstentionRate").asDouble()).isEqualTo(0.1);
        assertThat(report.get("accuracy").asDouble()).isEqualTo(14.0 / 18);
        assertThat(JsonBody.json(report.toString())).extractingPath("$.byRoutingMethod[?(@.group == 'RULES')].decisions")
                .asArray().containsExactly(3);
        JsonNode channel = report.get("biasChecks").get(0);
        assertThat(channel.get("attribute").asString()).isEqualTo("channel");
        assertThat(channel.get("flagged").asBoolean()).isTrue();
        assertThat(channel.get("accuracyGap").asDouble()).isEqualTo(0.5);
        assertThat(report.get("biasChecks").get(1).get("flagged").asBoolean()).as("one language only").isFalse();
    }

    @Test
    @Order(2)
    void monthlyReportRendersAsCsvAndHtmlAndNeedsTheComplianceRole() {
        HttpResponse<String> csv = http().get("/audit/reports/monthly?month=2023-06&format=csv", ApiKeys.COMPLIANCE);
        HttpResponse<String> html = http().get("/audit/reports/monthly?month=2023-06&format=html",
                ApiKeys.COMPLIANCE);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("section,group,").contains("bias:channel,\"chat\",10,");
        assertThat(html.body()).contains("<h1>Compliance report 2023-06</h1>", "FLAGGED");
        PlatformContract.assertProblem(http().get("/audit/reports/monthly?month=2023-06", ApiKeys.OPS), 403);
        PlatformContract.assertProblem(http().get("/audit/reports/monthly?month=June", ApiKeys.COMPLIANCE), 400);
    }

    @Test
    @Order(3)
    void oldMonthsAreArchivedVerifiedAndDetachedAndTheChainStillVerifies() throws Exception {
        CLOCK.set(Instant.parse("2024-01-20T08:00:00Z"));
        for (int i = 0; i < 5; i++) {
            record(Decisions.event(UUID.randomUUID(), "T-jan-" + i));
        }
        CLOCK.set(Instant.parse("2025-03-02T00:00:00Z"));
        record(Decisions.event(UUID.randomUUID(), "T-mar-2025"));
        // one periodic checkpoint over every month: archived rows leave it, the live one stays
        assertThat(http().post("/audit/checkpoints", ApiKeys.OPS, "").statusCode()).isEqualTo(201);

        JsonNode run = json(http().post("/audit/archive/run", ApiKeys.OPS, ""));

        assertThat(run.get("archived").toString()).contains("2023-06", "2024-01").doesNotContain("2025-03");
        assertThat(jdbc.sql("SELECT to_regclass('audit_log_2024_01') IS NULL").query(Boolean.class).single()).isTrue();
        JsonNode january = archived("2024-01");
        assertThat(january.get("month").asString()).isEqualTo("2024-01");
        assertThat(january.get("events").asLong()).isEqualTo(5);
        assertThat(january.get("verifiedAt").isNull()).isFalse();
        assertThat(january.get("manifestKeyId").asString()).startsWith("local-generated-");
        Path data = archiveDirectory().resolve("audit-2024-01.jsonl.gz");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(data))))
                .isEqualTo(january.get("dataSha256").asString());
        JsonNode manifest = AuditServiceIT.JSON.readTree(
                Files.readString(archiveDirectory().resolve("audit-2024-01.manifest.json")));
        assertThat(manifest.get("signedStatement").asString()).startsWith("triage-audit-archive/v2\n")
                .contains("month=2024-01\n", "from=21\n", "to=25\n", "events=5\n",
                        "dataSha256=" + january.get("dataSha256").asString());
        assertThat(manifest.get("checkpointStatement").asString()).contains("triage-audit-checkpoint/v1",
                "from=21\n", "to=25\n");
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(manifest.get("publicKey").asString()))));
        ed25519.update(manifest.get("signedStatement").asString().getBytes(StandardCharsets.UTF_8));
        assertThat(ed25519.verify(Base64.getDecoder().decode(manifest.get("signature").asString()))).isTrue();
        assertThat(jdbc.sql("SELECT verified_at IS NOT NULL AND manifest_signature IS NOT NULL AND NOT legacy "
                + "FROM archives WHERE month = '2024-01'").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT to_regclass('audit_log_2025_03') IS NOT NULL").query(Boolean.class).single())
                .as("the current month is never detached").isTrue();
        JsonNode verify = json(http().get("/audit/verify", ApiKeys.COMPLIANCE));
        assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.get("from").asLong()).isEqualTo(26);
    }

    @Test
    @Order(4)
    void archivesPastRetentionAreDeletedWithASignedNote() throws IOException {
        CLOCK.set(Instant.parse("2031-03-02T00:00:00Z"));
        JsonNode run = json(http().post("/audit/archive/run", ApiKeys.OPS, ""));

        assertThat(run.get("deleted").toString()).contains("2023-06", "2024-01").doesNotContain("2025-03");
        assertThat(Files.exists(archiveDirectory().resolve("audit-2024-01.jsonl.gz"))).isFalse();
        JsonNode january = archived("2024-01");
        assertThat(january.get("filesPresent").asBoolean()).isFalse();
        assertThat(january.get("retentionNote").asString()).contains("month=2024-01", "retention=P7Y");
        assertThat(january.get("retentionSignature").asString()).isNotBlank();
    }
}
