package io.triage.ingestion.label;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The current validated labels of a ticket, as {@code PUT /tickets/{id}/labels} answers.
 *
 * @param applied false when this validation changed nothing: a redelivery, or older than the stored one
 */
public record TicketLabels(UUID ticketId, @Nullable String department, @Nullable String urgency,
        @Nullable String sentiment, String source, @Nullable String validatedBy, Instant validatedAt,
        boolean applied) {
}
