package io.triage.embedding.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP API's limits and answers ({@code triage.embedding.max-tickets-per-request} and
 * {@code triage.embedding.store-retry-after}; the other {@code triage.embedding.*} settings belong to the features
 * that use them).
 *
 * @param maxTicketsPerRequest largest batch {@code POST /embeddings} accepts
 * @param storeRetryAfter the {@code Retry-After} a caller is given when the store or the model is unavailable
 */
@ConfigurationProperties("triage.embedding")
public record ApiProperties(
        @DefaultValue("1000") int maxTicketsPerRequest,
        @DefaultValue("30s") Duration storeRetryAfter) {
}
