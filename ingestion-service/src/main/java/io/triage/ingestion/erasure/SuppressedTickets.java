package io.triage.ingestion.erasure;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.ticket.Suppression;
import io.triage.ingestion.ticket.TicketRepository;
import io.triage.ingestion.ticket.TicketSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The suppression list: every ticket an erasure deleted, as a keyed hash of its source and external id (the erasure's
 * key; no id in the clear). The intake drops a later delivery of such a ticket (a re-import, a webhook for it, a pull
 * that still sees it in the source), so erased data cannot come back; the customer's new tickets are stored as usual.
 * Drops are counted in {@code ingestion_tickets_suppressed_total}.
 */
@Component
class SuppressedTickets implements Suppression {

    private final JdbcClient jdbc;
    private final CustomerHash hash;
    private final Counter dropped;

    SuppressedTickets(JdbcClient jdbc, CustomerHash hash, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.hash = hash;
        this.dropped = Counter.builder("ingestion.tickets.suppressed")
                .description("Deliveries of tickets a GDPR erasure deleted, dropped at intake").register(meters);
    }

    /** Adds the erased tickets to the list (in the erasure's transaction). */
    void add(List<TicketRepository.Erased> erased) {
        for (TicketRepository.Erased ticket : erased) {
            jdbc.sql("INSERT INTO suppressed_tickets (ticket_hash) VALUES (:hash) ON CONFLICT DO NOTHING")
                    .param("hash", key(ticket.source(), ticket.externalId())).update();
        }
    }

    @Override
    public boolean suppressed(TicketSource source, String externalId) {
        boolean suppressed = jdbc.sql("SELECT EXISTS (SELECT 1 FROM suppressed_tickets WHERE ticket_hash = :hash)")
                .param("hash", key(source, externalId)).query(Boolean.class).single();
        if (suppressed) {
            dropped.increment();
        }
        return suppressed;
    }

    private String key(TicketSource source, String externalId) {
        // The source's name cannot contain a line feed, so the pair is unambiguous.
        return hash.of(source.name() + "\n" + externalId);
    }
}
