package io.triage.platform;

import java.time.Duration;
import java.util.List;
import java.util.Set;

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

    /** The roles a caller can hold; {@link #ADMIN} implies every other role. */
    public enum Role { CLASSIFIER, ANALYST, OPS, COMPLIANCE, ADMIN }

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
     * One accepted API key.
     *
     * @param name who holds the key (appears as the principal name in logs and audit; never the key itself)
     * @param key the secret value
     * @param roles the roles granted to the holder
     */
    public record ApiKey(String name, String key, Set<Role> roles) {

        @Override
        public String toString() {
            return "ApiKey[name=" + name + ", roles=" + roles + "]";
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
