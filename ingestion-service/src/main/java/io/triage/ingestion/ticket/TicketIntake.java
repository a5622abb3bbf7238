package io.triage.ingestion.ticket;

import java.util.Optional;

import io.triage.pii.PiiSanitizationException;
import io.triage.pii.PiiSanitizer;
import io.triage.pii.SanitizedText;
import io.triage.platform.problem.ConflictException;
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
    private final Suppression suppression;

    TicketIntake(TicketRepository tickets, CleanTicketRepository clean, PiiSanitizer sanitizer,
            ApplicationEventPublisher events, Suppression suppression) {
        this.suppression = suppression;
        this.tickets = tickets;
        this.clean = clean;
        this.sanitizer = sanitizer;
        this.events = events;
    }

    /**
     * Stores an imported ticket ({@code POST /tickets}) and answers its sanitised copy as stored now.
     *
     * @throws ConflictException (409) when a GDPR erasure deleted this ticket: it is not stored again
     */
    @Transactional
    public CleanTicket receive(NewTicket ticket) {
        Ticket stored = store(ticket, SourceAttributes.NONE).map(TicketRepository.Upsert::ticket)
                .orElseThrow(() -> new ConflictException(
                        "This ticket was erased under a GDPR request and is not stored again"));
        return clean.find(stored.id()).orElseThrow();
    }

    /**
     * Stores a ticket a connector (webhook or pull) brought, with what the source says beyond its text; joins the
     * caller's transaction (a pulled page is stored with its watermark).
     *
     * @return the stored ticket, and whether this call inserted or changed it; empty when a GDPR erasure deleted
     *     this ticket, which is then dropped (not stored again, no event)
     */
    @Transactional
    public Optional<TicketRepository.Upsert> store(NewTicket ticket, SourceAttributes attributes) {
        if (suppression.suppressed(ticket.source(), ticket.externalId(), ticket.customerId())) {
            return Optional.empty();
        }
        TicketRepository.Upsert upsert = tickets.upsert(ticket, attributes);
        Ticket stored = upsert.ticket();
        // A redelivered or older version changed nothing, so its clean copy is already current.
        if (upsert.changed()) {
            if (upsert.textChanged()) {
                clean.upsert(stored, sanitise(stored));
            } else {
                // Same text (a field moved, our own write-back echoed): the sanitised copy stands, at the new version.
                clean.advance(stored);
            }
            events.publishEvent(new TicketChanged(stored.id(), stored.source(), stored.sourceUpdatedAt(),
                    upsert.textChanged()));
        }
        return Optional.of(upsert);
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
