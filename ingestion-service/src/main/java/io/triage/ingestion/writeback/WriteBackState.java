package io.triage.ingestion.writeback;

/** Where a write-back stands. */
public enum WriteBackState {
    /** Being written, or waiting for its next attempt (a delivery or replay in flight, or one that crashed). */
    PENDING,
    /** Everything of the plan is in the ticket. */
    SUCCEEDED,
    /** The dead letter: not retried by itself; {@code last_status} and {@code last_error} say why. Replay it. */
    FAILED
}
