package io.triage.ingestion.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * ingestion-service settings ({@code triage.ingestion.*}).
 *
 * @param defaultPageSize tickets returned by {@code GET /tickets} when the caller names no {@code limit}
 * @param maxPageSize the largest {@code limit} a caller may ask for; more is refused with 400
 */
@ConfigurationProperties("triage.ingestion")
public record IngestionProperties(
        @DefaultValue("100") int defaultPageSize,
        @DefaultValue("1000") int maxPageSize) {
}
