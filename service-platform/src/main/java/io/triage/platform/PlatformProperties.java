package io.triage.platform;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Cross-cutting settings shared by every service ({@code triage.platform.*}).
 *
 * @param schema the service's own Postgres schema; its login role is {@code <schema>_app} and Flyway migrates
 *     {@code classpath:db/platform} (shared first migration) then {@code classpath:db/migration/<schema>} into it
 * @param security how callers authenticate and which roles their credentials carry
 * @param maxRequestBytes largest accepted request body; larger bodies are refused with 413 before they are read
 * @param redisKeyPrefix prefix of every Redis key this service writes, so several deployments (or test classes)
 *     can share one Redis without seeing each other's keys
 * @param resilience retry and circuit-breaker settings for calls to other services
 */
@ConfigurationProperties("triage.platform")
public record PlatformProperties(
        String schema,
        @DefaultValue Security security,
        @DefaultValue("1MB") DataSize maxRequestBytes,
        @DefaultValue("") String redisKeyPrefix,
        @DefaultValue Resilience resilience) {

    /**
     * The roles a caller can hold; {@link #ADMIN} implies every other role. The first five are people and external
     * systems; the {@code *_SERVICE} roles are the suite's own services calling each other, each allowed only the
     * calls that service makes (README, "Roles").
     */
    public enum Role {
        /** An external ticketing system (e.g. a ServiceNow instance): classify, batch-classify, feedback. */
        CLASSIFIER,
        /** Rule authors and model owners. */
        ANALYST,
        /** Operators: metrics, health details, sync and backfill, ticket intake. */
        OPS,
        /**
         * Service-desk agents: the review queue, i.e. recent tickets' sanitised text and their decisions, and feedback
         * (a correction) on any decision, whichever system asked for it. Nothing else: no rules, models or intake.
         */
        AGENT,
        /** Data protection: erasure and access requests, audit reports. */
        COMPLIANCE,
        /** Everything. */
        ADMIN,
        /** classify-service: rules, similar-ticket search and relabelling, audit events and feedback, labels. */
        CLASSIFY_SERVICE,
        /** ingestion-service: classification of stored tickets, their feedback, indexing for search. */
        INGESTION_SERVICE,
        /** embedding-service: the sanitised ticket feed it indexes. */
        EMBEDDING_SERVICE,
        /** gdpr-service: erasure and export in every other service. */
        GDPR_SERVICE
    }

    /** How requests are authenticated. */
    public enum Mode {
        /** {@code X-API-Key} header, keys and their roles from configuration (local use, service-to-service). */
        API_KEY,
        /**
         * OAuth2 resource server: a bearer JWT (e.g. Entra ID), roles from the {@code roles} claim; API keys stay
         * accepted for service-to-service calls and scraping.
         */
        JWT
    }

    /**
     * Authentication settings.
     *
     * @param mode {@code api-key} (default) or {@code jwt}
     * @param apiKeys the accepted API keys; each maps to roles. Set real keys from environment variables or a
     *     Kubernetes Secret, e.g. {@code TRIAGE_PLATFORM_SECURITY_API_KEYS_0_KEY}
     * @param allowDefaultKeys whether the well-known local keys ({@code local-*-key}) may be active; production
     *     deployments set this to {@code false} and the service refuses to start while a local key is configured
     * @param jwtRolesClaim the JWT claim holding the role names in {@code jwt} mode
     */
    public record Security(
            @DefaultValue("api-key") Mode mode,
            @DefaultValue List<ApiKey> apiKeys,
            @DefaultValue("true") boolean allowDefaultKeys,
            @DefaultValue("roles") String jwtRolesClaim) {
    }

    /**
     * One accepted API key, given either as the key itself or as its SHA-256 digest only, so that a service can
     * check a key without holding it (production: digests; local defaults and tests: keys).
     *
     * @param name who holds the key (appears as the principal name in logs and audit; never the key itself)
     * @param key the secret value; leave empty when {@code keySha256} is given
     * @param keySha256 the SHA-256 digest of the key's UTF-8 bytes as 64 hex digits ({@code printf %s "$KEY" |
     *     sha256sum}); leave empty when {@code key} is given
     * @param roles the roles granted to the holder
     */
    public record ApiKey(String name, @Nullable String key, @Nullable String keySha256, Set<Role> roles) {

        @Override
        public String toString() {
            return SecretMasking.toString(this, "key");
        }
    }

    /**
     * Retry and circuit-breaker settings for calls between services (Resilience4j).
     *
     * @param maxAttempts attempts per call including the first; only transient failures (I/O, 429, 5xx) are retried
     * @param initialBackoff wait before the first retry; later waits grow by {@code backoffMultiplier}
     * @param backoffMultiplier growth factor of the wait between attempts
     * @param jitter randomisation factor of each wait (0.5 = ±50 %), so replicas do not retry in lock-step
     * @param failureRateThreshold percentage of failed calls in the window that opens the circuit
     * @param slidingWindowSize number of recent calls the failure rate is computed over
     * @param minimumCalls calls needed in the window before the failure rate counts
     * @param openStateWait how long an open circuit refuses calls before letting a few through to probe
     */
    public record Resilience(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("100ms") Duration initialBackoff,
            @DefaultValue("2.0") double backoffMultiplier,
            @DefaultValue("0.5") double jitter,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("10s") Duration openStateWait) {
    }
}
