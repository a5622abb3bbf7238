package io.triage.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.jayway.jsonpath.JsonPath;
import io.triage.gdpr.certificate.Certificates;
import io.triage.gdpr.certificate.verifier.CertificateVerifier;
import io.triage.gdpr.erasure.CustomerHash;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubFailure;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The certificate of erasure of a completed request, the four stores stood in as in {@link ErasureSagaIT}; the
 * classify stand-in also puts ticket text and ids in its details, which must not reach the certificate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.gdpr.redeliver-after=1s",
        "triage.gdpr.redelivery-interval=PT1S",
        "triage.platform.resilience.open-state-wait=1s",
        "triage.platform.resilience.initial-backoff=20ms"})
@IsolatedBackingServices
class CertificateIT {

    static final StoreStandIns stores = new StoreStandIns();
    static final StubServer ingestion = stores.ingestion;
    static final StubServer embedding = stores.embedding;
    static final StubServer classify = stores.classify;
    static final StubServer audit = stores.audit;
    static final Map<String, List<String>> tickets = new ConcurrentHashMap<>();
    static final String TICKET_TEXT = "My card 4111 was charged twice, call me on 0612345678";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerHash hash;

    @Autowired
    Certificates certificates;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        stores.register(registry);
    }

    @BeforeAll
    static void contracts() {
        ingestion.on("POST", "/internal/erasures", request -> {
            String id = JsonPath.read(request.bodyText(), "$.requestId");
            List<String> erased = tickets.computeIfAbsent(id,
                    k -> List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()));
            return StubReply.json("""
                    {"requestId":"%s","store":"ingestion","deletedRecords":2,"replayed":false,"ticketIds":["%s"]}"""
                    .formatted(id, String.join("\",\"", erased)));
        });
        embedding.on("DELETE", "/vectors", request -> StubReply.json("""
                {"customerId":"%s","deletedFromPostgres":2,"deletedFromIndex":2,"deletedFromInactiveIndexes":0,"blankedBackfillLines":0}"""
                .formatted(request.query("customerId"))));
        classify.on("POST", "/internal/erasures", request -> {
            String id = JsonPath.read(request.bodyText(), "$.requestId");
            List<String> ids = JsonPath.read(request.bodyText(), "$.ticketIds");
            return StubReply.json("""
                    {"requestId":"%s","store":"classify","deletedRecords":3,"replayed":false,
                     "details":{"decisions":2,"feedback":1,"lastTicket":"%s","lastText":"%s","customerId":"%s"}}"""
                    .formatted(id, ids.isEmpty() ? "" : ids.getFirst(), TICKET_TEXT,
                            JsonPath.read(request.bodyText(), "$.customerId")));
        });
        audit.on("POST", "/audit/anonymise", request -> StubReply.json(
                "{\"requestId\":\"%s\",\"tickets\":2,\"eventsCleared\":5}"
                        .formatted((String) JsonPath.read(request.bodyText(), "$.requestId"))));
    }

    @AfterEach
    void heal() {
        stores.heal();
    }

    @AfterAll
    static void stop() {
        stores.close();
    }

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    String requestErasure(String customerId) {
        return StoreStandIns.requestErasure(port, customerId);
    }

    String awaitCompleted(String id) {
        return StoreStandIns.awaitCompleted(port, id);
    }

    HttpResponse<String> certificate(String id) {
        return http().get("/gdpr/requests/" + id + "/certificate", ApiKeys.COMPLIANCE);
    }

    String keys() {
        HttpResponse<String> response = http().get("/gdpr/certificate-keys", ApiKeys.ANALYST);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    String certifiedErasure(String customerId) {
        String id = requestErasure(customerId);
        awaitCompleted(id);
        HttpResponse<String> response = certificate(id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aCompletedRequestsCertificateVerifiesWithThePublishedKey() {
        String id = requestErasure("CUST-cert-1");
        String done = awaitCompleted(id);
        String certificate = certificate(id).body();

        CertificateVerifier.Result result = CertificateVerifier.verify(certificate, keys());

        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat((String) JsonPath.read(certificate, "$.statement.requestId")).isEqualTo(id);
        assertThat((String) JsonPath.read(certificate, "$.statement.customerHash")).isEqualTo(hash.of("CUST-cert-1"));
        assertThat((String) JsonPath.read(certificate, "$.statement.completedAt")).isNotNull();
        assertThat((String) JsonPath.read(certificate, "$.statement.dueAt"))
                .isEqualTo(JsonPath.read(done, "$.dueAt"));
        assertThat((List<String>) JsonPath.read(certificate, "$.statement.receipts[*].store"))
                .containsExactly("audit", "classify", "embedding", "ingestion");
        assertThat((List<Integer>) JsonPath.read(certificate, "$.statement.receipts[?(@.store=='embedding')]"
                + ".deletedRecords")).containsExactly(4);
        assertThat((String) JsonPath.read(certificate, "$.keyId"))
                .isEqualTo(JsonPath.read(keys(), "$.keys[0].keyId"));
    }

    @Test
    void anyChangedByteMakesItFail() {
        String certificate = certifiedErasure("CUST-cert-bytes");
        String keys = keys();
        byte[] bytes = certificate.getBytes(StandardCharsets.UTF_8);

        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 1;
            CertificateVerifier.Result result = CertificateVerifier.verify(
                    new String(changed, StandardCharsets.UTF_8), keys);
            assertThat(result.valid()).as("byte %d of %s changed", i, certificate).isFalse();
        }
        assertThat(CertificateVerifier.verify(certificate, keys).valid()).isTrue();
    }

    @Test
    void itHoldsNoCustomerIdTicketIdOrText() {
        String customer = "CUST-cert-plain-8817";
        String id = requestErasure(customer);
        awaitCompleted(id);
        String certificate = certificate(id).body();

        assertThat(tickets.get(id)).hasSize(2);
        assertThat(certificate).doesNotContain(customer).doesNotContain(TICKET_TEXT).doesNotContain("4111");
        tickets.get(id).forEach(ticket -> assertThat(certificate).doesNotContain(ticket));
        List<Map<String, Object>> classifyDetails = JsonPath.read(certificate,
                "$.statement.receipts[?(@.store=='classify')].details");
        assertThat(classifyDetails.getFirst()).containsOnlyKeys("decisions", "feedback");
    }

    @Test
    void thereIsNoCertificateWhileTheRequestIsOpenOrUnknown() {
        classify.fail("/internal/erasures", StubFailure.status(503));
        String id = requestErasure("CUST-cert-open");
        await().atMost(Duration.ofMinutes(1)).until(() -> http().get("/gdpr/requests/" + id, ApiKeys.COMPLIANCE)
                .body().contains("\"lastError\":\"HTTP 503"));

        HttpResponse<String> open = certificate(id);
        HttpResponse<String> unknown = certificate(UUID.randomUUID().toString());

        assertThat(open.statusCode()).isEqualTo(404);
        assertThat(open.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        classify.heal();
        awaitCompleted(id);
        assertThat(certificate(id).statusCode()).isEqualTo(200);
    }

    @Test
    void aCertificateIsIssuedOnceCountedAndMissingOnesAreIssuedLater() {
        double before = issuedCount();
        String id = requestErasure("CUST-cert-once");
        awaitCompleted(id);
        String first = certificate(id).body();
        await().atMost(Duration.ofSeconds(10)).until(() -> issuedCount() == before + 1);

        certificates.issue(UUID.fromString(id));
        assertThat(certificate(id).body()).as("idempotent").isEqualTo(first);

        jdbc.sql("DELETE FROM certificates WHERE request_id = CAST(:id AS uuid)").param("id", id).update();
        certificates.issueMissing();
        String reissued = certificate(id).body();
        assertThat(CertificateVerifier.verify(reissued, keys()).valid()).isTrue();
        assertThat(issuedCount()).isEqualTo(before + 2);
    }

    @Test
    void theStandaloneVerifierChecksItFromTheCommandLine(@TempDir Path dir)
            throws IOException, InterruptedException {
        String certificate = certifiedErasure("CUST-cert-cli");
        Path certificateFile = Files.writeString(dir.resolve("certificate.json"), certificate);
        Path keysFile = Files.writeString(dir.resolve("keys.json"), keys());
        Path tampered = Files.writeString(dir.resolve("tampered.json"),
                certificate.replace("\"deletedRecords\":4", "\"deletedRecords\":0"));

        assertThat(verifierExit(certificateFile, keysFile)).isZero();
        assertThat(verifierExit(tampered, keysFile)).isEqualTo(1);
    }

    int verifierExit(Path certificate, Path keys) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "src/main/java/io/triage/gdpr/certificate/verifier/CertificateVerifier.java",
                certificate.toString(), keys.toString()).inheritIO().start();
        return process.waitFor();
    }

    double issuedCount() {
        return http().get("/actuator/prometheus", ApiKeys.OPS).body().lines()
                .filter(line -> line.startsWith("gdpr_certificates_issued_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}
