package io.triage.ingestion.api;

import java.util.UUID;

import io.triage.ingestion.flow.TicketDecision;
import io.triage.ingestion.flow.TicketDecisions;
import io.triage.platform.problem.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /tickets/{id}/decision} (role ops): classify-service's decision stored with the ticket, the one the
 * write-back uses. 404 until the ticket has been classified (or if there is no such ticket).
 */
@RestController
class DecisionController {

    private final TicketDecisions decisions;

    DecisionController(TicketDecisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/tickets/{ticketId}/decision")
    @PreAuthorize("hasAnyRole('OPS', 'AGENT')")
    TicketDecision decision(@PathVariable UUID ticketId) {
        return decisions.find(ticketId).orElseThrow(
                () -> new NotFoundException("Ticket " + ticketId + " has no decision (yet)"));
    }
}
