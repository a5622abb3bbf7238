package io.triage.console.operations;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One source's health as the Operations page shows it, read from ingestion-service's metrics.
 *
 * @param source             {@code servicenow}, {@code zendesk} or {@code jira}
 * @param lagSeconds         now − the newest source updated-at the answering replica has seen; null before it saw one
 * @param lastSuccessfulPull the answering replica's last successful pull; null before one
 * @param pullsFailed        failed pulls since the replica started
 * @param pullsSucceeded     successful pulls since the replica started
 * @param writeBacksFailed   write-back deliveries and replays that failed since the replica started
 * @param deadLetters        write-backs in state FAILED now (the same on every replica)
 */
public record SourceHealth(String source, @Nullable Long lagSeconds, @Nullable Instant lastSuccessfulPull,
        long pullsFailed, long pullsSucceeded, long writeBacksFailed, long deadLetters) {
}
