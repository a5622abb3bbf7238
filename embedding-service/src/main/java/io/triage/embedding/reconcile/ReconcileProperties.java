package io.triage.embedding.reconcile;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reconcile job comparing {@code ticket_embeddings} with the index ({@code triage.embedding.reconcile.*}).
 *
 * @param cron when it runs
 * @param onStartup whether it also runs once after start, so a missing or damaged index is rebuilt
 */
@ConfigurationProperties("triage.embedding.reconcile")
public record ReconcileProperties(
        @DefaultValue("0 15 * * * *") String cron,
        @DefaultValue("true") boolean onStartup) {
}
