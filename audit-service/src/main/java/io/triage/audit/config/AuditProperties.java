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
 * @param signing the Ed25519 key that signs checkpoints and retention notes
 * @param allowDefaultKeys whether the local default keys may be active ({@code false} in production)
 * @param maxBatchSize most events accepted in one {@code POST /audit/events}; larger batches are refused with 413
 * @param checkpointInterval how often a signed checkpoint is taken over the events appended since the last one
 * @param partitionsAhead how many monthly partitions beyond the current month are kept created
 * @param archive where and when old partitions are archived, and how long archives are retained
 * @param report thresholds of the monthly compliance report
 */
@ConfigurationProperties("triage.audit")
public record AuditProperties(
        @DefaultValue(LOCAL_PSEUDONYM_KEY) String pseudonymKey,
        @DefaultValue Signing signing,
        @DefaultValue("true") boolean allowDefaultKeys,
        @DefaultValue("1000") int maxBatchSize,
        @DefaultValue("5m") Duration checkpointInterval,
        @DefaultValue("3") int partitionsAhead,
        @DefaultValue Archive archive,
        @DefaultValue Report report) {

    /** Local default pseudonym key; refused when {@code allow-default-keys=false}. */
    public static final String LOCAL_PSEUDONYM_KEY = "local-audit-pseudonym-key-NOT-FOR-PRODUCTION";

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
     * Compliance report thresholds.
     *
     * @param gapThreshold an accuracy or abstention gap between groups of one attribute (channel, language,
     *     customer segment) above this share is flagged
     * @param minGroupSize groups with fewer decisions (or fewer decisions with feedback, for accuracy) are listed
     *     but left out of the gap, so tiny groups do not raise false alarms
     */
    public record Report(
            @DefaultValue("0.10") double gapThreshold,
            @DefaultValue("20") int minGroupSize) {
    }
}
