package io.triage.gdpr.export;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A right-of-access export job, as {@code GET /gdpr/exports/{id}} shows it (never its data).
 *
 * @param state QUEUED (waiting for a runner), RUNNING, DONE (the data can be fetched until {@code expiresAt}) or
 *     FAILED (after {@code triage.gdpr.export.max-attempts}; {@code lastError} says why)
 * @param attempts runs started so far
 * @param counts what the document holds: tickets, sanitisedTickets, labelledTickets, decisions, feedback; empty
 *     until DONE
 * @param expiresAt when the job and its document are deleted
 * @param lastError why the last run failed (status or exception type, never a response body)
 */
public record CustomerExport(UUID id, State state, String requestedBy, int attempts, Instant createdAt,
        @Nullable Instant startedAt, @Nullable Instant finishedAt, Instant expiresAt, Map<String, Long> counts,
        @Nullable String lastError) {

    /** Where the job is. */
    public enum State { QUEUED, RUNNING, DONE, FAILED }
}
