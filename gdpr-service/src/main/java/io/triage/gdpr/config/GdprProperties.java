package io.triage.gdpr.config;

import java.time.Duration;
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
 *     their clean copies) and {@code embedding} (vectors in Postgres and the index)
 */
@ConfigurationProperties("triage.gdpr")
public record GdprProperties(
        @DefaultValue("30s") Duration redeliverAfter,
        @DefaultValue({"ingestion", "embedding"}) Set<String> stores) {
}
