package io.triage.ingestion.mapping;

import java.util.Optional;

import io.triage.ingestion.flow.TicketDecision;
import io.triage.ingestion.ticket.Ticket;

/** Turns a decision into what is written back to its ticket, under the source's published mapping. */
public interface WriteBackPlanner {

    /**
     * The write-back of {@code decision} to {@code ticket}; empty when nothing is written: the source has no published
     * mapping (write-back is off until one is published), the ticket is an import, or the decision is not
     * {@code DECIDED}.
     */
    Optional<WriteBackPlan> plan(Ticket ticket, TicketDecision decision);
}
