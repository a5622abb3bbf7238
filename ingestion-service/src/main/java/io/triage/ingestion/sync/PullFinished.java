package io.triage.ingestion.sync;

import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;

/**
 * A pull has ended (published after its run is recorded in {@code sync_runs}), for whoever watches the sources.
 *
 * @param source the source pulled
 * @param status {@code SUCCEEDED}, {@code FAILED} or {@code SKIPPED}
 * @param error the kind of failure (e.g. {@code TooManyRequests}), never a response body; null unless failed
 */
public record PullFinished(TicketSource source, String status, @Nullable String error) {
}
