package io.triage.gdpr.erasure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A GDPR erasure request and the receipts of the stores that have applied it. */
public record DeletionRequest(UUID id, String customerId, String requestedBy, @Nullable String reason,
        Status status, Instant createdAt, @Nullable Instant completedAt, List<DeletionReceipt> receipts) {

    /** PENDING until every store has sent its receipt. */
    public enum Status { PENDING, COMPLETED }
}
