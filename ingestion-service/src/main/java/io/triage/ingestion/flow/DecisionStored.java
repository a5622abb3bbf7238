package io.triage.ingestion.flow;

import java.util.UUID;

import io.triage.ingestion.ticket.TicketSource;

/**
 * classify-service's decision for a ticket was stored (a new ticket, or a newer version of it). Published in the
 * transaction that stored it (Spring Modulith's event publication registry), so the write-back that follows it is
 * delivered at least once. Refused tickets publish nothing.
 *
 * @param ticketId   the ticket
 * @param source     where it came from
 * @param decisionId classify-service's decision id
 */
public record DecisionStored(UUID ticketId, TicketSource source, UUID decisionId) {
}
