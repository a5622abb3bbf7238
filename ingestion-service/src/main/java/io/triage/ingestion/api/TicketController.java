package io.triage.ingestion.api;

import java.util.List;

import jakarta.validation.Valid;

import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.ticket.CleanTicket;
import io.triage.ingestion.ticket.CleanTicketRepository;
import io.triage.ingestion.ticket.NewTicket;
import io.triage.ingestion.ticket.TicketIntake;
import io.triage.platform.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports tickets (idempotently) and serves their sanitised copies; the source webhooks and pull sync build on the
 * same intake. Raw ticket text is never returned.
 */
@RestController
class TicketController {

    private final TicketIntake intake;
    private final CleanTicketRepository clean;
    private final IngestionProperties properties;

    TicketController(TicketIntake intake, CleanTicketRepository clean, IngestionProperties properties) {
        this.intake = intake;
        this.clean = clean;
        this.properties = properties;
    }

    /** The change feed page: items in {@code seq} order and the cursor to ask for next. */
    record CleanTicketPage(List<CleanTicket> items, long nextCursor) {
    }

    @PostMapping("/tickets")
    @PreAuthorize("hasRole('OPS')")
    CleanTicket importTicket(@Valid @RequestBody NewTicket ticket) {
        return intake.receive(ticket);
    }

    @GetMapping("/tickets")
    @PreAuthorize("hasAnyRole('OPS', 'AGENT')")
    List<CleanTicket> list(@RequestParam(required = false) @Nullable String customerId,
            @RequestParam(required = false) @Nullable Integer limit) {
        return clean.recent(customerId, PageSize.of(limit, properties));
    }

    /** For embedding-service's scheduled job: every ticket inserted or changed after the cursor. */
    @GetMapping("/tickets/clean")
    @PreAuthorize("hasAnyRole('EMBEDDING_SERVICE', 'OPS')")
    CleanTicketPage changes(@RequestParam(defaultValue = "0") long after,
            @RequestParam(required = false) @Nullable Integer limit) {
        if (after < 0) {
            throw new InvalidInputException("after", "after must be a cursor returned earlier, or 0");
        }
        List<CleanTicket> items = clean.changedAfter(after, PageSize.of(limit, properties));
        return new CleanTicketPage(items, items.isEmpty() ? after : items.getLast().seq());
    }
}
