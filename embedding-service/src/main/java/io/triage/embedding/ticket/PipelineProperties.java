package io.triage.embedding.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the pipeline is fed ({@code triage.embedding.batch-size}; the other {@code triage.embedding.*} settings belong
 * to the features that use them).
 *
 * @param batchSize tickets embedded and written per batch by the backfill and the scheduled sync
 */
@ConfigurationProperties("triage.embedding")
public record PipelineProperties(@DefaultValue("1000") int batchSize) {
}
