package io.triage.embedding.sync;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduled job that embeds new sanitised tickets from ingestion-service
 * ({@code GET /tickets/clean?after=&limit=}; the client is the {@code ingestion} HTTP service group), configured by
 * {@code triage.embedding.sync.*}.
 *
 * @param enabled whether the job runs (on by default: it reconciles whatever the per-ticket flow missed)
 * @param cron when it runs (nightly by default)
 */
@ConfigurationProperties("triage.embedding.sync")
public record SyncProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0 0 2 * * *") String cron) {
}
