package io.triage.gdpr.certificate;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.gdpr.certificate.verifier.CanonicalJson;
import io.triage.gdpr.certificate.verifier.CertificateVerifier;
import io.triage.gdpr.erasure.ErasureCompleted;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues the certificate of erasure of a completed request, once, in the transaction that completes it: a signed
 * statement of who was erased (the keyed customer hash only), when it was asked, due and done, and what each store
 * reported (counts only). Certificates of requests completed before this existed are issued by
 * {@link #issueMissing()}.
 */
@Service
public class Certificates {

    private static final Logger log = LoggerFactory.getLogger(Certificates.class);
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final SigningKeys keys;
    private final JsonMapper json;
    private final Counter issued;

    Certificates(JdbcClient jdbc, SigningKeys keys, JsonMapper json, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.json = json;
        this.issued = Counter.builder("gdpr_certificates_issued")
                .description("certificates of erasure issued for completed requests").register(meters);
    }

    @EventListener
    void onCompleted(ErasureCompleted event) {
        issue(event.requestId());
    }

    /** Issues the request's certificate unless it has one or is not complete; idempotent. */
    @Transactional
    public void issue(UUID requestId) {
        Optional<Map<String, @Nullable Object>> statement = statement(requestId);
        if (statement.isEmpty()) {
            return;
        }
        CertificateKey key = keys.current();
        statement.get().put("keyId", key.id());
        String canonical = CanonicalJson.write(statement.get());
        String signature = Base64.getEncoder().encodeToString(key.sign(canonical.getBytes(StandardCharsets.UTF_8)));
        int inserted = jdbc.sql("""
                INSERT INTO certificates (request_id, key_id, statement, signature, issued_at)
                VALUES (:id, :key, :statement, :signature, CAST(:issuedAt AS timestamptz))
                ON CONFLICT (request_id) DO NOTHING
                """).param("id", requestId).param("key", key.id()).param("statement", canonical)
                .param("signature", signature).param("issuedAt", statement.get().get("issuedAt")).update();
        if (inserted > 0) {
            afterCommit(issued::increment);
        }
    }

    /**
     * The certificate as served and verified: {@code {"algorithm","keyId","signature","statement"}}, the statement
     * exactly as signed. Empty while the request is open, or for an unknown one.
     */
    public Optional<String> find(UUID requestId) {
        return jdbc.sql("SELECT key_id, statement, signature FROM certificates WHERE request_id = :id")
                .param("id", requestId)
                .query((rs, n) -> "{\"algorithm\":" + CanonicalJson.write(CertificateVerifier.ALGORITHM)
                        + ",\"keyId\":" + CanonicalJson.write(rs.getString(1))
                        + ",\"signature\":" + CanonicalJson.write(rs.getString(3))
                        + ",\"statement\":" + rs.getString(2) + "}")
                .optional();
    }

    /** Completed requests without a certificate (completed before certificates existed, or a lost listener). */
    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${triage.gdpr.certificate.backfill-interval:PT10M}")
    @SchedulerLock(name = "gdpr-certificate-backfill")
    public void issueMissing() {
        List<UUID> missing = jdbc.sql("""
                SELECT r.id FROM deletion_requests r LEFT JOIN certificates c ON c.request_id = r.id
                 WHERE r.status = 'COMPLETED' AND c.request_id IS NULL LIMIT 1000
                """).query((rs, n) -> rs.getObject(1, UUID.class)).list();
        missing.forEach(this::issue);
        if (!missing.isEmpty()) {
            log.info("Issued {} missing certificates of erasure", missing.size());
        }
    }

    private Optional<Map<String, @Nullable Object>> statement(UUID requestId) {
        List<Map<String, @Nullable Object>> receipts = jdbc.sql("""
                SELECT store, deleted_records, received_at, CAST(details AS text) AS details
                  FROM deletion_receipts WHERE request_id = :id AND state = 'DONE' ORDER BY store
                """).param("id", requestId).query((rs, n) -> receipt(rs)).list();
        return jdbc.sql("""
                SELECT r.customer_hash, r.created_at, r.due_at, r.completed_at, now() AS issued_at
                  FROM deletion_requests r
                 WHERE r.id = :id AND r.status = 'COMPLETED'
                   AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.request_id = r.id)
                """).param("id", requestId).query((rs, n) -> {
                    Map<String, @Nullable Object> statement = new LinkedHashMap<>();
                    statement.put("type", CertificateVerifier.TYPE);
                    statement.put("version", 1);
                    statement.put("requestId", requestId.toString());
                    statement.put("customerHash", rs.getString("customer_hash"));
                    statement.put("customerHashAlgorithm", "HMAC-SHA256");
                    statement.put("requestedAt", text(rs.getTimestamp("created_at")));
                    statement.put("dueAt", text(rs.getTimestamp("due_at")));
                    statement.put("completedAt", text(rs.getTimestamp("completed_at")));
                    statement.put("issuedAt", text(rs.getTimestamp("issued_at")));
                    statement.put("receipts", receipts);
                    return statement;
                }).optional();
    }

    /** A store's receipt: counts only. Whatever else a store put in its details stays out of the certificate. */
    private Map<String, @Nullable Object> receipt(ResultSet rs) throws SQLException {
        Map<String, Object> counts = new TreeMap<>();
        String details = rs.getString("details");
        if (details != null) {
            json.readValue(details, DETAILS).forEach((name, value) -> {
                if (value instanceof Integer || value instanceof Long) {
                    counts.put(name, ((Number) value).longValue());
                }
            });
        }
        Map<String, @Nullable Object> receipt = new LinkedHashMap<>();
        receipt.put("store", rs.getString("store"));
        long deleted = rs.getLong("deleted_records");
        receipt.put("deletedRecords", rs.wasNull() ? null : deleted);
        receipt.put("receivedAt", text(rs.getTimestamp("received_at")));
        receipt.put("details", counts);
        return receipt;
    }

    private static @Nullable String text(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().toString();
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
