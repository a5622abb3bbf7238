package io.triage.audit.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * audit-service settings ({@code triage.audit.*}). The two secrets (pseudonym key, signing key) have well-known
 * local defaults that are <b>not for production</b>: a deployment sets {@code allow-default-keys=false} and real
 * keys from a Secret, and the service then refuses to start while a local default is still configured.
 *
 * @param pseudonymKey HMAC-SHA256 key of the ticket and user pseudonyms that the hash chain covers instead of the
 *     plain ids; changing it breaks the link between old pseudonyms and tickets, so it is kept as long as the log
 * @param chainKey HMAC-SHA256 key of the chain hash ({@code audit-event/v2}, from the position recorded in
 *     {@code chain_schemes} on): without it nobody can re-compute a chain that passes verification, so it is kept
 *     for the log's lifetime, outside the database (environment {@code TRIAGE_AUDIT_CHAIN_KEY} in production)
 * @param signing the Ed25519 key that signs checkpoints and retention notes
 * @param allowDefaultKeys whether the local default keys may be active ({@code false} in production)
 * @param maxBatchSize most events accepted in one {@code POST /audit/events}; larger batches are refused with 413
 * @param appendGroupMaxEvents most events written in one group commit: concurrent append requests are queued and
 *     written together, one transaction (one insert, one move of the chain head, one fsync) per group; a request is
 *     never split, so a single request larger than this is written as a group of its own
 * @param checkpointInterval how often a signed checkpoint is taken over the events appended since the last one
 * @param partitionsAhead how many monthly partitions beyond the current month are kept created
 * @param archive where and when old partitions are archived, and how long archives are retained
 * @param archiver the database role and signing key that archive months and detach their partitions
 * @param checkpointMirror the write-once copy of every checkpoint outside the database
 * @param report thresholds of the monthly compliance report
 */
@ConfigurationProperties("triage.audit")
public record AuditProperties(
        @DefaultValue(LOCAL_PSEUDONYM_KEY) String pseudonymKey,
        @DefaultValue(LOCAL_CHAIN_KEY) String chainKey,
        @DefaultValue Signing signing,
        @DefaultValue("true") boolean allowDefaultKeys,
        @DefaultValue("1000") int maxBatchSize,
        @DefaultValue("1000") int appendGroupMaxEvents,
        @DefaultValue("5m") Duration checkpointInterval,
        @DefaultValue("3") int partitionsAhead,
        @DefaultValue Archive archive,
        @DefaultValue Archiver archiver,
        @DefaultValue CheckpointMirror checkpointMirror,
        @DefaultValue Report report) {

    /** Local default pseudonym key; refused when {@code allow-default-keys=false}. */
    public static final String LOCAL_PSEUDONYM_KEY = "local-audit-pseudonym-key-NOT-FOR-PRODUCTION";

    /** Local default chain key; refused when {@code allow-default-keys=false}. */
    public static final String LOCAL_CHAIN_KEY = "local-audit-chain-key-NOT-FOR-PRODUCTION";

    /** Local default Ed25519 private key (PKCS#8, base64); refused when {@code allow-default-keys=false}. */
    public static final String LOCAL_SIGNING_PRIVATE_KEY =
            "MC4CAQAwBQYDK2VwBCIEIL0K4OMhXTlaR+FyTTNA5BbeWw3Fzr4fTmceltgog5iv";

    /** Public half of {@link #LOCAL_SIGNING_PRIVATE_KEY} (X.509, base64). */
    public static final String LOCAL_SIGNING_PUBLIC_KEY = "MCowBQYDK2VwAyEAqjGMlj2sFKkQ8xM51reFEuO2iXp2q1OtBdofPwN79Eg=";

    /**
     * The checkpoint signing key pair.
     *
     * @param keyId name of the key, stored with every signature so keys can be rotated
     * @param privateKey Ed25519 private key, PKCS#8 DER, base64
     * @param publicKey the matching Ed25519 public key, X.509 DER, base64 (published at {@code /audit/checkpoints/key})
     */
    public record Signing(
            @DefaultValue("local-dev-NOT-FOR-PRODUCTION") String keyId,
            @DefaultValue(LOCAL_SIGNING_PRIVATE_KEY) String privateKey,
            @DefaultValue(LOCAL_SIGNING_PUBLIC_KEY) String publicKey) {

        @Override
        public String toString() {
            return "Signing[keyId=" + keyId + "]";
        }
    }

    /**
     * Archive and retention.
     *
     * @param directory local directory of the archive files (the default store)
     * @param after a month's partition is archived once the month ended at least this long ago
     * @param retention archived files are deleted (with a signed note) once their month ended this long ago
     * @param interval how often the archive and retention job runs
     */
    public record Archive(
            @DefaultValue("./audit-archive") Path directory,
            @DefaultValue("P13M") Period after,
            @DefaultValue("P7Y") Period retention,
            @DefaultValue("6h") Duration interval) {
    }

    /**
     * The archiver: a database role of its own (the service role cannot insert archive records or detach
     * partitions) and the Ed25519 key that signs archive manifests.
     *
     * @param username login role of the archiver; its connections only record verified manifests, detach archived
     *     partitions and record retention notes
     * @param password its password (environment {@code TRIAGE_AUDIT_ARCHIVER_PASSWORD} in production; empty for the
     *     local trust-authenticated server)
     * @param signing the manifest signing key
     */
    public record Archiver(
            @DefaultValue("audit_archiver") String username,
            @DefaultValue("") String password,
            @DefaultValue ManifestSigning signing) {

        @Override
        public String toString() {
            return "Archiver[username=" + username + ", signing=" + signing + "]";
        }
    }

    /**
     * The Ed25519 key that signs archive manifests. When no private key is configured, a key pair is generated on
     * first use and kept in {@code keyFile} (local development only; refused when {@code allow-default-keys=false}).
     *
     * @param keyId name of the configured key, stored with every manifest signature; a generated key is named
     *     {@code local-generated-<first 8 hex of its public key's SHA-256>}
     * @param privateKey Ed25519 private key, PKCS#8 DER, base64 (environment
     *     {@code TRIAGE_AUDIT_ARCHIVER_SIGNING_PRIVATE_KEY} in production); empty: use or generate {@code keyFile}
     * @param publicKey the matching public key, X.509 DER, base64
     * @param keyFile where a generated local key pair is kept (created once, owner-only permissions)
     */
    public record ManifestSigning(
            @DefaultValue("") String keyId,
            @DefaultValue("") String privateKey,
            @DefaultValue("") String publicKey,
            @DefaultValue("./audit-keys/archive-manifest-ed25519.properties") Path keyFile) {

        public boolean configured() {
            return !privateKey.isBlank();
        }

        @Override
        public String toString() {
            return "ManifestSigning[keyId=" + keyId + ", keyFile=" + keyFile + "]";
        }
    }

    /**
     * The write-once checkpoint mirror: every checkpoint is also written to a new file (never overwritten) in this
     * directory, which the database administrators cannot write; {@code /audit/verify} compares the two.
     *
     * @param directory the mirror directory (mount durable, write-once storage in production; shared by replicas)
     */
    public record CheckpointMirror(
            @DefaultValue("./audit-checkpoint-mirror") Path directory) {
    }

    /**
     * Compliance report thresholds.
     *
     * @param gapThreshold an accuracy or abstention gap between groups of one attribute (channel, language,
     *     customer segment) above this share is flagged
     * @param minGroupSize groups with fewer decisions (or fewer decisions with feedback, for accuracy) are listed
     *     but left out of the gap, so tiny groups do not raise false alarms
     * @param cron when the monthly job writes the previous month's report (HTML, CSV, JSON) to the archive store
     *     (Spring cron, zone UTC; default 02:00 on the 1st); {@code -} disables it
     */
    public record Report(
            @DefaultValue("0.10") double gapThreshold,
            @DefaultValue("20") int minGroupSize,
            @DefaultValue("0 0 2 1 * *") String cron) {
    }
}
