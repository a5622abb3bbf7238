package io.triage.ingestion.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A ticket as the rest of the suite sees it: sanitised, normalised text (subject and description) and the kinds of
 * personal data that were removed — never the raw text or the removed values.
 *
 * @param seq position in the change feed; every insert or change of a ticket gets a higher one
 * @param createdAt when this version of the ticket reached ingestion-service (the embedding lag is measured from it)
 */
public record CleanTicket(UUID ticketId, long seq, TicketSource source, String externalId,
        @Nullable String customerId, @Nullable String channel, String text, List<String> piiTypes,
        Instant sourceUpdatedAt, Instant createdAt) {
}
