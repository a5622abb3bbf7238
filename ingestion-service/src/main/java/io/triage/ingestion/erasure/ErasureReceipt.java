package io.triage.ingestion.erasure;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What one store deleted for one GDPR request.
 *
 * @param replayed true when the request had been applied before and this is the original receipt again
 * @param ticketIds the ids of the tickets erased (this service's ids, which classify-service and audit-service know
 *     them by); the same on a replay, until {@code triage.ingestion.erasure.ticket-ids-retention} has passed, then null
 */
public record ErasureReceipt(UUID requestId, String store, long deletedRecords, boolean replayed,
        @Nullable List<String> ticketIds) {
}
