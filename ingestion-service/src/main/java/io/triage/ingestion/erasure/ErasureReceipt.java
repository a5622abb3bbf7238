package io.triage.ingestion.erasure;

import java.util.UUID;

/**
 * What one store deleted for one GDPR request.
 *
 * @param replayed true when the request had been applied before and this is the original receipt again
 */
public record ErasureReceipt(UUID requestId, String store, long deletedRecords, boolean replayed) {
}
