package io.triage.ingestion.ticket;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A ticket as stored by ingestion-service (raw text; never leaves this service unsanitised). */
public record Ticket(UUID id, TicketSource source, String externalId, @Nullable String customerId,
        @Nullable String channel, String subject, String description, Instant sourceUpdatedAt, Instant receivedAt) {
}
