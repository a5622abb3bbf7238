package io.triage.gdpr.erasure;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One store's part of a request: whether it has answered, what it deleted, and how delivery has gone.
 *
 * @param state PENDING (not answered yet), DONE (answered; never changes again), FAILED (the last attempt failed;
 *     it is delivered again)
 * @param deletedRecords what the store reports it deleted or cleared; null until DONE
 * @param receivedAt when the store's answer was recorded; null until DONE
 * @param attempts deliveries tried so far
 * @param lastAttemptAt when the last delivery was tried
 * @param lastError why the last delivery failed (status or exception type, never a response body)
 * @param details the store's own breakdown (e.g. vectors in Postgres and in the index)
 */
public record DeletionReceipt(String store, State state, @Nullable Long deletedRecords, @Nullable Instant receivedAt,
        int attempts, @Nullable Instant lastAttemptAt, @Nullable String lastError, Map<String, Object> details) {

    /** A store's delivery state. */
    public enum State { PENDING, DONE, FAILED }
}
