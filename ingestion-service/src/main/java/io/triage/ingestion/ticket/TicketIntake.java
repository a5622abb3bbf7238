package io.triage.ingestion.ticket;

import io.triage.pii.PiiSanitizationException;
import io.triage.pii.PiiSanitizer;
import io.triage.pii.SanitizedText;
import io.triage.platform.problem.InternalFailureException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives a ticket: stores the raw version (idempotently) and its sanitised copy in one transaction, so no ticket
 * is ever visible downstream without its clean text, and no raw text is kept whose sanitisation failed. A new or
 * changed ticket publishes {@link TicketChanged} in the same transaction (classification and indexing follow it).
 */
@Service
public class TicketIntake {

    private final TicketRepository tickets;
    private final CleanTicketRepository clean;
    private final PiiSanitizer sanitizer;
    private final ApplicationEventPublisher events;

    TicketIntake(TicketRepository tickets, CleanTicketRepository clean, PiiSanitizer sanitizer,
            ApplicationEventPublisher events) {
        this.tickets = tickets;
        this.clean = clean;
        this.sanitizer = sanitizer;
        this.events = events;
    }

    @Transactional
    public CleanTicket receive(NewTicket ticket) {
        return receive(ticket, SourceAttributes.NONE);
    }

    /** As {@link #receive(NewTicket)}, for a connector that also knows the source's number, priority and fields. */
    @Transactional
    public CleanTicket receive(NewTicket ticket, SourceAttributes attributes) {
        TicketRepository.Upsert upsert = tickets.upsert(ticket, attributes);
        Ticket stored = upsert.ticket();
        // A redelivered or older version changed nothing, so its clean copy is already current.
        if (upsert.changed()) {
            clean.upsert(stored, sanitise(stored));
            events.publishEvent(new TicketChanged(stored.id(), stored.source(), stored.sourceUpdatedAt()));
        }
        return clean.find(stored.id()).orElseThrow();
    }

    private SanitizedText sanitise(Ticket stored) {
        try {
            return sanitizer.sanitize(stored.subject() + "\n" + stored.description());
        } catch (PiiSanitizationException e) {
            throw new InternalFailureException("Sanitisation failed",
                    "The ticket could not be sanitised and was not stored");
        }
    }
}
