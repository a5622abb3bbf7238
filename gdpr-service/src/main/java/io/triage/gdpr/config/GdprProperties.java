package io.triage.gdpr.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * gdpr-service settings ({@code triage.gdpr.*}). The stores' addresses and credentials are HTTP service-client
 * groups ({@code spring.http.serviceclient.<store>.base-url}, {@code default-header.X-API-Key}).
 *
 * @param redeliverAfter an erasure whose delivery to a store has not succeeded for this long is delivered again
 *     (at least once; the stores are idempotent)
 * @param stores the stores an erasure must reach before the request is complete: {@code ingestion} (tickets and
 *     their clean copies; always first, as its receipt names the erased tickets), {@code embedding} (vectors in
 *     Postgres and the index), {@code classify} (decisions, feedback, cached LLM answers) and {@code audit} (plain
 *     ticket and user ids of the audit log). A store left out is never called and not waited for
 * @param deadline how long after it was requested an erasure is due (GDPR Art. 12(3): one month); shown as the
 *     request's {@code dueAt}, and an open request past it counts in {@code gdpr_requests_overdue}
 * @param dueSoonAfter an open request older than this (and not yet overdue) counts in {@code gdpr_requests_due_soon}
 * @param customerHashKey HMAC-SHA256 key of the customer-id hash kept with a request once every store has answered
 *     (the plain id is then removed). A secret ({@code TRIAGE_GDPR_CUSTOMER_HASH_KEY}); the local default is refused
 *     at start when {@code triage.platform.security.allow-default-keys=false}. Changing it breaks the link between
 *     old hashes and customer ids (a later "was this customer erased?" can then not be answered for older requests)
 * @param certificate the Ed25519 key that signs certificates of erasure
 * @param export right-of-access exports ({@code POST /gdpr/export-customer-data})
 */
@ConfigurationProperties("triage.gdpr")
public record GdprProperties(
        @DefaultValue("30s") Duration redeliverAfter,
        @DefaultValue({"ingestion", "embedding", "classify", "audit"}) Set<String> stores,
        @DefaultValue("30d") Duration deadline,
        @DefaultValue("25d") Duration dueSoonAfter,
        @DefaultValue(LOCAL_CUSTOMER_HASH_KEY) String customerHashKey,
        @DefaultValue Certificate certificate,
        @DefaultValue Export export) {

    /** Local default customer-hash key; refused when {@code triage.platform.security.allow-default-keys=false}. */
    public static final String LOCAL_CUSTOMER_HASH_KEY = "local-gdpr-customer-hash-key-NOT-FOR-PRODUCTION";

    @Override
    public String toString() {
        return "GdprProperties[redeliverAfter=" + redeliverAfter + ", stores=" + stores + ", deadline=" + deadline
                + ", dueSoonAfter=" + dueSoonAfter + ", certificate=" + certificate + ", export=" + export + "]";
    }

    /**
     * The key that signs certificates of erasure ({@code triage.gdpr.certificate.*}). Production configures one (a
     * secret); without it a key is generated once into {@code key-file}, for local runs only: refused when
     * {@code triage.platform.security.allow-default-keys=false}.
     *
     * @param privateKey Ed25519 private key, PKCS#8 DER, base64 ({@code TRIAGE_GDPR_CERTIFICATE_PRIVATE_KEY}, e.g.
     *     {@code openssl genpkey -algorithm ed25519 -outform DER | base64 -w0}); its public key is derived from it
     * @param keyId the name certificates give the key and {@code GET /gdpr/certificate-keys} publishes it under;
     *     empty: {@code ed25519-<first 8 hex of the public key's SHA-256>}
     * @param keyFile where a generated local key is kept when no private key is configured (created once,
     *     owner-only); only the private key is stored there
     * @param retiredPublicKeys earlier signing keys, still published so the certificates they signed stay
     *     verifiable after a rotation: key id → X.509 SubjectPublicKeyInfo, base64
     * @param backfillInterval how often completed requests without a certificate (completed before certificates
     *     existed) are looked for and given one (ShedLock'ed)
     */
    public record Certificate(
            @DefaultValue("") String privateKey,
            @DefaultValue("") String keyId,
            @DefaultValue("./var/gdpr-keys/certificate-ed25519.key") Path keyFile,
            @DefaultValue Map<String, String> retiredPublicKeys,
            @DefaultValue("10m") Duration backfillInterval) {

        public boolean configured() {
            return !privateKey.isBlank();
        }

        @Override
        public String toString() {
            return "Certificate[keyId=" + keyId + ", keyFile=" + keyFile + "]";
        }
    }

    /**
     * Right-of-access exports ({@code triage.gdpr.export.*}).
     *
     * @param encryptionKey AES-256 key (32 bytes, base64) the stored export documents are encrypted with (AES-GCM)
     *     ({@code TRIAGE_GDPR_EXPORT_ENCRYPTION_KEY}); empty: a key generated once into {@code key-file}, for local
     *     runs only (refused when {@code triage.platform.security.allow-default-keys=false})
     * @param keyFile where a generated local encryption key is kept (created once, owner-only)
     * @param retention how long a finished export (its document, or its failure) is kept before the purge deletes it
     * @param pollInterval how often queued exports (and ones whose runner stopped) are looked for and run
     * @param staleAfter a RUNNING export whose runner has not finished it for this long is taken over by another
     *     (a crashed or restarted instance)
     * @param maxAttempts runs an export gets before it is FAILED
     * @param retryDelay how long after a failed run (a service unreachable or answering an error) it is run again
     * @param purgeInterval how often expired exports are deleted (ShedLock'ed)
     */
    public record Export(
            @DefaultValue("") String encryptionKey,
            @DefaultValue("./var/gdpr-keys/export-aes-256.key") Path keyFile,
            @DefaultValue("7d") Duration retention,
            @DefaultValue("5s") Duration pollInterval,
            @DefaultValue("5m") Duration staleAfter,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("30s") Duration retryDelay,
            @DefaultValue("1h") Duration purgeInterval) {

        public boolean configured() {
            return !encryptionKey.isBlank();
        }

        @Override
        public String toString() {
            return "Export[keyFile=" + keyFile + ", retention=" + retention + "]";
        }
    }
}
