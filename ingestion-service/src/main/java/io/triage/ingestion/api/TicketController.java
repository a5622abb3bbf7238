package io.triage.ingestion.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.triage.ingestion.ticket.NewTicket;
import io.triage.ingestion.ticket.Ticket;
import io.triage.ingestion.ticket.TicketRepository;
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

    TicketController(TicketRepository tickets) {
        this.tickets = tickets;
    }

    @PostMapping("/tickets")
    @PreAuthorize("hasRole('OPS')")
    Ticket importTicket(@Valid @RequestBody NewTicket ticket) {
        return tickets.upsert(ticket);
    }

    @GetMapping("/tickets")
    @PreAuthorize("hasRole('OPS')")
    List<Ticket> list(@RequestParam(required = false) String customerId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return customerId == null ? tickets.findRecent(limit) : tickets.findByCustomer(customerId, limit);
    }
}
