package io.triage.gdpr.erasure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A GDPR erasure request and its receipt per store.
 *
 * @param customerId the customer to erase, kept only while a store still needs it: null once the request is
 *     COMPLETED (then only a keyed hash of it remains)
 * @param dueAt requested + the configured deadline (30 days)
 * @param overdue still open past {@code dueAt}
 * @param receipts one per configured store (and per store that answered)
 */
public record DeletionRequest(UUID id, @Nullable String customerId, String requestedBy, @Nullable String reason,
        Status status, Instant createdAt, Instant dueAt, boolean overdue, @Nullable Instant completedAt,
        List<DeletionReceipt> receipts) {

    /** The same request with these receipts. */
    DeletionRequest withReceipts(List<DeletionReceipt> newReceipts) {
        return new DeletionRequest(id, customerId, requestedBy, reason, status, createdAt, dueAt, overdue, completedAt,
                newReceipts);
    }

    /** IN_PROGRESS until every configured store has answered. */
    public enum Status { IN_PROGRESS, COMPLETED }
}
