package io.triage.ingestion.mapping;

import java.util.Optional;

import io.triage.ingestion.flow.TicketDecision;
import io.triage.ingestion.ticket.Ticket;
import io.triage.ingestion.ticket.TicketSource;
import org.springframework.stereotype.Component;

/** Plans write-backs under each source's published mapping (this replica's copy, see {@link PublishedMappings}). */
@Component
class MappingWriteBackPlanner implements WriteBackPlanner {

    private final PublishedMappings published;

    MappingWriteBackPlanner(PublishedMappings published) {
        this.published = published;
    }

    @Override
    public Optional<WriteBackPlan> plan(Ticket ticket, TicketDecision decision) {
        if (ticket.source() == TicketSource.IMPORT || !TicketDecision.DECIDED.equals(decision.status())) {
            return Optional.empty();
        }
        return published.get(ticket.source())
                .flatMap(p -> WriteBackPlans.of(p.mapping(), p.version(), ticket, decision));
    }
}
