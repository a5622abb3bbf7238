package io.triage.embedding.store;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What is stored beside a ticket's vector, for filtering and for the caller of a search.
 *
 * @param customerId the ticket's customer (GDPR deletes by it); absent when the source names none
 * @param department routing label once known
 * @param urgency urgency label once known
 * @param sentiment sentiment label once known
 * @param createdAt when the ticket was created at its source
 */
public record TicketMetadata(@Nullable String customerId, @Nullable String department, @Nullable String urgency,
        @Nullable String sentiment, Instant createdAt) {
}
