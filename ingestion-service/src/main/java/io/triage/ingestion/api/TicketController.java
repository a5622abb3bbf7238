package io.triage.ingestion.api;

import java.util.List;

import jakarta.validation.Valid;

import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.ticket.NewTicket;
import io.triage.ingestion.ticket.Ticket;
import io.triage.ingestion.ticket.TicketRepository;
import io.triage.platform.web.ApiProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Imports tickets (idempotently) and lists them; the source webhooks and pull sync build on the same upsert. */
@RestController
class TicketController {

    private final TicketRepository tickets;
    private final IngestionProperties properties;

    TicketController(TicketRepository tickets, IngestionProperties properties) {
        this.tickets = tickets;
        this.properties = properties;
    }

    @PostMapping("/tickets")
    @PreAuthorize("hasRole('OPS')")
    Ticket importTicket(@Valid @RequestBody NewTicket ticket) {
        return tickets.upsert(ticket);
    }

    @GetMapping("/tickets")
    @PreAuthorize("hasRole('OPS')")
    List<Ticket> list(@RequestParam(required = false) String customerId,
            @RequestParam(required = false) Integer limit) {
        int size = limit == null ? properties.defaultPageSize() : limit;
        if (size < 1 || size > properties.maxPageSize()) {
            throw ApiProblem.badRequest("limit", "limit must be between 1 and " + properties.maxPageSize());
        }
        return customerId == null ? tickets.findRecent(size) : tickets.findByCustomer(customerId, size);
    }
}
