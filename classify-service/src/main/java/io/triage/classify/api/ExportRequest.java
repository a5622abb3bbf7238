package io.triage.classify.api;

import java.util.List;

import io.triage.platform.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /internal/exports}, sent by gdpr-service's right-of-access export.
 *
 * @param customerId the customer as classify saw it in {@code customerId} (1-128 characters)
 * @param ticketIds  the customer's tickets as classify saw them in {@code ticketId} (from ingestion-service; may be
 *                   empty; each 1-128 characters, at most {@value ErasureRequest#MAX_TICKETS})
 */
record ExportRequest(@Nullable String customerId, @Nullable List<String> ticketIds) {

    private static final int MAX_ID = 128;

    /** Checks the body, naming the first bad field (400). */
    void check() {
        if (customerId == null || customerId.isBlank() || customerId.length() > MAX_ID) {
            throw new InvalidInputException("customerId", "must be 1-" + MAX_ID + " characters, not blank");
        }
        if (ticketIds == null) {
            throw new InvalidInputException("ticketIds", "a list is required (it may be empty)");
        }
        if (ticketIds.size() > ErasureRequest.MAX_TICKETS) {
            throw new InvalidInputException("ticketIds", "at most " + ErasureRequest.MAX_TICKETS
                    + " ticket ids per request");
        }
        for (int i = 0; i < ticketIds.size(); i++) {
            String id = ticketIds.get(i);
            if (id == null || id.isBlank() || id.length() > MAX_ID) {
                throw new InvalidInputException("ticketIds[" + i + "]", "must be 1-" + MAX_ID
                        + " characters, not blank");
            }
        }
    }
}
