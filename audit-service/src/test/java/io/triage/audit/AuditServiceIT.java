package io.triage.audit;

import static io.triage.testsupport.JsonBody.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.triage.audit.checkpoint.MerkleTree;
import io.triage.audit.config.AuditProperties;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedBackingServices
class AuditServiceIT implements PlatformContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

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

    @Override
    public ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    @Override
    public String jsonEndpoint() {
        return "/audit/events";
    }

    @Override
    public String jsonEndpointKey() {
        return ApiKeys.CLASSIFY_SERVICE;
    }

    long rows() {
        return jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
    }

    JsonNode post(String body) {
        HttpResponse<String> response = http().post("/audit/events", ApiKeys.CLASSIFY_SERVICE, body);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return JSON.readTree(response.body());
    }

    JsonNode verify() {
        HttpResponse<String> response = http().get("/audit/verify", ApiKeys.COMPLIANCE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void eventIsRecordedWithPseudonymAndChainHash() {
        JsonNode event = post(Decisions.event(UUID.randomUUID(), "T-100"));
        assertThat(event.get("seq").asLong()).isPositive();
        assertThat(event.get("hash").asString()).hasSize(64);
        assertThat(event.get("ticketRef").asString()).hasSize(64).isNotEqualTo("T-100");
        assertThat(event.get("decidedAt").asString()).isEqualTo("2026-11-25T10:15:30.123456Z");
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    /** Postgres text cannot hold U+0000: the insert failed with 500 (fuzz pass, issue 19). */
    @Test
    void aNulCharacterInFeedbackIs400NamingTheFieldAndWritesNothing() {
        long before = jdbc.sql("SELECT count(*) FROM decision_feedback").query(Long.class).single();

        HttpResponse<String> response = http().post("/audit/feedback", ApiKeys.CLASSIFIER, """
                {"feedbackId":"%s","decisionEventId":"%s","correctDepartment":"bil\\u0000ling"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID()));

        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "correctDepartment");
        assertThat(jdbc.sql("SELECT count(*) FROM decision_feedback").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void duplicateEventIdReturnsTheOriginalAndWritesNothing() {
        UUID id = UUID.randomUUID();
        HttpResponse<String> first = http().post("/audit/events", ApiKeys.CLASSIFY_SERVICE, Decisions.event(id, "T-dup"));
        long before = rows();
        HttpResponse<String> again = http().post("/audit/events", ApiKeys.CLASSIFY_SERVICE,
                Decisions.event(id, "T-other"));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("hash")).isEqualTo(JSON.readTree(first.body()).get("hash"));
        assertThat(JSON.readTree(again.body()).get("ticketId").asString()).isEqualTo("T-dup");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void batchIsAppendedInOrderAndRedeliveryAppendsNothing() {
        String batch = Decisions.batch(50, "T-batch-");
        JsonNode receipt = post(batch);
        long before = rows();
        JsonNode replay = post(batch);
        assertThat(receipt.get("appended").asInt()).isEqualTo(50);
        assertThat(replay.get("duplicates").asInt()).isEqualTo(50);
        assertThat(rows()).isEqualTo(before);
        long firstSeq = receipt.get("events").get(0).get("seq").asLong();
        assertThat(receipt.get("events").get(49).get("seq").asLong()).isEqualTo(firstSeq + 49);
    }

    @Test
    void missingFieldIs400NamingItAndWritesNothing() {
        long before = rows();
        String body = Decisions.event(UUID.randomUUID(), "T-bad").replace("\"modelVersion\":\"m-2026.11.1\",", "");
        HttpResponse<String> response = http().post("/audit/events", ApiKeys.CLASSIFY_SERVICE, body);
        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "modelVersion");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void confidenceOutsideZeroToOneIs400() {
        String body = Decisions.event(UUID.randomUUID(), "T-c", "ML", "billing", "1.2", "email", "en", "retail");
        HttpResponse<String> response = http().post("/audit/events", ApiKeys.CLASSIFY_SERVICE, body);
        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "confidence");
    }

    @Test
    void unknownRoutingMethodIs400() {
        String body = Decisions.event(UUID.randomUUID(), "T-r", "ORACLE", "billing", "0.5", "email", "en", "retail");
        HttpResponse<String> response = http().post("/audit/events", ApiKeys.CLASSIFY_SERVICE, body);
        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "routingMethod");
    }

    @Test
    void oneBadEventRejectsTheWholeBatch() {
        long before = rows();
        String bad = Decisions.event(UUID.randomUUID(), "T-x", "ML", "billing", "-0.1", "email", "en", "retail");
        String batch = "[" + Decisions.event(UUID.randomUUID(), "T-ok") + "," + bad + "]";
        HttpResponse<String> response = http().post("/audit/events", ApiKeys.CLASSIFY_SERVICE, batch);
        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "[1].confidence");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void oversizedBatchIs413() {
        HttpResponse<String> response = http().post("/audit/events", ApiKeys.CLASSIFY_SERVICE,
                Decisions.batch(1001, "T-big-"));
        PlatformContract.assertProblem(response, 413);
        PlatformContract.assertNamesField(response, "events");
    }

    @Test
    void onlyClassifyServiceRecordsEventsAndFeedback() {
        long before = rows();
        // Not the key a ServiceNow instance holds (issue 19, finding 2), nor another service's or a person's.
        for (String caller : new String[] {ApiKeys.CLASSIFIER, ApiKeys.COMPLIANCE, ApiKeys.INGESTION_SERVICE}) {
            PlatformContract.assertProblem(http().post("/audit/events", caller,
                    Decisions.event(UUID.randomUUID(), "T-role")), 403);
            PlatformContract.assertProblem(http().post("/audit/feedback", caller, """
                    {"feedbackId":"%s","decisionEventId":"%s","correctDepartment":"Billing"}""".formatted(UUID.randomUUID(),
                    UUID.randomUUID())), 403);
        }
        assertThat(rows()).as("refused appends change nothing").isEqualTo(before);
    }

    @Test
    void onlyGdprServiceAnonymises() {
        JsonNode event = post(Decisions.event(UUID.randomUUID(), "T-anon-role"));
        String erasure = "{\"requestId\":\"%s\",\"ticketIds\":[\"T-anon-role\"]}".formatted(UUID.randomUUID());
        PlatformContract.assertProblem(http().post("/audit/anonymise", ApiKeys.CLASSIFIER, erasure), 403);
        PlatformContract.assertProblem(http().post("/audit/anonymise", ApiKeys.COMPLIANCE, erasure), 403);
        JsonNode stored = JSON.readTree(http().get("/audit/events/" + event.get("eventId").asString(),
                ApiKeys.COMPLIANCE).body());
        assertThat(stored.get("ticketId").asString()).isEqualTo("T-anon-role");
    }

    @Test
    void concurrentWritersNeverForkTheChain() throws Exception {
        long before = rows();
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        try (ExecutorService writers = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 80; i++) {
                String body = i % 4 == 0 ? Decisions.batch(5, "T-conc-" + i + "-")
                        : Decisions.event(UUID.randomUUID(), "T-conc-" + i);
                results.add(writers.submit(() -> http().post("/audit/events", ApiKeys.CLASSIFY_SERVICE, body)));
            }
        }
        for (Future<HttpResponse<String>> result : results) {
            assertThat(result.get().statusCode()).isIn(200, 201);
        }
        assertThat(rows()).isEqualTo(before + 60 + 20 * 5);
        long distinctSeqs = jdbc.sql("SELECT count(DISTINCT seq) FROM audit_log").query(Long.class).single();
        long distinctPrev = jdbc.sql("SELECT count(DISTINCT prev_hash) FROM audit_log").query(Long.class).single();
        assertThat(distinctSeqs).isEqualTo(rows());
        assertThat(distinctPrev).as("no two events link to the same predecessor").isEqualTo(rows());
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void verificationWhileEventsArriveNeverReportsTampering() throws Exception {
        List<JsonNode> reports = new ArrayList<>();
        List<Future<HttpResponse<String>>> appended = new ArrayList<>();
        try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 200; i++) {
                String body = Decisions.event(UUID.randomUUID(), "T-live-" + i);
                appended.add(writers.submit(() -> http().post("/audit/events", ApiKeys.CLASSIFY_SERVICE, body)));
            }
            // Verify while the writers append: each report must describe one consistent moment of the chain.
            while (!appended.stream().allMatch(Future::isDone)) {
                reports.add(verify());
            }
        }
        assertThat(reports).as("verifications that overlapped appends").isNotEmpty()
                .allSatisfy(report -> assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue());
        for (Future<HttpResponse<String>> result : appended) {
            assertThat(result.get().statusCode()).isIn(200, 201);
        }
    }

    @Test
    void inclusionProofChecksOutWithTheDocumentedAlgorithm() throws Exception {
        post(Decisions.batch(7, "T-proof-"));
        UUID id = UUID.randomUUID();
        post(Decisions.event(id, "T-proven"));
        post(Decisions.batch(4, "T-after-"));

        HttpResponse<String> response = http().get("/audit/events/" + id + "/proof", ApiKeys.COMPLIANCE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode proof = JSON.readTree(response.body());
        HexFormat hex = HexFormat.of();

        // Step 1 needs the chain key (an auditor who holds it); steps 2 and 3 need no secret.
        assertThat(proof.get("scheme").asString()).isEqualTo("audit-event/v2");
        byte[] canonical = Base64.getDecoder().decode(proof.get("canonicalBytes").asString());
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(AuditProperties.LOCAL_CHAIN_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        hmac.update(hex.parseHex(proof.get("event").get("prevHash").asString()));
        byte[] eventHash = hmac.doFinal(canonical);
        assertThat(hex.formatHex(eventHash)).isEqualTo(proof.get("event").get("hash").asString());

        List<byte[]> path = new ArrayList<>();
        proof.get("auditPath").forEach(node -> path.add(hex.parseHex(node.asString())));
        JsonNode checkpoint = proof.get("checkpoint");
        assertThat(MerkleTree.verifyInclusion(eventHash, proof.get("leafIndex").asLong(),
                proof.get("treeSize").asLong(), path, hex.parseHex(checkpoint.get("root").asString()))).isTrue();

        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(proof.get("publicKey").asString()))));
        ed25519.update(proof.get("signedStatement").asString().getBytes(StandardCharsets.UTF_8));
        assertThat(ed25519.verify(Base64.getDecoder().decode(checkpoint.get("signature").asString()))).isTrue();
        assertThat(proof.get("signedStatement").asString()).contains("root=" + checkpoint.get("root").asString());
    }

    @Test
    void anonymisationClearsPlainIdsAndTheChainStillVerifies() {
        JsonNode event = post(Decisions.event(UUID.randomUUID(), "T-gdpr"));
        String erasure = "{\"requestId\":\"%s\",\"ticketIds\":[\"T-gdpr\"]}".formatted(UUID.randomUUID());

        HttpResponse<String> first = http().post("/audit/anonymise", ApiKeys.GDPR_SERVICE, erasure);
        HttpResponse<String> repeat = http().post("/audit/anonymise", ApiKeys.GDPR_SERVICE, erasure);

        assertThat(json(first)).extractingPath("$.eventsCleared").isEqualTo(1);
        assertThat(json(repeat)).extractingPath("$.eventsCleared").isEqualTo(0);
        JsonNode stored = JSON.readTree(http().get("/audit/events/" + event.get("eventId").asString(),
                ApiKeys.COMPLIANCE).body());
        assertThat(stored.get("ticketId").isNull()).isTrue();
        assertThat(stored.get("userId").isNull()).isTrue();
        assertThat(stored.get("onBehalfOf").isNull()).isTrue();
        assertThat(stored.get("userRef").asString()).isEqualTo(event.get("userRef").asString());
        assertThat(stored.get("ticketRef").asString()).isEqualTo(event.get("ticketRef").asString());
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void theUserIsTheAuthenticatedPrincipalAndAClaimedUserIsOnlyOnBehalfOf() {
        String claimsAnotherUser = Decisions.event(UUID.randomUUID(), "T-who").replace("\"userId\":\"agent-7\"",
                "\"userId\":\"local-admin\"");
        JsonNode legacy = post(claimsAnotherUser);
        JsonNode current = post(Decisions.event(UUID.randomUUID(), "T-who-2").replace("\"userId\"",
                "\"onBehalfOf\""));

        for (JsonNode event : List.of(legacy, current)) {
            assertThat(event.get("userId").asString()).isEqualTo("classify-service");
            assertThat(event.get("userRef").asString()).hasSize(64);
        }
        assertThat(legacy.get("onBehalfOf").asString()).isEqualTo("local-admin");
        assertThat(current.get("onBehalfOf").asString()).isEqualTo("agent-7");
        assertThat(current.get("onBehalfOfRef").asString()).hasSize(64).isNotEqualTo(current.get("userRef").asString());
        assertThat(jdbc.sql("SELECT user_id FROM audit_log WHERE event_id = ?::uuid")
                .param(legacy.get("eventId").asString()).query(String.class).single()).isEqualTo("classify-service");
    }
}
