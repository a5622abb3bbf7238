package io.triage.audit.erasure;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * A request to clear the plain ticket and user ids of the given tickets (from gdpr-service). Idempotent: a repeat
 * clears nothing further.
 *
 * @param requestId the caller's erasure request id, echoed back for its receipt
 * @param ticketIds the tickets whose identifiers are cleared
 */
public record Anonymisation(UUID requestId, @NotEmpty @Size(max = 10_000) List<@NotBlank String> ticketIds) {

    /** What was cleared: the number of events whose plain identifiers were removed by this request. */
    public record Receipt(UUID requestId, int tickets, long eventsCleared) {
    }
}
