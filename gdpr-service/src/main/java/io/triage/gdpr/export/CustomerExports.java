package io.triage.gdpr.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.gdpr.config.GdprProperties;
import io.triage.gdpr.erasure.CustomerHash;
import io.triage.platform.problem.ConflictException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export jobs in Postgres: recorded QUEUED, claimed by one runner (a claim token and time, so a runner that
 * stopped is replaced once the claim is stale), finished DONE with the encrypted document or FAILED. The plain
 * customer id is kept only until the job finishes.
 */
@Service
public class CustomerExports {

    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final CustomerHash hash;
    private final ExportCipher cipher;
    private final JsonMapper json;
    private final GdprProperties.Export settings;
    private final MeterRegistry meters;

    CustomerExports(JdbcClient jdbc, CustomerHash hash, ExportCipher cipher, JsonMapper json,
            GdprProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.hash = hash;
        this.cipher = cipher;
        this.json = json;
        this.settings = properties.export();
        this.meters = meters;
    }

    /** A job claimed by one runner: only the holder of {@code claim} may finish it. */
    record Claim(UUID exportId, UUID claim, String customerId, int attempts) {
    }

    @Transactional
    public CustomerExport request(String customerId, String requestedBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO exports (id, customer_id, customer_hash, requested_by, state, expires_at)
                VALUES (:id, :customer, :hash, :by, 'QUEUED', now() + :retention * interval '1 second')
                """).param("id", id).param("customer", customerId).param("hash", hash.of(customerId))
                .param("by", requestedBy).param("retention", settings.retention().toSeconds()).update();
        meters.counter("gdpr_exports_requested").increment();
        return find(id).orElseThrow();
    }

    public Optional<CustomerExport> find(UUID id) {
        return jdbc.sql("SELECT * FROM exports WHERE id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /**
     * The decrypted document of a DONE export; empty for an unknown (or expired) one.
     *
     * @throws ConflictException while the export is not DONE
     */
    public Optional<byte[]> data(UUID id) {
        return jdbc.sql("SELECT state, document FROM exports WHERE id = :id").param("id", id)
                .query((rs, n) -> {
                    byte[] document = rs.getBytes("document");
                    if (!"DONE".equals(rs.getString("state")) || document == null) {
                        throw new ConflictException("Export " + id + " is " + rs.getString("state")
                                + ": its data is served once it is DONE");
                    }
                    return document;
                }).optional().map(document -> cipher.decrypt(id, document));
    }

    /**
     * Claims the oldest due job: QUEUED and due, or RUNNING under a stale claim (its runner stopped). Rows locked by
     * another runner's claim are skipped, so every instance may poll.
     */
    @Transactional
    public Optional<Claim> claimNext() {
        failExhausted();
        UUID claim = UUID.randomUUID();
        return jdbc.sql("""
                UPDATE exports SET state = 'RUNNING', claim = :claim, claimed_at = now(), attempts = attempts + 1,
                       started_at = coalesce(started_at, now())
                 WHERE id = (SELECT id FROM exports
                              WHERE customer_id IS NOT NULL AND attempts < :max
                                AND ((state = 'QUEUED' AND run_after <= now())
                                  OR (state = 'RUNNING' AND claimed_at < now() - :stale * interval '1 second'))
                              ORDER BY run_after, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, customer_id, attempts
                """).param("claim", claim).param("max", settings.maxAttempts())
                .param("stale", settings.staleAfter().toSeconds())
                .query((rs, n) -> new Claim(rs.getObject("id", UUID.class), claim, rs.getString("customer_id"),
                        rs.getInt("attempts")))
                .optional();
    }

    /** Stores the document (encrypted) and forgets the customer id; nothing if the claim was lost meanwhile. */
    @Transactional
    public boolean complete(Claim claim, byte[] document, Map<String, Long> counts) {
        boolean done = jdbc.sql("""
                UPDATE exports SET state = 'DONE', document = :document, counts = CAST(:counts AS jsonb),
                       finished_at = now(), customer_id = NULL, claim = NULL, last_error = NULL,
                       expires_at = now() + :retention * interval '1 second'
                 WHERE id = :id AND claim = :claim AND state = 'RUNNING'
                """).param("document", cipher.encrypt(claim.exportId(), document))
                .param("counts", json.writeValueAsString(counts))
                .param("retention", settings.retention().toSeconds())
                .param("id", claim.exportId()).param("claim", claim.claim()).update() > 0;
        if (done) {
            meters.counter("gdpr_exports_completed").increment();
        }
        return done;
    }

    /** A failed run: queued again after the retry delay, or FAILED (customer id removed) on the last attempt. */
    @Transactional
    public void fail(Claim claim, String error) {
        boolean last = claim.attempts() >= settings.maxAttempts();
        int updated = jdbc.sql("""
                UPDATE exports SET state = :state, last_error = :error, claim = NULL,
                       run_after = now() + :delay * interval '1 second',
                       customer_id = CASE WHEN :last THEN NULL ELSE customer_id END,
                       finished_at = CASE WHEN :last THEN now() END,
                       expires_at = CASE WHEN :last THEN now() + :retention * interval '1 second' ELSE expires_at END
                 WHERE id = :id AND claim = :claim AND state = 'RUNNING'
                """).param("state", last ? "FAILED" : "QUEUED").param("error", error).param("last", last)
                .param("delay", settings.retryDelay().toMillis() / 1000.0)
                .param("retention", settings.retention().toSeconds())
                .param("id", claim.exportId()).param("claim", claim.claim()).update();
        if (last && updated > 0) {
            meters.counter("gdpr_exports_failed").increment();
        }
    }

    /** Deletes exports past their expiry, document and all. */
    @Transactional
    public int purgeExpired() {
        return jdbc.sql("DELETE FROM exports WHERE expires_at < now()").update();
    }

    /** Deletes every export of the customer with this keyed hash (their erasure was requested). */
    @Transactional
    public int deleteByCustomerHash(String customerHash) {
        return jdbc.sql("DELETE FROM exports WHERE customer_hash = :hash").param("hash", customerHash).update();
    }

    /** RUNNING jobs whose last allowed run stopped without finishing: FAILED, not run again. */
    private void failExhausted() {
        int failed = jdbc.sql("""
                UPDATE exports SET state = 'FAILED', customer_id = NULL, claim = NULL, finished_at = now(),
                       last_error = coalesce(last_error, 'the runner stopped during its last attempt'),
                       expires_at = now() + :retention * interval '1 second'
                 WHERE state = 'RUNNING' AND attempts >= :max AND claimed_at < now() - :stale * interval '1 second'
                """).param("retention", settings.retention().toSeconds()).param("max", settings.maxAttempts())
                .param("stale", settings.staleAfter().toSeconds()).update();
        if (failed > 0) {
            meters.counter("gdpr_exports_failed").increment(failed);
        }
    }

    private CustomerExport map(ResultSet rs) throws SQLException {
        String counts = rs.getString("counts");
        return new CustomerExport(rs.getObject("id", UUID.class),
                CustomerExport.State.valueOf(rs.getString("state")), rs.getString("requested_by"),
                rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), rs.getTimestamp("expires_at").toInstant(),
                counts == null ? Map.of() : json.readValue(counts, COUNTS), rs.getString("last_error"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
