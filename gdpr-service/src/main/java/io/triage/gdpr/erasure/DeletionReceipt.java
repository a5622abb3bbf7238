package io.triage.gdpr.erasure;

import java.time.Instant;

/** One store's confirmation of what it deleted for a request. */
public record DeletionReceipt(String store, long deletedRecords, Instant receivedAt) {
}
