package io.triage.audit.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;

import io.triage.platform.SecretMasking;
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
 * @param azure the Azure Blob Storage account of the {@code azure} archive store and checkpoint mirror
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
        @DefaultValue Report report,
        @DefaultValue Azure azure) {

    @Override
    public String toString() {
        return SecretMasking.toString(this, "pseudonymKey", "chainKey");
    }

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
     * @param directory local directory of the archive files (the {@code local} store)
     * @param after a month's partition is archived once the month ended at least this long ago
     * @param retention archived files are deleted (with a signed note) once their month ended this long ago
     * @param interval how often the archive and retention job runs
     * @param store where archive files go: {@code local} (the directory) or {@code azure} (Blob Storage,
     *     {@code triage.audit.azure.*}); partitions are detached only when the store is durable
     * @param local settings of the local directory store
     */
    public record Archive(
            @DefaultValue("./audit-archive") Path directory,
            @DefaultValue("P13M") Period after,
            @DefaultValue("P7Y") Period retention,
            @DefaultValue("6h") Duration interval,
            @DefaultValue("local") Store store,
            @DefaultValue Local local) {
    }

    /** Where archive files or checkpoint copies are kept. */
    public enum Store {
        /** A local directory (the development default). */
        LOCAL,
        /** An Azure Blob Storage container ({@code triage.audit.azure.*}). */
        AZURE
    }

    /**
     * The local directory archive store.
     *
     * @param durable whether the directory is durable storage (a backed-up persistent volume, not a pod's
     *     {@code emptyDir} or a laptop's working copy); only then are archived partitions detached and dropped,
     *     otherwise the files are written and the partition is kept, reported as
     *     {@code PARTITION_KEPT_STORE_NOT_DURABLE} by {@code GET /audit/archive}
     */
    public record Local(@DefaultValue("false") boolean durable) {
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
     * @param store {@code local} (the directory) or {@code azure} (one blob per checkpoint in
     *     {@code triage.audit.azure.checkpoint-container})
     */
    public record CheckpointMirror(
            @DefaultValue("./audit-checkpoint-mirror") Path directory,
            @DefaultValue("local") Store store) {
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

    /**
     * The Azure Blob Storage account of the {@code azure} archive store and checkpoint mirror. Authentication: a
     * connection string when one is set (Azurite, development), otherwise Entra ID through
     * {@code DefaultAzureCredential} (workload identity in AKS, managed identity, or the developer's login) against
     * {@code endpoint}. Every blob is created with {@code If-None-Match: *}, so nothing is ever overwritten; where the
     * container has version-level immutability (WORM) enabled, archive blobs also get a time-based immutability policy
     * and checkpoint blobs a legal hold.
     *
     * @param endpoint the account's blob endpoint, e.g. {@code https://triageaudit.blob.core.windows.net}
     * @param connectionString a storage connection string instead (environment
     *     {@code TRIAGE_AUDIT_AZURE_CONNECTION_STRING}, from a Secret); Azurite's well-known development key is
     *     refused when {@code allow-default-keys=false}
     * @param managedIdentityClientId client id of a user-assigned managed identity; empty: the default identity
     *     (workload identity sets {@code AZURE_CLIENT_ID} itself)
     * @param archiveContainer container of the archive files (created if missing)
     * @param checkpointContainer container of the checkpoint copies (created if missing)
     * @param archiveImmutability how long each archive blob is immutable from its upload; keep it below
     *     {@code archive.retention} minus {@code archive.after}, or retention cannot delete it in time
     * @param lockImmutability whether archive immutability policies are {@code Locked} (cannot be shortened or
     *     removed by anyone) instead of {@code Unlocked}
     * @param checkpointLegalHold whether each checkpoint blob gets a legal hold (checkpoints are never deleted)
     * @param requireImmutableStorage refuse to write into a container without version-level immutability
     *     (production); otherwise it is logged once and blobs are write-once by {@code If-None-Match} only (Azurite)
     * @param timeout timeout of each storage call
     */
    public record Azure(
            @DefaultValue("") String endpoint,
            @DefaultValue("") String connectionString,
            @DefaultValue("") String managedIdentityClientId,
            @DefaultValue("audit-archive") String archiveContainer,
            @DefaultValue("audit-checkpoints") String checkpointContainer,
            @DefaultValue("P5Y") Period archiveImmutability,
            @DefaultValue("false") boolean lockImmutability,
            @DefaultValue("true") boolean checkpointLegalHold,
            @DefaultValue("false") boolean requireImmutableStorage,
            @DefaultValue("60s") Duration timeout) {

        /** Azurite's published development account key: a connection string with it protects nothing. */
        public static final String AZURITE_ACCOUNT_KEY =
                "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

        @Override
        public String toString() {
            return "Azure[endpoint=" + endpoint + ", archiveContainer=" + archiveContainer + ", checkpointContainer="
                    + checkpointContainer + "]";
        }
    }
}
