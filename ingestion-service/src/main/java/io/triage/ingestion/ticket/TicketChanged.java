package io.triage.ingestion.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket was stored for the first time or changed to a newer version. Published in the transaction that stored it
 * (Spring Modulith's event publication registry), so it is delivered at least once after the commit. It carries
 * no text and no customer id: listeners read the current sanitised ticket, and the outbox holds no personal data.
 *
 * @param ticketId the ticket
 * @param source where it came from
 * @param version the source's updated-at of the stored version
 */
public record TicketChanged(UUID ticketId, TicketSource source, Instant version) {
}
